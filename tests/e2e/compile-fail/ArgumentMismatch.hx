class ArgumentMismatch {
	static function repeat(s:String, times:Int):String {
		var buf = new StringBuf();
		for (i in 0...times)
			buf.add(s);
		return buf.toString();
	}

	static function main() {
		Sys.println(repeat("ab", "3"));
		Sys.println(repeat(3, 2));
	}
}
