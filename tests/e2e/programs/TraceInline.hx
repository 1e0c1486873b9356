// Calls the MIR inliner replaced by their bodies: an `inline` function and small ones. A throw
// from an inlined body inside a `try` is caught there; an uncaught one still reports a `Called
// from` line per Haxe frame, the inlined functions' own lines included.
class Checker {
	public var limit:Int;

	public function new(limit:Int) {
		this.limit = limit;
	}

	public inline function check(n:Int):Int {
		if (n > limit)
			throw 'too big: $n';
		return n;
	}
}

class TraceInline {
	static inline function twice(c:Checker, n:Int):Int {
		return c.check(n) * 2;
	}

	static function small(c:Checker, n:Int):Int
		return c.check(n) + 1;

	static function main() {
		var c = new Checker(10);
		try {
			Sys.println(twice(c, 20));
		} catch (e:String) {
			Sys.println("caught " + e);
		}
		var total = 0;
		for (i in 0...5)
			total += small(c, i) + twice(c, i);
		Sys.println(total);
		Sys.println(twice(c, 3) + small(c, 11));
	}
}
