// Loops with a constant bound over arrays whose length is known where the loop starts: a
// Vector made with that length, an array under a test of its length. The optimizer drops their
// bounds checks; next to them, loops where a check matters: an array literal shorter than the bound, an
// array that shrinks before the loop or inside it, a test that proves less than the bound. (Accesses
// outside a Vector are left out: unspecified, and haxe's interpreter keeps such stores.) An Array
// read outside gives the default here and null in haxe's interpreter, so reads print through n().
import haxe.ds.Vector;

class VectorConstantLoops {
	static function n(v:Int):Int {
		var s = Std.string(v);
		return s == "null" ? 0 : v;
	}

	static function schedule(seed:Int):Int {
		var w = new Vector<Int>(64);
		for (t in 0...64) w[t] = (seed * (t + 1)) ^ (t << 3);
		var s = 0;
		for (t in 0...64) s = (s * 31 + w[t]) | 0;
		return s;
	}

	static function shortLiteral():String {
		// the literal's element stores follow its allocation: the loop keeps its checks
		var w = [1, 2, 3, 4, 5, 6];
		var out = new Vector<Int>(8);
		for (t in 0...8) out[t] = w[t];
		return show(out) + " length " + w.length;
	}

	static function show(v:Vector<Int>):String {
		return [for (i in 0...v.length) n(v[i])].join(",");
	}

	static function tested(a:Array<Int>):Int {
		var s = 0;
		if (a.length >= 8)
			for (i in 0...8) s += a[i] * (i + 1);
		return s;
	}

	static function notShorter(a:Array<Int>):Int {
		if (a.length < 4) return -1;
		var s = 0;
		for (i in 0...4) s = s * 10 + a[i];
		return s;
	}

	static function provesTooLittle(a:Array<Int>):String {
		// no call in the loop: only the test's bound (3 < 5) keeps the reads checked
		var out = new Vector<Int>(5);
		if (a.length >= 3)
			for (i in 0...5) out[i] = a[i];
		return show(out);
	}

	static function shrinkBefore():String {
		var a = [1, 2, 3, 4];
		a.pop();
		var out = [];
		for (i in 0...4) {
			var x = a[i];
			out.push(n(x));
		}
		return out.join(",");
	}

	static function shrinkInside():String {
		var a = [10, 20, 30, 40, 50];
		var out = [];
		for (i in 0...5) {
			var x = a[i];
			out.push(n(x));
			if (i == 1) a.pop();
		}
		return out.join(",");
	}

	static function main() {
		Sys.println(schedule(7) + " " + schedule(-12345));
		Sys.println(shortLiteral());
		Sys.println(tested([1, 2, 3, 4, 5, 6, 7, 8, 9]) + " " + tested([1, 2]));
		Sys.println(notShorter([4, 3, 2, 1, 0]) + " " + notShorter([1]));
		Sys.println(provesTooLittle([5, 6, 7]) + " / " + provesTooLittle([5, 6, 7, 8, 9, 10]));
		Sys.println(shrinkBefore());
		Sys.println(shrinkInside());
	}
}
