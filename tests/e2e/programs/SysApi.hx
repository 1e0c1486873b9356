// Sys beyond printing: time, environment, working folder, child processes (outputs stay ordered).
class SysApi {
	static function main() {
		var t = Sys.time();
		Sys.println("time after 2023: " + (t > 1.7e9));
		var c = Sys.cpuTime();
		Sys.println("cpu time sane: " + (c >= 0 && c < 1000));
		Sys.println("unset: " + Sys.getEnv("RAYZOR_SYSAPI_VAR"));
		Sys.putEnv("RAYZOR_SYSAPI_VAR", "a b=c");
		Sys.println("set: " + Sys.getEnv("RAYZOR_SYSAPI_VAR"));
		Sys.println("in environment(): " + Sys.environment().get("RAYZOR_SYSAPI_VAR"));
		Sys.println("system: " + Sys.systemName());
		Sys.print("before the child, ");
		Sys.println("rc=" + Sys.command("echo", ["child sees", "it's", "$HOME"]));
		Sys.println("shell exit code: " + Sys.command("exit 7"));
		Sys.println("child environment: " + Sys.command("test \"$RAYZOR_SYSAPI_VAR\" = 'a b=c'"));
		Sys.println("killed child: " + Sys.command("kill -9 $$"));
		Sys.putEnv("RAYZOR_SYSAPI_VAR", null);
		Sys.println("removed: " + Sys.getEnv("RAYZOR_SYSAPI_VAR"));
		var cwd = Sys.getCwd();
		Sys.println("cwd ends with /: " + StringTools.endsWith(cwd, "/"));
		Sys.setCwd("/");
		Sys.println("now in: " + Sys.getCwd());
		Sys.setCwd(cwd);
		Sys.println("back: " + (Sys.getCwd() == cwd));
		Sys.println("program path is executable: " + (Sys.command("test -x '" + Sys.programPath() + "'") == 0));
		var t0 = Sys.time();
		Sys.sleep(0.02);
		Sys.println("slept: " + (Sys.time() - t0 >= 0.019));
		try {
			Sys.setCwd("/nonexistent/folder");
		} catch (e:String) {
			Sys.println("caught: " + e);
		}
	}
}
