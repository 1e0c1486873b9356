class Box {
	public var v:Int;

	public function new(v:Int) {
		this.v = v;
	}
}

/** Loops entered once whose inner loops run long: their entries (on-stack replacement) are inner
    loops' headers, with values an outer loop redefines and loop-carried values of every type. */
class TierInnerLoops {
	static function nested(outer:Int, inner:Int):String {
		var total = 0;
		var f = 0.5;
		var flip = false;
		var box = new Box(1);
		var maybe:Null<Int> = null;
		var s = "";
		var grown = [1, 2, 3];
		for (o in 0...outer) {
			var base = o * 7;
			var arr = [o, o + 1, o + 2];
			var text = "o" + o;
			for (i in 0...inner) {
				total = (total + base + arr[i % 3] + i) & 0xFFFFFF;
				f = f * 0.999 + 0.001 * (i & 7);
				if (i % 1000 == 0) flip = !flip;
				if (i % 5000 == 0) box = new Box(box.v + i % 7);
				if (i % 3 == 0) maybe = (maybe == null ? 0 : maybe) + 1;
				else if (i % 100000 == 99999) maybe = null;
				if (i % 250000 == 0) text += "!";
			}
			// an array's length changes between the inner loops that read it
			var sum = 0;
			for (k in 0...grown.length)
				sum += grown[k];
			grown.push(sum & 0xFF);
			s += o + ":" + total + ":" + text + ":" + sum + ";";
		}
		return s + " " + Math.round(f * 1000) + " " + flip + " " + box.v + " " + maybe;
	}

	static function throwing(n:Int, at:Int):Int {
		var acc = 0;
		for (o in 0...3) {
			var step = o + 1;
			for (i in 0...n) {
				acc = (acc + i * step) & 0xFFFFF;
				if (o == 2 && i == at) throw "stop " + acc;
			}
		}
		return acc;
	}

	static function nullAccess(n:Int):Int {
		var acc = 0;
		var b:Box = new Box(3);
		for (o in 0...2) {
			for (i in 0...n) {
				acc = (acc + b.v + i) & 0xFFFF;
				if (o == 1 && i == n - 10) b = null;
			}
		}
		return acc;
	}

	static function main() {
		Sys.println(nested(3, 600000));
		try {
			Sys.println(throwing(400000, 300000));
		} catch (e:String) {
			Sys.println("caught " + e);
		}
		Sys.println(throwing(1000, 5000));
		try {
			Sys.println(nullAccess(300000));
		} catch (e:Dynamic) {
			Sys.println("caught null access");
		}
	}
}
