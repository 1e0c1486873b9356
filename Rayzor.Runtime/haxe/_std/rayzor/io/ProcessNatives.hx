package rayzor.io;

/** Child processes, through libc (Rayzor.Runtime/Sys/SysNatives.Process.cs). **/
extern class ProcessNatives {
	/** Starts `cmd` (a shell command line when `args` is null); the parent's ends of its stdin, stdout and stderr go into `fds`. The pid, or -1. **/
	@:rzNative("rz_process_spawn")
	static function spawn(cmd:String, args:Array<String>, fds:Array<Int>):Int;

	/** The exit code (128 + signal), waiting when `block` is 1; -1 while running (not blocking). **/
	@:rzNative("rz_process_wait")
	static function wait(pid:Int, block:Int):Int;

	/** SIGKILL. **/
	@:rzNative("rz_process_kill")
	static function kill(pid:Int):Void;
}
