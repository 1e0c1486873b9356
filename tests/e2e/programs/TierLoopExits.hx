// Loops left by compiled code back into the interpreter (tiered run: a loop's entry runs the loop
// only, then the frame goes on interpreted): values of every kind live after a loop, loops left
// by `break` and by `return`, a loop whose back-edge is a conditional branch, a second loop in
// the same frame, values of an inner loop used after the outer one, and an object made in the
// loop (kept in the frame by escape analysis) used after it.
class TierLoopExits {
	static function kinds(n:Int):Int {
		var a = 0;
		var b = -5;
		var flag = false;
		var f = 0.5;
		var s = "";
		var last:Null<Int> = null;
		var obj = {v: 0};
		for (i in 0...n) {
			a += i * 3;
			b = -b - i;
			flag = i % 3 == 0;
			f = f * 0.5 + i;
			if (i % 4 == 0)
				s += i;
			last = i % 5 == 0 ? i : last;
			obj = {v: obj.v + i};
		}
		trace('$a $b $flag ${Std.int(f * 1000)} $s $last ${obj.v}');
		var c = 0;
		var odd = false;
		while (c < n * 30) {
			c += 3;
			odd = !odd;
		}
		trace('$c $odd');
		return a + b + c;
	}

	static function breaks(xs:Array<Int>):String {
		var found = -1;
		var sum = 0;
		for (i in 0...xs.length) {
			if (xs[i] < 0) {
				found = i;
				break;
			}
			sum += xs[i];
		}
		return '$found $sum';
	}

	static function returns(xs:Array<Int>):Int {
		var seen = 0;
		for (i in 0...xs.length) {
			if (xs[i] == 7)
				return i * 100 - seen;
			seen += xs[i];
		}
		return -seen;
	}

	static function nested(n:Int):Int {
		var total = 0;
		var best = -1;
		for (o in 0...n) {
			var row = o * 7;
			best = -1;
			for (i in 0...n) {
				var v = (row + i * 13) % 17;
				if (v > best)
					best = v;
			}
			total += best - o;
		}
		return total * 2 + best;
	}

	static function rotated(n:Int):Int {
		var i = 0;
		var s = 1;
		do {
			s = (s * 31 + i) & 0xFFFF;
			i++;
		} while (i < n);
		return s + i;
	}

	static function main() {
		trace(kinds(50));
		var xs = [for (i in 0...400) i % 50 + 1];
		xs[350] = -1;
		trace(breaks(xs));
		var ys = [for (i in 0...400) i % 5];
		ys[390] = 7;
		trace(returns(ys));
		trace(returns([for (i in 0...300) 1]));
		trace(nested(30));
		trace(rotated(1000));
	}
}
