// Objects the optimizer may keep off the heap (escape analysis) next to objects that escape in
// every way it must notice: on one path only, through closures, through `this`, returned,
// thrown, stored in arrays and fields, compared by identity, printed through toString.
class P {
	public var x:Int;
	public var y:Float;
	public var on:Bool;
	public var name:String;
	public var next:P;

	public function new(x:Int, y:Float) {
		this.x = x;
		this.y = y;
		this.on = x > 0;
		this.name = "p" + x;
		this.next = null;
	}

	public function sum():Float return x + y;

	public function self():P return this;

	public function register():Int {
		EscapeAnalysis.kept.push(this);
		return x;
	}

	public function toString():String {
		EscapeAnalysis.lastPrinted = this;
		return "P(" + x + "," + y + ")";
	}
}

class Cell {
	public var v:Int;

	public function new(v:Int) this.v = v;
}

class Err {
	public var code:Int;

	public function new(code:Int) this.code = code;
}

class EscapeAnalysis {
	public static var kept:Array<P> = [];
	public static var lastPrinted:P = null;
	static var global:P;

	static function local(k:Int):Float {
		var p = new P(k, 0.5);
		var q = new P(k + 1, 1.5);
		p.x += q.x;
		return p.sum() + q.sum() + (p.on ? 1 : 0) + p.name.length;
	}

	static function onePath(k:Int, keep:Bool):Int {
		var p = new P(k, 0);
		if (keep) kept.push(p);
		p.x += 100;
		return p.x;
	}

	static function closure(k:Int):Int {
		var p = new P(k, 0);
		var get = () -> p.x;
		p.x = k * 3;
		var c = new Cell(1);
		var bump = () -> c.v++;
		bump();
		bump();
		return get() + c.v;
	}

	static function make(k:Int):P {
		var p = new P(k, 2);
		p.x *= 2;
		return p;
	}

	static function thrower(k:Int):Int {
		var e = new Err(k);
		try {
			if (k > 2) throw e;
			return 0;
		} catch (caught:Err) {
			return (caught == e ? 1000 : 0) + caught.code;
		}
	}

	static function tryState(k:Int):Int {
		var c = new Cell(k);
		try {
			c.v = 50;
			if (k > 0) throw "stop";
			c.v = 60;
		} catch (s:String) {
			c.v += 1;
		}
		return c.v;
	}

	static function identity(k:Int):String {
		var a = new P(k, 0);
		var b = new P(k, 0);
		var c = a;
		var out = (a == b) + " " + (a == c) + " " + (a != null) + " " + (a.self() == a) + " " + (b.self() == a);
		return out;
	}

	static function arrays(k:Int):Int {
		var arr = [];
		var p = new P(k, 0);
		arr.push(p);
		p.x = 9;
		var holder = new P(1, 0);
		holder.next = new P(k + 5, 0);
		var inner = holder.next;
		inner.x += 1;
		global = new P(77, 0);
		return arr[0].x + holder.next.x + global.x;
	}

	static function loops(n:Int):Float {
		var total = 0.0;
		var prev:P = null;
		var acc = new P(0, 0);
		for (i in 0...n) {
			var cur = new P(i, i * 0.5);
			acc.x += cur.x;
			acc.y += cur.y;
			if (prev != null && prev.x + 1 == cur.x) total += 1;
			prev = cur;
		}
		return total + acc.x + acc.y + (prev == null ? -1 : prev.x);
	}

	static function printing(k:Int):String {
		var p = new P(k, 0.25);
		var s = Std.string(p);
		return s + " " + (lastPrinted == p) + " " + Std.isOfType(p, P) + " " + (p.register() == k) + " " + (kept[kept.length - 1] == p);
	}

	static function conditional(k:Int):Int {
		var p = k > 0 ? new P(k, 0) : new P(-k, 1);
		var q = new P(0, 0);
		if (k > 5) q.x = 5 else q.x = 6;
		while (q.x < 20) q.x += p.x;
		return q.x;
	}

	static function main() {
		Sys.println(local(3));
		Sys.println(onePath(1, false) + " " + onePath(2, true) + " " + kept.length + " " + kept[0].x);
		Sys.println(closure(4));
		var m = make(5);
		Sys.println(m.x + " " + m.y + " " + (make(1) == make(1)));
		Sys.println(thrower(1) + " " + thrower(7));
		Sys.println(tryState(0) + " " + tryState(3));
		Sys.println(identity(2));
		Sys.println(arrays(3));
		Sys.println(loops(10));
		Sys.println(printing(6));
		Sys.println(conditional(3) + " " + conditional(-4) + " " + conditional(8));
	}
}
