// Everything of the first subset: static vars and functions, locals with inference, Int/Float/Bool/String,
// Haxe arithmetic (Int wraps at 32 bits, `/` yields Float, `%` truncates), comparisons, logic,
// ternary, if/else, while, do-while, for over ranges, break/continue, ++/+=, recursion, string
// concatenation with every basic type, Sys.println, trace, Std.string, Std.int, Math.
// Its output is exactly what `haxe -main Subset --interp` prints (floats are exact binary fractions).
class Subset {
	static var counter = 0;
	static var total:Float = 0.5;
	static var greeting = "hi";
	static var flag:Bool = false;

	static function fib(n:Int):Int {
		return n < 2 ? n : fib(n - 1) + fib(n - 2);
	}

	static function fact(n:Int):Int {
		if (n <= 1) return 1;
		return n * fact(n - 1);
	}

	static function isEven(n:Int):Bool return n == 0 ? true : isOdd(n - 1);

	static function isOdd(n:Int):Bool return n == 0 ? false : isEven(n - 1);

	static function bump() {
		counter++;
		counter += 2;
	}

	static function describe(x:Int) {
		if (x < 0) {
			return "negative";
		} else if (x == 0) {
			return "zero";
		}
		return "positive";
	}

	static function main() {
		Sys.println("fib(20) = " + fib(20));
		Sys.println("fact(12) = " + fact(12));
		Sys.println("fact(13) wraps: " + fact(13));
		var big = 2147483647;
		big++;
		Sys.println("max+1 = " + big);
		var m = 65536 * 65536;
		Sys.println("65536*65536 = " + m);
		Sys.println("7 / 2 = " + 7 / 2);
		Sys.println("-7 % 3 = " + (-7 % 3));
		Sys.println("7 % -3 = " + (7 % -3));
		Sys.println("1 / 4 = " + 1 / 4);
		Sys.println("0.5 + 0.25 = " + (0.5 + 0.25));
		Sys.println("float: " + 2.5 + " int: " + 3 + " bool: " + true);
		Sys.println("shifts: " + (1 << 4) + " " + (-16 >> 2) + " " + (-16 >>> 28) + " " + (5 & 3) + " " + (5 | 3) + " " + (5 ^ 3) + " " + ~5);
		Sys.println(isEven(10) + " " + isOdd(7) + " " + !isOdd(7));
		Sys.println(describe(-3) + " " + describe(0) + " " + describe(9));

		var sum = 0;
		for (i in 0...10) {
			if (i == 3) continue;
			if (i == 8) break;
			sum += i;
		}
		Sys.println("sum = " + sum);

		var n = 0;
		while (n < 5) n++;
		var d = 10;
		do {
			d -= 3;
		} while (d > 0);
		Sys.println("n = " + n + ", d = " + d);

		var nested = 0;
		for (i in 0...4)
			for (j in i...4)
				nested += i * j;
		Sys.println("nested = " + nested);

		for (k in 0...3) bump();
		Sys.println("counter = " + counter);
		total += 1.25;
		total *= 2;
		Sys.println("total = " + total);
		greeting += " there";
		Sys.println(greeting + ", flag = " + flag);

		var x = 5;
		var y = x > 3 && x < 10 ? "in" : "out";
		Sys.println(y + (x > 7 || x == 5 ? " yes" : " no"));
		var f = 3.75;
		Sys.println(Std.int(f) + " " + Std.int(-f) + " " + Std.string(f) + " " + Std.string(42));
		Sys.println(Math.sqrt(2.25) + " " + Math.floor(-2.5) + " " + Math.abs(-4.5) + " " + Math.floor(7.9));
		Sys.println(1e15 + " " + 1e-5 + " " + 1.0 + " " + -0.5 + " " + 123456789.125);
		trace("traced " + x);
		trace(x * 2);
		trace(f);
		var s = "abc" + 1 + 2;
		Sys.println(s);
		Sys.println(1 + 2 + "abc");
		Sys.println(x == 5 ? 1.5 : 2);
	}
}
