// Dispatch sites: guarded direct calls for few implementations, the generic path for many,
// shared inherited implementations, generic interfaces needing bridges, void methods.
interface Op {
	function apply(x:Int):Int;
}

class Add implements Op {
	var k:Int;
	public function new(k) this.k = k;
	public function apply(x:Int) return x + k;
}

class Twice extends Add {
	public function new() super(0);
	override public function apply(x:Int) return x * 2;
}

class AddToo extends Add {} // inherits Add.apply

interface Many {
	function id():String;
}

class M1 implements Many { public function new() {} public function id() return "m1"; }
class M2 implements Many { public function new() {} public function id() return "m2"; }
class M3 implements Many { public function new() {} public function id() return "m3"; }
class M4 implements Many { public function new() {} public function id() return "m4"; }
class M5 implements Many { public function new() {} public function id() return "m5"; }
class M6 extends M5 { override public function id() return "m6"; }

interface Box<T> {
	function get():T;
	function put(v:T):Void;
}

class IntBox implements Box<Int> {
	var v = 0;
	public function new() {}
	public function get():Int return v;
	public function put(v:Int) this.v = v * 10;
}

class StrBox implements Box<String> {
	var v = "";
	public function new() {}
	public function get():String return v;
	public function put(v:String) this.v = v + "!";
}

class Shape {
	public function new() {}
	public function area():Float return 0;
	public function log(out:Array<String>) out.push("shape");
}

class Sq extends Shape {
	var s:Float;
	public function new(s) { super(); this.s = s; }
	override public function area():Float return s * s;
	override public function log(out:Array<String>) out.push("sq " + s);
}

class Devirt {
	static function run(ops:Array<Op>, x:Int):Int {
		for (o in ops) x = o.apply(x);
		return x;
	}

	static function main() {
		var ops:Array<Op> = [new Add(3), new Twice(), new AddToo(5), new Add(1)];
		Sys.println("ops " + run(ops, 1));
		var many:Array<Many> = [new M1(), new M2(), new M3(), new M4(), new M5(), new M6()];
		Sys.println("many " + [for (m in many) m.id()].join(","));
		var ib:Box<Int> = new IntBox();
		ib.put(4);
		var sb:Box<String> = new StrBox();
		sb.put("hi");
		Sys.println("boxes " + (ib.get() + 1) + " " + sb.get());
		var shapes = [new Shape(), new Sq(1.5), new Sq(2)];
		var log = [];
		var total = 0.0;
		for (s in shapes) {
			total += s.area();
			s.log(log);
		}
		Sys.println("shapes " + total + " " + log.join(";"));
		var nothing:Op = null;
		try {
			nothing.apply(1);
		} catch (e:Dynamic) {
			Sys.println("null receiver: " + e);
		}
	}
}
