// An uncaught exception: stdout so far is flushed, `Uncaught exception: ...` goes to stderr and
// the exit status is 1. Handlers that do not match pass the value on.
class ExceptionsUncaught {
	static function main() {
		Sys.println("before");
		try {
			try {
				throw "boom";
			} catch (e:Int) {
				Sys.println("not an Int");
			}
		} catch (e:Bool) {
			Sys.println("not a Bool");
		}
		Sys.println("never printed");
	}
}
