enum Shape {
	Circle(r:Float);
	Rect(w:Float, h:Float);
}

class UnmatchedNested {
	static function describe(s:Null<Shape>, o:haxe.ds.Option<Shape>):String {
		var a = switch (o) {
			case Some(Circle(r)): "circle " + r;
			case None: "none";
		}
		return a;
	}

	static function main() {
		Sys.println(describe(Circle(1), Some(Rect(1, 2))));
	}
}
