class UnmatchedBool {
	static function main() {
		var ready = Sys.args().length > 0;
		var label = switch (ready) {
			case true: "go";
		}
		var pair = switch [ready, !ready] {
			case [true, false]: 1;
			case [false, _]: 2;
		}
		Sys.println(label + pair);
	}
}
