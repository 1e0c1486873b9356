package rayzor;

/**
	The natives behind Rayzor's EReg (Rayzor.Runtime/Exports/RegexExports.cs, docs/abi.md): the
	runtime's own backtracking engine (Rayzor.Runtime/Regex), PCRE syntax and semantics.
**/
extern class RegexNatives {
	/** The compiled program of `pattern` (options i m s u g), packed in a String's code units;
		throws `"Regexp compilation error : <reason> in <pattern>"` for an invalid pattern. **/
	@:rzNative("rz_regex_compile")
	static function compile(pattern:String, options:String):String;

	/** Capture groups of a compiled program, the whole match (group 0) included. **/
	@:rzNative("rz_regex_groups")
	static function groups(code:String):Int;

	/** Searches `s` from `pos` within its first `pos + len` code units (the text before `pos` is
		seen by anchors and `\b`); on a match, `caps` holds start and end of every group (-1: the
		group did not take part). An out-of-range window matches nothing; a runaway search throws. **/
	@:rzNative("rz_regex_exec")
	static function exec(code:String, s:String, pos:Int, len:Int, caps:Array<Int>):Bool;
}
