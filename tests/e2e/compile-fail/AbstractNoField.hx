// A value of an abstract has the abstract's fields only: the underlying structure's `x` is not
// one of them (Haxe: "Vec2 has no field x"); with @:forward it is.
abstract Vec2({x:Float, y:Float}) from {x:Float, y:Float} {
	public inline function new(x:Float, y:Float)
		this = {x: x, y: y};

	public function sum():Float
		return this.x + this.y;
}

@:forward(x)
abstract Pos({x:Float, y:Float}) from {x:Float, y:Float} {}

class AbstractNoField {
	static function main() {
		var v = new Vec2(1, 2);
		trace(v.sum());
		trace(v.x);
		var p:Pos = {x: 1, y: 2};
		trace(p.x);
	}
}
