class Resource {
	public var name:String;
	public var open:Bool = false;

	public static var log:Array<String> = [];

	public function new(n) name = n;

	public function acquire() {
		open = true;
		log.push("open " + name);
	}

	public function release() {
		open = false;
		log.push("close " + name);
	}
}

class ExceptionsFlow {
	// emulate try/finally: always release, then rethrow
	static function withResource<T>(r:Resource, body:Resource->T):T {
		r.acquire();
		var result:T;
		try {
			result = body(r);
		} catch (e:Dynamic) {
			r.release();
			throw e;
		}
		r.release();
		return result;
	}

	static function risky(n:Int):Int {
		if (n % 3 == 0) throw "multiple of three: " + n;
		return n * n;
	}

	static var depth = 0;

	static function recurse(n:Int):Int {
		depth++;
		if (n == 0) throw "bottom reached at depth " + depth;
		return recurse(n - 1) + 1;
	}

	static function main() {
		for (n in [2, 3, 4]) {
			try {
				var v = withResource(new Resource("r" + n), r -> risky(n));
				Sys.println("value " + v);
			} catch (e:String) {
				Sys.println("failed: " + e);
			}
		}
		Sys.println("log: " + Resource.log.join(", "));

		// exceptions unwind through recursion
		try {
			recurse(6);
		} catch (e:String) {
			Sys.println(e);
		}

		// rethrow from catch, caught by outer try, with state checks
		var stage = "";
		try {
			try {
				stage += "a";
				throw 1;
			} catch (e:Int) {
				stage += "b";
				throw e + 1;
			}
			stage += "x";
		} catch (e:Int) {
			stage += "c" + e;
		}
		Sys.println("stage trace: " + stage);

		// exception thrown inside a closure called from a higher-order function
		var processed = [];
		try {
			var f = function(x:Int) {
				if (x == 3) throw "map aborted at " + x;
				processed.push(x);
				return x;
			};
			for (x in [1, 2, 3, 4]) f(x);
		} catch (e:String) {
			Sys.println(e + " after processing " + processed);
		}

		// return from inside try and catch
		Sys.println(classify(5) + " " + classify(-5) + " " + classify(0));

		// break and continue inside try in a loop
		var out = [];
		for (i in 0...8) {
			try {
				if (i == 2) continue;
				if (i == 6) break;
				if (i == 4) throw "skip";
				out.push(i);
			} catch (e:String) {
				out.push(-i);
			}
		}
		Sys.println("loop with try: " + out);
	}

	static function classify(n:Int):String {
		try {
			if (n < 0) throw "neg";
			if (n == 0) return "zero";
			return "pos";
		} catch (e:String) {
			return "caught-" + e;
		}
	}
}
