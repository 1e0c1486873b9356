import haxe.io.Bytes;

// Byte reads in counted loops whose range test is made once before the loop (LoopGuard): every
// placement of the words against the end of the bytes, a negative start, null bytes, loops not
// starting at 0, scaled indices; out-of-range reads give 0 as without the hoisted test.
class BytesLoopGuard {
	static function words(src:Bytes, pos:Int):Int {
		var h = 0;
		for (t in 0...16) {
			var q = pos + (t << 2);
			var w = (src.get(q) << 24) | (src.get(q + 1) << 16) | (src.get(q + 2) << 8) | src.get(q + 3);
			h = (h * 31 + w) | 0;
		}
		return h;
	}

	static function pairs(src:Bytes, pos:Int):Int {
		var h = 0;
		for (t in 3...10) {
			var q = pos + t * 3;
			h = (h * 17 + src.get(q) + (src.get(q + 1) << 8)) | 0;
		}
		return h;
	}

	static function plain(src:Bytes):Int {
		var h = 0;
		for (t in 0...12)
			h = (h * 7 + src.get(t) - src.get(t + 1)) | 0;
		return h;
	}

	static function main() {
		var b = Bytes.alloc(100);
		for (i in 0...100)
			b.set(i, (i * 37 + 11) & 0xFF);
		for (pos in [0, 1, 35, 36, 37, 40, 63, 96, 99, 100, 120, -1, -4, -64])
			Sys.println('words $pos: ${words(b, pos)}');
		var exact = Bytes.alloc(64);
		for (i in 0...64)
			exact.set(i, i + 1);
		Sys.println('exact 0: ${words(exact, 0)}, 1: ${words(exact, 1)}');
		for (pos in [0, 70, 71, 72, 80, -9, -10])
			Sys.println('pairs $pos: ${pairs(b, pos)}');
		Sys.println('plain 100: ${plain(b)}, short: ${plain(Bytes.alloc(5))}, 13: ${plain(b.sub(0, 13))}, 12: ${plain(b.sub(0, 12))}');
		try {
			Sys.println(words(null, 0));
		} catch (e:Dynamic) {
			Sys.println('null: $e');
		}
	}
}
