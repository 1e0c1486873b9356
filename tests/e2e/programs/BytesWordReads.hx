// Runs of Bytes reads at q, q + 1, q + 2, q + 3 (big-endian words, as sha256 reads its input): the
// optimizer tests the range once for the run and reads without tests under it, else keeps each
// read's own test. Every position is tried, inside and partly or wholly outside the bytes (below
// zero, past the end, near the largest Int where q + 3 wraps), and a null Bytes. A read outside
// gives 0 here and null in haxe's interpreter (where arithmetic on it fails), so the reads are made
// first, one after the other, and each is then read as 0 when it prints as null.
import haxe.io.Bytes;

class BytesWordReads {
	static function n(v:Int):Int {
		return Std.string(v) == "null" ? 0 : v;
	}

	static function word(b:Bytes, q:Int):Int {
		var x0 = b.get(q);
		var x1 = b.get(q + 1);
		var x2 = b.get(q + 2);
		var x3 = b.get(q + 3);
		return (n(x0) << 24) | (n(x1) << 16) | (n(x2) << 8) | n(x3);
	}

	static function pair(b:Bytes, q:Int):Int {
		var hi = b.get(q);
		var lo = b.get(q + 1);
		return n(hi) * 1000 + n(lo);
	}

	static function main() {
		var b = Bytes.alloc(10);
		for (i in 0...10) b.set(i, 0x11 * (i + 1));
		var line = [];
		for (q in -5...12) line.push(StringTools.hex(word(b, q), 8));
		Sys.println(line.join(" "));
		var sums = [];
		for (q in -2...11) sums.push(pair(b, q));
		Sys.println(sums.join(" "));
		Sys.println(StringTools.hex(word(b, 2147483646), 8) + " " + StringTools.hex(word(b, 2147483645), 8) + " " + StringTools.hex(word(b, -2147483648), 8));
		var empty = Bytes.alloc(0);
		Sys.println(word(empty, 0) + " " + pair(empty, -1));
		var n:Bytes = null;
		try {
			Sys.println(word(n, 0));
		} catch (e:Dynamic) {
			Sys.println("null bytes: caught");
		}
		// a loop over whole words, as sha256's message schedule reads them
		var data = Bytes.alloc(64);
		for (i in 0...64) data.set(i, (i * 37 + 11) & 0xFF);
		var h = 0;
		for (t in 0...17) h = (h * 31 + word(data, t << 2)) | 0;
		Sys.println(h);
	}
}
