interface Drawable {
	function draw():Void;
}

abstract class Widget {
	public function new() {}

	abstract public function render():String;
}

class NoCtor {
	public static function make():Int {
		return 1;
	}
}

class Instantiate {
	static function main() {
		var d = new Drawable();
		var w = new Widget();
		var n = new NoCtor();
		var i = new Int();
	}
}
