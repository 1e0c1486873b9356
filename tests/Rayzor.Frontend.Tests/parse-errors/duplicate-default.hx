class Main {
	static function main() {
		switch (x) {
			default: trace(1);
			case 1: trace(2);
			default: trace(3);
		}
		var ok = switch (y) { case 1: "a"; default: "b"; };
	}
}
