import haxe.Exception;

class ValidationError extends Exception {
	public var field:String;

	public function new(field:String, message:String, ?previous:Exception) {
		super(message, previous);
		this.field = field;
	}
}

class ExceptionsHaxe {
	static function validateAge(age:Int):Int {
		if (age < 0) throw new ValidationError("age", "age must be non-negative, got " + age);
		return age;
	}

	static function parseAndValidate(s:String):Int {
		var v = Std.parseInt(s);
		if (v == null) throw new Exception("not a number: " + s);
		try {
			return validateAge(v);
		} catch (e:ValidationError) {
			throw new ValidationError("input", "invalid input '" + s + "'", e);
		}
	}

	static function main() {
		try {
			throw new Exception("plain failure");
		} catch (e:Exception) {
			Sys.println("message: " + e.message);
			Sys.println("toString: " + e.toString());
			Sys.println("previous is null: " + (e.previous == null));
		}

		for (s in ["25", "x1", "-3"]) {
			try {
				Sys.println("ok: " + parseAndValidate(s));
			} catch (e:ValidationError) {
				Sys.println("validation error on field '" + e.field + "': " + e.message);
				if (e.previous != null) {
					Sys.println("  caused by: " + e.previous.message);
					var inner = Std.downcast(e.previous, ValidationError);
					Sys.println("  inner field: " + (inner == null ? "?" : inner.field));
				}
			} catch (e:Exception) {
				Sys.println("general exception: " + e.message);
			}
		}

		// non-Exception values thrown are still catchable as haxe.Exception
		try {
			throw "raw string";
		} catch (e:Exception) {
			Sys.println("wrapped message: " + e.message);
		}
		try {
			throw 404;
		} catch (e:Exception) {
			Sys.println("wrapped int message: " + e.message);
		}

		// Std.isOfType on exceptions
		var errs:Array<Exception> = [new Exception("a"), new ValidationError("f", "b")];
		for (e in errs) Sys.println(e.message + " is ValidationError: " + Std.isOfType(e, ValidationError));

		// rethrow keeps identity
		var original = new ValidationError("x", "first");
		try {
			try {
				throw original;
			} catch (e:Exception) {
				Sys.println("inner caught " + e.message + ", rethrowing");
				throw e;
			}
		} catch (e:ValidationError) {
			Sys.println("outer caught same object: " + (e == original));
		}
	}
}
