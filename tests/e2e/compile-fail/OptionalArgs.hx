class OptionalArgs {
	static function pad(s:String, ?width:Int = 8, fill:String = " "):String {
		while (s.length < width)
			s = fill + s;
		return s;
	}

	static function main() {
		Sys.println(pad("a", "b", "c"));
		Sys.println(pad("a", 3, 4));
		Sys.println(pad(1));
	}
}
