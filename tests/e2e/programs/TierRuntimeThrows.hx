// Haxe exceptions raised inside the runtime (not by a `throw` of the program) while the program
// runs compiled code of a tiered run, each caught by compiled code that then calls deeper than the
// runtime's frames were: run by TieredTests with .NET's collector running every millisecond.
class Box {
	public var v:Int;

	public function new(v:Int) {
		this.v = v;
	}
}

class Cat {
	public function new() {}
}

class TierRuntimeThrows {
	static function deep(n:Int, a:Float, b:Float, c:Float):Float {
		if (n == 0) {
			var s = 0.0;
			for (i in 0...50)
				s += a * i - b / (c + i);
			return s;
		}
		return deep(n - 1, a + 1, b * 0.5, c + 0.25) + a + n;
	}

	static function raise(kind:Int, i:Int):Int {
		switch (kind) {
			case 0:
				var d:Dynamic = i % 2 == 0 ? null : new Box(i);
				return d.v; // a field of a Dynamic null
			case 1:
				var f:Dynamic = i % 2 == 0 ? 42 : function() return i;
				return f(); // a call of a Dynamic that is no function
			case 2:
				var o:Dynamic = i % 2 == 0 ? new Cat() : new Box(i);
				var b = cast(o, Box); // a failed cast
				return b.v;
			case _:
				var s:String = i % 2 == 0 ? null : "abc";
				return s.indexOf("b"); // a method of a null String
		}
	}

	static function round(i:Int):Float {
		var total = 0.0;
		for (kind in 0...4) {
			try {
				total += raise(kind, i);
			} catch (e:Dynamic) {
				total += deep(30, i, kind, 1.0);
			}
		}
		return total;
	}

	static function main() {
		var sum = 0.0;
		for (i in 0...20000)
			sum += round(i);
		Sys.println(Std.int(sum / 1000));
	}
}
