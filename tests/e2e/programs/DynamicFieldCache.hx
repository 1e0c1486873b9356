// Dynamic and structural field access on class instances, which the inline caches of the MIR
// (pass dynfield-ic) answer by descriptor and offset: Int, Float, Bool and object fields, read and
// written, a subclass, a class where the name is a method, anonymous structures.
typedef HasX = {var x:Int;};

class Point {
	public var x:Int;
	public var y:Float;
	public var on:Bool;
	public var label:String;

	public function new(x:Int, y:Float) {
		this.x = x;
		this.y = y;
		on = x > 0;
		label = 'p$x';
	}
}

class Point3 extends Point {
	public var z:Int = 9;
}

class Counter {
	var n:Int = 0;

	public function new() {}

	public function x():Int
		return ++n;
}

class DynamicFieldCache {
	static function sumX(items:Array<Dynamic>):Int {
		var s = 0;
		for (it in items)
			if (it.x != null && !Reflect.isFunction(it.x))
				s += it.x;
		return s;
	}

	static function structural(h:HasX):Int
		return h.x * 2;

	static function main() {
		var p = new Point(3, 1.5);
		var d:Dynamic = p;
		Sys.println(d.x + " " + d.y + " " + d.on + " " + d.label);
		d.x = 40;
		d.y = 2.25;
		d.on = false;
		d.label = "changed";
		Sys.println(p.x + " " + p.y + " " + p.on + " " + p.label);
		var items:Array<Dynamic> = [p, new Point3(5, 0), {x: 100}, new Counter(), "str", {y: 1}];
		Sys.println(sumX(items));
		Sys.println(structural(p) + structural({x: 21}) + structural(new Point3(-1, 0)));
		var c:Dynamic = new Counter();
		Sys.println(c.x());
		Sys.println(Reflect.isFunction(c.x));
		var q:Dynamic = new Point3(7, 0.5);
		q.z = 11;
		Sys.println(q.z + q.x);
		var anon:Dynamic = {x: 1, label: "anon"};
		anon.x = 2;
		Sys.println(anon.x + " " + anon.label);
	}
}
