class Main {
	x = 1;
	var;
	var 1;
	function ();
	trace("statement");
	?var opt:Int;
	static function main() {}
	junk
	function after() {}
}
