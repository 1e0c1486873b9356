/*
 * Rayzor's Sys: the official API, bound to runtime natives (Rayzor.Runtime/Exports/SysExports.cs).
 * print, println, args and exit are lowered by name (Rayzor.Mir/Lowering/Lowerer.Calls.cs); the
 * others name their export with @:rzNative.
 */

@:coreApi
extern class Sys {
	static function print(v:Dynamic):Void;

	static function println(v:Dynamic):Void;

	static function args():Array<String>;

	@:rzNative("rz_sys_get_env")
	static function getEnv(s:String):String;

	@:rzNative("rz_sys_put_env")
	static function putEnv(s:String, v:Null<String>):Void;

	@:rzNative("rz_sys_environment")
	static function environment():Map<String, String>;

	@:rzNative("rz_sys_sleep")
	static function sleep(seconds:Float):Void;

	@:rzNative("rz_sys_set_time_locale")
	static function setTimeLocale(loc:String):Bool;

	@:rzNative("rz_sys_get_cwd")
	static function getCwd():String;

	@:rzNative("rz_sys_set_cwd")
	static function setCwd(s:String):Void;

	@:rzNative("rz_sys_system_name")
	static function systemName():String;

	@:rzNative("rz_sys_command")
	static function command(cmd:String, ?args:Array<String>):Int;

	static function exit(code:Int):Void;

	@:rzNative("rz_sys_time")
	static function time():Float;

	@:rzNative("rz_sys_cpu_time")
	static function cpuTime():Float;

	@:deprecated("Use programPath instead")
	@:rzNative("rz_sys_program_path")
	static function executablePath():String;

	@:rzNative("rz_sys_program_path")
	static function programPath():String;

	@:rzNative("rz_sys_get_char")
	static function getChar(echo:Bool):Int;

	static function stdin():haxe.io.Input;

	static function stdout():haxe.io.Output;

	static function stderr():haxe.io.Output;
}
