// A null passed for an optional Int, Float or Bool parameter with a default value means the default, as in
// Haxe (found by the differential fuzzer: `opt(2, null, "ab")` gave b = 0).
class OptionalNullDefault {
	static function opt(a:Int, ?b:Int = 3, ?s:String):Int {
		return a * b + (s == null ? -1 : s.length);
	}

	static function scale(x:Float, ?by:Float = 1.5, ?on:Bool = true):Float {
		return on ? x * by : x;
	}

	static var calls = 0;

	static function counted(v:Null<Int>):Null<Int> {
		calls++;
		return v;
	}

	var base:Int;

	function new(?base:Int = 10) {
		this.base = base;
	}

	static function main() {
		Sys.println(opt(2));
		Sys.println(opt(2, null, "ab"));
		Sys.println(opt(2, 5));
		var n:Null<Int> = null;
		Sys.println(opt(2, n, "abc"));
		n = 4;
		Sys.println(opt(2, n));
		// the argument is evaluated once
		Sys.println(opt(1, counted(null)) + " " + opt(1, counted(6)) + " calls " + calls);
		Sys.println(scale(2, null, null));
		Sys.println(scale(2, 3, false));
		Sys.println(new OptionalNullDefault(null).base + " " + new OptionalNullDefault().base + " " + new OptionalNullDefault(4).base);
	}
}
