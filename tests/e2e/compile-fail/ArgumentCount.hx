class ArgumentCount {
	static function area(w:Float, h:Float):Float {
		return w * h;
	}

	static function greet(name:String, ?greeting:String):String {
		return (greeting == null ? "Hello" : greeting) + ", " + name;
	}

	static function main() {
		Sys.println(area(2));
		Sys.println(area(2, 3, 4));
		Sys.println(greet());
		Sys.println(greet("a", "b", "c"));
		var sq = function(x:Int) return x * x;
		Sys.println(sq());
	}
}
