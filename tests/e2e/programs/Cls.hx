interface Shape {
	function area():Float;
	function name():String;
}

class Base implements Shape {
	public var id:Int;
	var scale:Float = 2.0;
	public function new(id:Int) {
		this.id = id;
	}
	public function area():Float return 0;
	public function name():String return "base" + id;
	public function describe():String return name() + " area=" + area();
}

class Square extends Base {
	var side:Float;
	public function new(id:Int, side:Float) {
		super(id);
		this.side = side;
	}
	override public function area():Float return side * side * scale;
	override public function name():String return "square" + id;
}

class Circle extends Base {
	var r:Float;
	public function new(r:Float) {
		super(99);
		this.r = r;
	}
	override public function area():Float return 3 * r * r;
	public function toString():String return "Circle(" + r + ")";
}

class Counter {
	public var count = 0;
	public function new() {}
	public function inc(by:Int):Counter {
		count += by;
		return this;
	}
}

class Cls {
	static function main() {
		var s = new Square(1, 3);
		var c = new Circle(1.5);
		Sys.println(s.describe());
		Sys.println(c.describe());
		var shapes:Array<Shape> = [s, c, new Base(7)];
		var total = 0.0;
		for (sh in shapes) {
			Sys.println(sh.name() + " " + sh.area());
			total += sh.area();
		}
		Sys.println("total " + total);
		Sys.println(c);
		Sys.println("str: " + c);
		var k = new Counter();
		k.inc(2).inc(3);
		k.count++;
		Sys.println(k.count);
		var b:Base = s;
		Sys.println(b.area() + " " + b.id);
	}
}
