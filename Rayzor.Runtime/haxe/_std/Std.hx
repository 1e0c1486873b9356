/*
 * Rayzor's Std: the same API as the official std/Std.hx, bound to the runtime natives by the
 * compiler (Rayzor.Mir/Lowering/Lowerer.Calls.cs).
 */

extern class Std {
	@:deprecated('Std.is is deprecated. Use Std.isOfType instead.')
	static function is(v:Dynamic, t:Dynamic):Bool;

	static function isOfType(v:Dynamic, t:Dynamic):Bool;

	static function downcast<T:{}, S:T>(value:T, c:Class<S>):S;

	@:deprecated('Std.instance() is deprecated. Use Std.downcast() instead.')
	static function instance<T:{}, S:T>(value:T, c:Class<S>):S;

	static function string(s:Dynamic):String;

	static function int(x:Float):Int;

	static function parseInt(x:String):Null<Int>;

	static function parseFloat(x:String):Float;

	@:rzNative("rz_std_random")
	static function random(x:Int):Int;
}
