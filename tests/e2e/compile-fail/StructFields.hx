typedef Point = {x:Int, y:Int};

class StructFields {
	static function main() {
		var a:Point = {x: 1, y: "2"};
		var b:Point = {x: 1};
		var c:Point = {x: 1, y: 2, z: 3};
		Sys.println(a.x + b.x + c.x);
	}
}
