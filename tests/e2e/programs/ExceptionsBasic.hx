class ExceptionsBasic {
	static function divide(a:Int, b:Int):Int {
		if (b == 0) throw "division by zero";
		return Std.int(a / b);
	}

	static function level3(x:Int):Int {
		Sys.println("  level3 start " + x);
		if (x > 2) throw "too big: " + x;
		Sys.println("  level3 end");
		return x * 10;
	}

	static function level2(x:Int):Int {
		Sys.println(" level2 start");
		var r = level3(x) + 1;
		Sys.println(" level2 end");
		return r;
	}

	static function level1(x:Int):String {
		try {
			return "result " + level2(x);
		} catch (e:String) {
			return "level1 caught: " + e;
		}
	}

	static function main() {
		for (p in [[10, 2], [5, 0], [-9, 3]]) {
			try {
				Sys.println(p[0] + "/" + p[1] + " = " + divide(p[0], p[1]));
			} catch (e:String) {
				Sys.println("error: " + e);
			}
		}
		Sys.println(level1(1));
		Sys.println(level1(5));

		// throw non-string values
		var values:Array<Dynamic> = [42, 1.5, true, [1, 2], "s"];
		for (v in values) {
			try {
				throw v;
			} catch (e:Int) {
				Sys.println("caught Int " + e);
			} catch (e:Float) {
				Sys.println("caught Float " + e);
			} catch (e:Bool) {
				Sys.println("caught Bool " + e);
			} catch (e:Array<Dynamic>) {
				Sys.println("caught Array of length " + e.length);
			} catch (e:Dynamic) {
				Sys.println("caught Dynamic " + e);
			}
		}

		// try as an expression
		var parsed = try Std.parseInt("12") catch (e:Dynamic) -1;
		var failed = try divide(1, 0) catch (e:String) -1;
		Sys.println("try-expr values: " + parsed + " " + failed);

		// state after exception: partial work is kept
		var done = [];
		try {
			for (i in 0...10) {
				if (i == 4) throw "stop at " + i;
				done.push(i);
			}
		} catch (e:String) {
			Sys.println(e + ", done=" + done);
		}

		// exception in a loop body does not stop the outer loop
		var results = [];
		for (i in 0...5) {
			try {
				if (i % 2 == 1) throw i;
				results.push("ok" + i);
			} catch (e:Int) {
				results.push("err" + e);
			}
		}
		Sys.println(results.join(" "));
	}
}
