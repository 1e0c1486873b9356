// A throw in a method called through an interface (an itable call LLVM cannot inline).
interface Shape {
	function area():Float;
}

class Square implements Shape {
	var side:Float;

	public function new(side:Float) {
		this.side = side;
	}

	public function area():Float {
		if (side < 0)
			throw "negative side " + side;
		return side * side;
	}
}

class TraceInterface {
	static function total(shapes:Array<Shape>):Float {
		var sum = 0.0;
		for (s in shapes)
			sum += s.area();
		return sum;
	}

	static function main() {
		Sys.println(total([new Square(2), new Square(3)]));
		Sys.println(total([new Square(1), new Square(-1)]));
	}
}
