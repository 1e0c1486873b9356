// Locals assigned inside a try body keep their last value in the handler and after the try
// (they live in cells, not in SSA values, across the longjmp).
class ExceptionsState {
	static function fail(n:Int):Int {
		if (n > 2) throw n;
		return n;
	}

	static function nested(depth:Int):String {
		var trail = "";
		try {
			trail += "a";
			try {
				trail += "b";
				fail(depth);
				trail += "c";
			} catch (e:String) {
				trail += "!";
			}
			trail += "d";
		} catch (e:Int) {
			trail += "e" + e;
		}
		return trail;
	}

	static function main() {
		var count = 0;
		var total = 0.5;
		var flag = false;
		try {
			for (i in 0...10) {
				count++;
				total += fail(i);
				flag = !flag;
			}
		} catch (e:Int) {
			Sys.println("caught " + e + " count=" + count + " total=" + total + " flag=" + flag);
		}
		Sys.println("after: count=" + count + " total=" + total);
		Sys.println(nested(1) + " " + nested(5));

		// a try inside a loop, the loop counter untouched by the try
		var log = [];
		var i = 0;
		while (i < 6) {
			i++;
			try {
				if (i % 3 == 0) throw "x" + i;
				log.push("" + i);
			} catch (e:String) {
				log.push(e);
				continue;
			}
			log.push(".");
		}
		Sys.println(log.join(""));

		// try as a value in several positions
		var a = try fail(1) catch (e:Int) -e;
		var b = try fail(7) catch (e:Int) -e;
		var c:Float = try fail(9) catch (e:Float) e / 2;
		Sys.println(a + " " + b + " " + c);
		Sys.println("sum " + ((try fail(2) catch (e:Dynamic) 0) + (try fail(3) catch (e:Dynamic) 100)));

		// a throw inside a closure, caught by the caller's caller
		var calls = 0;
		var f = function(x:Int) {
			calls++;
			if (x == 2) throw "closure " + x;
			return x;
		};
		try {
			for (k in 0...5) f(k);
		} catch (e:String) {
			Sys.println(e + " after " + calls + " calls");
		}

		// deep recursion unwinds in one jump
		Sys.println(depth(0));
	}

	static function depth(n:Int):String {
		try {
			return down(n);
		} catch (e:Int) {
			return "unwound from " + e;
		}
	}

	static function down(n:Int):String {
		if (n == 500) throw n;
		return down(n + 1);
	}
}
