class FloatToInt {
	static function half(n:Int):Int {
		return n / 2;
	}

	static function main() {
		var i:Int = 1.5;
		var j = 3;
		j = Math.sqrt(j);
		j += 0.5;
		var count:Int = Math.floor(2.5) * 1.0;
		Sys.println(half(i) + j + count);
	}
}
