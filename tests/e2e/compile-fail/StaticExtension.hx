using StringTools;

class Strings {
	public static function shout(s:String):String {
		return s.toUpperCase() + "!";
	}
}

class StaticExtension {
	static function main() {
		var s = "hi";
		Sys.println(s.trim());
		Sys.println(s.shout());
		Sys.println(s.startsWith(1));
		Sys.println(s.replace("h"));
	}
}
