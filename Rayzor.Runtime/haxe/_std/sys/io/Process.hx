package sys.io;

import rayzor.io.FdInput;
import rayzor.io.FdOutput;
import rayzor.io.ProcessNatives;

/**
	A child process, as on HashLink: `args` null runs `cmd` as a shell command line (`/bin/sh -c`),
	else the program `cmd` (searched in PATH) with those arguments; its stdin, stdout and stderr are
	pipes of this process.
**/
class Process {
	/** What the process writes on its standard output. **/
	public var stdout(default, null):haxe.io.Input;

	/** What the process writes on its standard error. **/
	public var stderr(default, null):haxe.io.Input;

	/** The process's standard input. **/
	public var stdin(default, null):haxe.io.Output;

	var pid:Int;
	var code:Null<Int>;

	public function new(cmd:String, ?args:Array<String>, ?detached:Bool):Void {
		if (detached)
			throw "Detached process is not supported on this platform";
		var fds = [0, 0, 0];
		pid = ProcessNatives.spawn(cmd, args, fds);
		if (pid < 0)
			throw "Process creation failure : " + cmd;
		stdin = new FdOutput(fds[0]);
		stdout = new FdInput(fds[1]);
		stderr = new FdInput(fds[2]);
	}

	/** The process id. **/
	public function getPid():Int {
		return pid;
	}

	/** The exit code, waiting for the process to end when `block`; null when it has not ended (not blocking). **/
	public function exitCode(block:Bool = true):Null<Int> {
		if (code == null) {
			var c = ProcessNatives.wait(pid, block ? 1 : 0);
			if (c >= 0)
				code = c;
		}
		return code;
	}

	/** Closes the pipes (the process goes on). **/
	public function close():Void {
		stdout.close();
		stderr.close();
		stdin.close();
	}

	/** Ends the process. **/
	public function kill():Void {
		ProcessNatives.kill(pid);
	}
}
