class OptionalSkip {
	static function log(?level:Int, message:String, ?tag:String):String {
		return (tag == null ? "" : '[$tag] ') + message;
	}

	static function format(value:Float, ?digits:Int = 2, ?suffix:String = "", prefix:String = ""):String {
		return prefix + value + suffix;
	}

	static function main() {
		Sys.println(log("skips the level"));
		Sys.println(log(1, "with level", "io"));
		Sys.println(log(true));
		Sys.println(format(1.5, "%"));
		Sys.println(format(1.5, 3, 4));
		Sys.println(format(1.5, 3, "", 7));
	}
}
