class ReturnMismatch {
	static function describe(n:Int):Int {
		if (n < 0)
			return "negative";
		return n * 2;
	}

	static function main() {
		Sys.println(describe(3));
	}
}
