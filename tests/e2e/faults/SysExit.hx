// Sys.exit(n) ends the program with status n at once, after writing out what was printed.
class SysExit {
	static function main() {
		var code = Std.parseInt(Sys.args()[0]);
		Sys.println("exiting with " + code);
		try {
			Sys.exit(code);
		} catch (e:Dynamic) {
			Sys.println("exit is not an exception: " + e);
		}
		Sys.println("not reached");
	}
}
