enum abstract Level(Int) {
	var Low = 1;
	var Mid = 2;
	var High = 3;
}

class UnmatchedEnumAbstract {
	static function label(l:Level):String {
		return switch (l) {
			case Low: "low";
			case High: "high";
		}
	}

	static function main() {
		Sys.println(label(Mid));
	}
}
