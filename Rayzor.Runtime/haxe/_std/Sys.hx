/*
 * Rayzor's Sys: the official API, bound to runtime natives (Rayzor.Runtime/Exports/SysExports.cs).
 * print, println, args and exit are lowered by name (Rayzor.Mir/Lowering/Lowerer.Calls.cs); the
 * other extern functions name their export with @:rzNative; the streams are Haxe objects over
 * file descriptors 0, 1 (the runtime's stdout buffer, shared with println) and 2.
 */

@:coreApi
class Sys {
	public static extern function print(v:Dynamic):Void;

	public static extern function println(v:Dynamic):Void;

	public static extern function args():Array<String>;

	@:rzNative("rz_sys_get_env")
	public static extern function getEnv(s:String):String;

	@:rzNative("rz_sys_put_env")
	public static extern function putEnv(s:String, v:Null<String>):Void;

	@:rzNative("rz_sys_environment")
	public static extern function environment():Map<String, String>;

	@:rzNative("rz_sys_sleep")
	public static extern function sleep(seconds:Float):Void;

	@:rzNative("rz_sys_set_time_locale")
	public static extern function setTimeLocale(loc:String):Bool;

	@:rzNative("rz_sys_get_cwd")
	public static extern function getCwd():String;

	@:rzNative("rz_sys_set_cwd")
	public static extern function setCwd(s:String):Void;

	@:rzNative("rz_sys_system_name")
	public static extern function systemName():String;

	@:rzNative("rz_sys_command")
	public static extern function command(cmd:String, ?args:Array<String>):Int;

	public static extern function exit(code:Int):Void;

	@:rzNative("rz_sys_time")
	public static extern function time():Float;

	@:rzNative("rz_sys_cpu_time")
	public static extern function cpuTime():Float;

	@:deprecated("Use programPath instead")
	@:rzNative("rz_sys_program_path")
	public static extern function executablePath():String;

	@:rzNative("rz_sys_program_path")
	public static extern function programPath():String;

	@:rzNative("rz_sys_get_char")
	public static extern function getChar(echo:Bool):Int;

	static var inStream:haxe.io.Input;
	static var outStream:haxe.io.Output;
	static var errStream:haxe.io.Output;

	public static function stdin():haxe.io.Input {
		if (inStream == null)
			inStream = new rayzor.io.FdInput(0);
		return inStream;
	}

	public static function stdout():haxe.io.Output {
		if (outStream == null)
			outStream = new rayzor.io.FdOutput(1);
		return outStream;
	}

	public static function stderr():haxe.io.Output {
		if (errStream == null)
			errStream = new rayzor.io.FdOutput(2);
		return errStream;
	}
}
