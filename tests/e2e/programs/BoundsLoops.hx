// Array loops the optimizer may run without bounds checks (counted loops over a.length) next to
// loops where a check matters: the array grows or shrinks inside or before the loop, the bound
// is not the length, the index starts below zero, steps by two, counts down, or an alias grows.
class BoundsLoops {
	static function sum(a:Array<Int>):Int {
		var s = 0;
		for (i in 0...a.length) s += a[i];
		return s;
	}

	static function doubleAll(a:Array<Float>):Void {
		var i = 0;
		while (i < a.length) {
			a[i] = a[i] * 2;
			i++;
		}
	}

	static function pairs(a:Array<Int>):Int {
		var n = a.length;
		var s = 0;
		for (i in 0...n)
			for (j in i + 1...n)
				s += a[i] * a[j];
		return s;
	}

	static function growInside(a:Array<Int>):Int {
		var s = 0;
		for (i in 0...a.length) {
			if (a[i] % 2 == 0) a.push(a[i] * 10);
			s += a[i];
		}
		return s + a.length;
	}

	static function shrinkInside(a:Array<Int>):Int {
		var s = 0;
		var i = 0;
		while (i < a.length) {
			s += a[i];
			if (a[i] > 3) a.pop();
			i++;
		}
		return s * 100 + a.length;
	}

	static function shrinkBefore(a:Array<Int>):String {
		var n = a.length;
		a.pop();
		a.pop();
		for (i in 0...n) a[i] = i * i;
		return a.join(",");
	}

	static function otherBound(a:Array<Int>, n:Int):String {
		for (i in 0...n) a[i] = i + 1;
		return a.join(",");
	}

	static function negativeStart(a:Array<Int>):Int {
		var s = 0;
		for (i in -2...a.length) if (i >= 0) s += a[i] * (i + 3);
		return s;
	}

	static function stepTwo(a:Array<Int>):Int {
		var s = 0;
		var i = 0;
		while (i < a.length) {
			s += a[i];
			i += 2;
		}
		return s;
	}

	static function countDown(a:Array<Int>):String {
		var out = [];
		var i = a.length;
		while (i-- > 0) out.push(a[i]);
		return out.join(" ");
	}

	static function aliasGrows(a:Array<Int>):String {
		var c = a;
		var n = a.length;
		for (i in 0...n) c[n + i] = a[i] + 100;
		return a.join(",");
	}

	static function flags(a:Array<Bool>):Int {
		var count = 0;
		for (i in 0...a.length) {
			a[i] = !a[i];
			if (a[i]) count++;
		}
		return count;
	}

	static function objects(a:Array<String>):String {
		var out = "";
		for (i in 0...a.length) out += a[i].toUpperCase();
		for (s in a) out += s.length;
		return out;
	}

	static function withBreak(a:Array<Int>, stop:Int):Int {
		var s = 0;
		for (i in 0...a.length) {
			if (a[i] == stop) break;
			s += a[i];
		}
		return s;
	}

	static function printAll(a:Array<Int>):Void {
		for (i in 0...a.length) Sys.println("item " + i + ": " + a[i]);
	}

	static function main() {
		var a = [1, 2, 3, 4, 5, 6];
		Sys.println(sum(a) + " " + sum([]));
		var f = [0.5, 1.5, -2.0];
		doubleAll(f);
		Sys.println(f.join(","));
		Sys.println(pairs(a));
		Sys.println(growInside([1, 2, 3, 4]));
		Sys.println(shrinkInside([1, 5, 2, 7, 3, 9]));
		Sys.println(shrinkBefore([9, 9, 9, 9, 9]));
		Sys.println(otherBound([7, 7], 5));
		Sys.println(negativeStart([1, 2, 3]));
		Sys.println(stepTwo(a) + " " + stepTwo([1, 2, 3, 4, 5]));
		Sys.println(countDown(a));
		Sys.println(aliasGrows([1, 2, 3]));
		Sys.println(flags([true, false, false, true, false]));
		Sys.println(objects(["ab", "c", "def"]));
		Sys.println(withBreak(a, 4) + " " + withBreak(a, 42));
		printAll([3, 1, 4]);
	}
}
