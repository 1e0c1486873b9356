package app;

import haxe.ds.StringMap;

class Main {
	static var count:Int = 0

	static function main() {
		var names = ["a", "b" "c"];
		for (n in names {
			trace(n);
		}
		var m = new StringMap<Int>();
		m.set("x", 1;
		switch (count) {
			case 0: trace("zero")
			case 1 2: trace("one");
			default:
		}
		var f = (a, b) -> a + ;
	}

	function broken(x:Int y:Int):Int {
		return x +;
	}

	function fine():Void {}
}

typedef Point = {x:Int y:Int};

enum Color { Red Green; Blue; }

class Other extends {
	public function new() {}
}
