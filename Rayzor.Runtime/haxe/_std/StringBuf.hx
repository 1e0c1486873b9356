/*
 * Rayzor's StringBuf: a growable UTF-16 buffer in the runtime (the official one concatenates
 * strings, which is quadratic). Bound to natives in Rayzor.Mir/Lowering/Lowerer.Methods.cs.
 */

extern class StringBuf {
	var length(default, null):Int;

	function new():Void;

	function add<T>(x:T):Void;

	function addChar(c:Int):Void;

	function addSub(s:String, pos:Int, ?len:Int):Void;

	function toString():String;
}
