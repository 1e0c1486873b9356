// Objects that meet in a variable (a condition picks one, a loop replaces one) but never leave
// their function may live in its stack frame: fields read and written, identity compared, heap
// strings held through a collection. Next to them the same shapes where the object does leave:
// returned, stored into the heap, captured by a closure, thrown, kept in an array, or still read
// after the loop made the next one (a slot per allocation would have been overwritten).
class Pt {
	public var x:Int;
	public var y:Int;
	public var label:String;

	public inline function new(x:Int, y:Int, label:String) {
		this.x = x;
		this.y = y;
		this.label = label;
	}
}

class Holder {
	public var p:Pt;

	public function new() {}
}

class StackObjects {
	static var kept:Array<Pt> = [];
	static var holder = new Holder();

	static function pick(c:Bool):Int {
		var p = c ? new Pt(1, 2, "a") : new Pt(3, 4, "b");
		p.x += 10;
		return p.x * 100 + p.y;
	}

	static function same(c:Bool):String {
		var a = new Pt(1, 1, "a");
		var b = new Pt(1, 1, "b");
		var p = c ? a : b;
		return (p == a) + " " + (p == b) + " " + p.label;
	}

	static function walk(n:Int):Int {
		var p = new Pt(0, 0, "start");
		for (i in 0...n) p = new Pt(p.x + i, p.y + 1, "step");
		return p.x * 1000 + p.y;
	}

	static function labels(n:Int):String {
		// the heap strings a stack object holds must survive collections
		var p = new Pt(0, 0, "s0");
		for (i in 0...n) {
			var junk = [for (k in 0...50) "junk" + k + i];
			p = new Pt(p.x + junk.length, i, p.label.substr(0, 2) + i);
		}
		return p.label + " " + p.x;
	}

	static function previous(n:Int):Int {
		// the next object is made while the previous one is still read
		var prev = new Pt(1, 0, "p");
		var s = 0;
		for (i in 0...n) {
			var next = new Pt(i, 0, "n");
			s += prev.x * 10 + next.x;
			next.y = prev.x + 1;
			prev = next;
		}
		return s + prev.y;
	}

	static function chase(n:Int):Int {
		// two objects swapped each round
		var a = new Pt(1, 0, "a");
		var b = new Pt(2, 0, "b");
		for (i in 0...n) {
			var t = a;
			a = b;
			b = t;
			a.y += i;
		}
		return a.x * 100 + a.y * 10 + b.y;
	}

	static function returned(c:Bool):Pt {
		var p = c ? new Pt(5, 6, "r1") : new Pt(7, 8, "r2");
		return p;
	}

	static function stored(c:Bool):Int {
		var p = c ? new Pt(9, 9, "s1") : new Pt(8, 8, "s2");
		holder.p = p;
		return p.x;
	}

	static function captured(c:Bool):Void->Int {
		var p = c ? new Pt(11, 0, "c1") : new Pt(12, 0, "c2");
		return () -> p.x;
	}

	static function thrown(c:Bool):Int {
		var p = c ? new Pt(13, 0, "t1") : new Pt(14, 0, "t2");
		if (p.x > 0) throw p;
		return 0;
	}

	static function pushed(n:Int):Int {
		var p = new Pt(0, 0, "k");
		for (i in 0...n) {
			p = new Pt(i, i, "k" + i);
			if (i % 2 == 0) kept.push(p);
		}
		return p.x;
	}

	static function main() {
		Sys.println(pick(true) + " " + pick(false));
		Sys.println(same(true) + " / " + same(false));
		Sys.println(walk(10) + " " + walk(0));
		Sys.println(labels(12000));
		Sys.println(previous(5));
		Sys.println(chase(5) + " " + chase(4));
		var r1 = returned(true);
		var r2 = returned(false);
		Sys.println(r1.label + r1.x + " " + r2.label + r2.y + " " + (r1 == r2));
		Sys.println(stored(true) + " " + holder.p.label + " " + stored(false) + " " + holder.p.label);
		var f1 = captured(true);
		var f2 = captured(false);
		var junk = [for (k in 0...1000) "x" + k];
		Sys.println(f1() + " " + f2() + " " + junk.length);
		try {
			thrown(false);
		} catch (e:Dynamic) {
			var p:Pt = e;
			Sys.println("caught " + p.label + " " + p.x);
		}
		Sys.println(pushed(7) + " " + [for (p in kept) p.label].join(","));
	}
}
