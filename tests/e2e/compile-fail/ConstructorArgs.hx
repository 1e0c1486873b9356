class Point {
	public var x:Float;
	public var y:Float;

	public function new(x:Float, y:Float) {
		this.x = x;
		this.y = y;
	}
}

class ConstructorArgs {
	static function main() {
		var a = new Point(1);
		var b = new Point("1", 2);
		var c = new Point(1, 2, 3);
		Sys.println(a.x + b.x + c.x);
	}
}
