class AppError {
	public var msg:String;

	public function new(msg:String) this.msg = msg;

	public function toString() return "AppError(" + msg + ")";
}

class NotFound extends AppError {
	public var key:String;

	public function new(key:String) {
		super("not found: " + key);
		this.key = key;
	}
}

class Invalid extends AppError {
	public var code:Int;

	public function new(code:Int) {
		super("invalid code " + code);
		this.code = code;
	}
}

class ExceptionsTyped {
	static function get(k:String):Null<Int> {
		return switch (k) { case "a": 1; case "b": -5; case "c": 30; default: null; };
	}

	static function lookup(k:String):Int {
		var v = get(k);
		if (v == null) throw new NotFound(k);
		if (v < 0) throw new Invalid(v);
		if (v > 10) throw new AppError("value too large");
		return v;
	}

	static function main() {
		for (k in ["a", "b", "c", "zzz"]) {
			try {
				Sys.println(k + " -> " + lookup(k));
			} catch (e:NotFound) {
				Sys.println("NotFound handler: key=" + e.key + " msg=" + e.msg);
			} catch (e:Invalid) {
				Sys.println("Invalid handler: code=" + e.code);
			} catch (e:AppError) {
				Sys.println("generic AppError handler: " + e);
			}
		}

		// order of catch clauses matters: base class first catches everything
		for (k in ["b", "zzz"]) {
			try {
				lookup(k);
			} catch (e:AppError) {
				Sys.println("base first: " + e.msg + " isNotFound=" + Std.isOfType(e, NotFound));
			}
		}

		// uncaught types propagate to outer handler
		try {
			try {
				lookup("zzz");
			} catch (e:Invalid) {
				Sys.println("should not happen");
			}
		} catch (e:NotFound) {
			Sys.println("outer caught " + e);
		}

		// catching and wrapping
		function safeLookup(k:String):Int {
			try {
				return lookup(k);
			} catch (e:AppError) {
				throw "wrapped<" + e.msg + ">";
			}
		}
		try {
			safeLookup("b");
		} catch (s:String) {
			Sys.println("caught wrapped string: " + s);
		}

		// catch with Dynamic receives the original object
		try {
			throw new Invalid(99);
		} catch (e:Dynamic) {
			Sys.println("dynamic catch got: " + e + " code=" + (Std.downcast(e, Invalid)).code);
		}
	}
}
