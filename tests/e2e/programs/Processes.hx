// sys.io.Process, as on HashLink: a program with arguments (searched in PATH), a shell command line
// (args null), the child's stdin, stdout and stderr as pipes, exit codes (blocking or not), kill.
// A command that cannot be started throws (HashLink starts it and the child fails).
class Processes {
	static function main() {
		var p = new sys.io.Process("echo", ["hello", "it's"]);
		Sys.println(p.stdout.readLine() + " " + p.exitCode());
		p.close();
		var sh = new sys.io.Process("echo out; echo err 1>&2; exit 3");
		Sys.println(sh.stdout.readAll().toString() + "|" + sh.stderr.readAll().toString() + "|" + sh.exitCode());
		sh.close();
		var cat = new sys.io.Process("cat", []);
		cat.stdin.writeString("line one\nline two\n");
		cat.stdin.close();
		Sys.println(cat.stdout.readAll().toString().split("\n"));
		Sys.println(cat.exitCode() + " " + (cat.getPid() > 0));
		cat.close();
		var sleeper = new sys.io.Process("sleep", ["30"]);
		Sys.println(sleeper.exitCode(false));
		sleeper.kill();
		Sys.println(sleeper.exitCode() != 0);
		sleeper.close();
		try {
			new sys.io.Process("no-such-command-rayzor", []);
			Sys.println("started");
		} catch (e:Dynamic)
			Sys.println(e);
	}
}
