// Shapes the interpreter's decoder fuses (rotations, multiply-add, loop-carried values computed
// into their parameter's slot, loop headers copied into back edges) and near misses that must
// not be fused.
class Vec {
	public var x:Float;
	public var y:Float;
	public var n:Int = 0;

	public function new(x:Float, y:Float) {
		this.x = x;
		this.y = y;
	}

	public function bump() {
		x += 100.0;
	}
}

class InterpFusion {
	static function fields(a:Vec, b:Vec, k:Float):String {
		a.x += k;
		a.y -= k * 2.0;
		b.x = b.x - a.y * k;
		b.y = k * a.x + b.y;
		var t = a.x;
		b.x = 7.0; // b may be a: the field read before it must not be read after it
		a.x = t - 1.0;
		var u = a.y;
		a.bump(); // a call between the read and the write
		a.y = u + 0.5;
		var w = b.y;
		a.n = 3; // another field: no effect on b.y
		b.y = w * 2.0 + 1.0;
		return '${a.x} ${a.y} ${b.x} ${b.y} ${a.n}';
	}

	static function rotr(x:Int, n:Int):Int return (x >>> n) | (x << (32 - n));

	static function rotations(x:Int):String {
		var a = (x >>> 7) | (x << 25);
		var b = (x << 13) | (x >>> 19);
		var c = (x >>> 8) | (x << 8); // not a rotation: 8 + 8 != 32
		var d = (x >>> 0) | (x << 32); // shift counts masked: x | x
		var y = x + 1;
		var e = (x >>> 5) | (y << 27); // two different operands
		var s = x >>> 3;
		var f = s | (x << 29);
		var g = s ^ f; // s is used twice: it stays its own instruction
		var h = (a + b + c) + (d + e + f) + g; // chains of additions
		var k = a ^ b ^ c ^ d ^ (e ^ f);
		return [a, b, c, d, e, f, g, rotr(x, 1), rotr(x, 31), rotr(x, 16), h, k].join(",");
	}

	static function floats(a:Float, b:Float, c:Float):String {
		var r1 = a * b + c;
		var r2 = c + a * b;
		var r3 = a * b - c;
		var r4 = c - a * b;
		var m = a * b;
		var r5 = m + m; // a product used twice
		var r6 = a * b * c;
		var r7 = a * b * c + a; // a chain of products, then a sum
		var r8 = c - a * (b * c);
		return [r1, r2, r3, r4, r5, r6, r7, r8].join(" ");
	}

	static function loops():String {
		// a rotation of loop-carried values (moves that cannot share slots)
		var a = 1, b = 2, c = 3;
		for (i in 0...10) {
			var t = a + b + c + i;
			a = b;
			b = c;
			c = t;
		}
		// the new value of one parameter computed from another after it
		var x = 0, y = 1;
		var k = 0;
		while (k < 20) {
			var nx = y;
			var ny = x + y;
			x = nx;
			y = ny;
			k++;
		}
		// a value computed into its parameter's slot, read again in the block
		var n = 0;
		var acc = 0;
		while (n < 100) {
			n = n + 3;
			acc += n * 2;
		}
		// swaps
		var p = 5, q = 9;
		for (i in 0...7) {
			var t = p;
			p = q;
			q = t + i;
		}
		// a value that lives on after the loop that gets it
		var last = -1;
		var j = 0;
		while (j < 10) {
			last = j * j;
			j++;
		}
		// the next value computed before the old one's last read
		var kk = 0;
		var sum = 0;
		while (kk < 50) {
			var next = kk + 1;
			sum += kk * 3;
			kk = next;
		}
		return '$a $b $c $x $y $n $acc $p $q $last $j $kk $sum';
	}

	static function nested():Int {
		var total = 0;
		for (i in 0...30) {
			var lim = i % 7;
			var z = 0.0;
			var w = 0;
			while (w < lim && z * z + 1.0 <= 30.0) {
				z = z * 1.5 + 0.25;
				w++;
			}
			total += w * 100 + Std.int(z);
		}
		return total;
	}

	static function main() {
		for (x in [0, 1, -1, 0x12345678, 0x7FFFFFFF, -2147483648, 0xDEADBEEF])
			Sys.println(rotations(x));
		Sys.println(floats(1.5, 2.25, -0.125));
		Sys.println(floats(1e308, 10.0, 1e308));
		Sys.println(floats(0.1, 0.2, 0.3));
		Sys.println(floats(-0.0, 5.0, 0.0));
		Sys.println(floats(Math.POSITIVE_INFINITY, 0.0, 1.0));
		Sys.println(loops());
		var v = new Vec(1.5, -2.0);
		Sys.println(fields(v, new Vec(0.25, 4.0), 0.5));
		Sys.println(fields(v, v, 3.0));
		try {
			var none:Vec = null;
			fields(none, v, 1.0);
		} catch (e:Dynamic) {
			Sys.println('caught $e');
		}
		Sys.println(nested());
	}
}
