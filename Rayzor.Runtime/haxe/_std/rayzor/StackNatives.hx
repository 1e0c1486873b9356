package rayzor;

/** The natives behind haxe.CallStack (Rayzor.Runtime/Exports/CallStackExports.cs). */
extern class StackNatives {
	/** The return addresses of the current stack, innermost first. */
	@:rzNative("rz_stack_capture")
	static function capture():Array<Float>;

	/** The Haxe frames of captured return addresses, innermost first: `Class.method\tfile\tline`. */
	@:rzNative("rz_stack_resolve")
	static function resolve(pcs:Array<Float>):Array<String>;
}
