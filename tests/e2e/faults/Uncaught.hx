// Uncaught exceptions of every kind: `Uncaught exception: <Std.string of the value>`, the Haxe
// frames as `Called from` lines on stderr, exit status 1. The first argument picks the kind.
class PlainError {
	public function new() {}
}

class NamedError {
	public var code:Int;

	public function new(code:Int) {
		this.code = code;
	}

	public function toString():String {
		return "NamedError(" + code + ")";
	}
}

class ParseError extends haxe.Exception {
	public function new(what:String) {
		super("cannot parse " + what);
	}
}

class Uncaught {
	static function fail(kind:String):Void {
		switch (kind) {
			case "string":
				throw "boom";
			case "int":
				throw 42;
			case "float":
				throw 1.5;
			case "plain":
				throw new PlainError();
			case "named":
				throw new NamedError(7);
			case "exception":
				throw new haxe.Exception("plain exception");
			case "subclass":
				throw new ParseError("config.json");
			case "closure":
				var f = function(x:Int) {
					if (x > 1)
						throw "from closure " + x;
					return x;
				};
				f(2);
			case "rethrow":
				try {
					throw "first";
				} catch (e:String) {
					throw e + " again";
				}
			case "null":
				throw null;
			default:
				Sys.println("unknown kind " + kind);
		}
	}

	static function main() {
		Sys.println("before");
		fail(Sys.args()[0]);
		Sys.println("not reached");
	}
}
