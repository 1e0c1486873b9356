enum Color {
	Red;
	Green;
	Blue;
	Rgb(r:Int, g:Int, b:Int);
}

class UnmatchedEnum {
	static function name(c:Color):String {
		return switch (c) {
			case Red: "red";
			case Green: "green";
		}
	}

	static function main() {
		Sys.println(name(Blue));
	}
}
