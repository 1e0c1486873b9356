import haxe.ds.Option;

enum Shape {
	Circle(r:Float);
	Rect(w:Float, h:Float);
}

typedef Named = { name:String, ?age:Int };

class Counter {
	public var count(default, null):Int = 0;
	final step:Int;

	public function new(step:Int) {
		this.step = step;
	}

	public function tick():Int {
		count += step;
		return count;
	}
}

class Printed {
	static var total = 10;

	static function area(s:Shape):Float {
		return switch (s) {
			case Circle(r): Math.PI * r * r;
			case Rect(w, h) if (w == h): w * w;
			case Rect(w, h): w * h;
		}
	}

	static function first<T>(xs:Array<T>):Option<T> {
		return xs.length > 0 ? Some(xs[0]) : None;
	}

	static function main() {
		var c = new Counter(2);
		var n = c.tick() + total;
		var f:Float = n;
		var shapes = [Circle(1), Rect(2, 3)];
		for (s in shapes) trace(area(s));
		var who:Named = { name: "ada" };
		var add = (a:Int, b:Int) -> a + b + n;
		var words = ["a", "bb"].map(w -> w.length);
		switch (first(words)) {
			case Some(v): Sys.println('first $v');
			case None:
		}
		try {
			throw "oops";
		} catch (e:String) {
			Sys.println(e + who.name + add(1, 2) + f);
		}
		var i = 0;
		while (i < 3) i++;
		var d:Dynamic = i;
		Sys.println(d.foo);
	}
}
