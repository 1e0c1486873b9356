interface Shape {
	function area():Float;
	function name():String;
}

class Square implements Shape {
	var side:Float;

	public function new(s:Float) {
		side = s;
	}

	public function area():Int {
		return Std.int(side * side);
	}
}

class InterfaceMissing {
	static function main() {
		var s:Shape = new Square(2);
		Sys.println(s.area());
	}
}
