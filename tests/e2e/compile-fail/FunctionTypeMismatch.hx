class FunctionTypeMismatch {
	static function apply(f:Int->Int, v:Int):Int {
		return f(v);
	}

	static function main() {
		var parse:String->Int = function(s:String) return s.length;
		var twice:Int->Int = parse;
		Sys.println(apply(function(s:String) return 1, 2));
		Sys.println(apply(x -> "n" + x, 2));
		Sys.println(twice(3));
	}
}
