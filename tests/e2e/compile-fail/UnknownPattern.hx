enum Suit {
	Hearts;
	Spades;
}

class UnknownPattern {
	static function main() {
		var s = Hearts;
		switch (s) {
			case Hearts:
				Sys.println("h");
			case Clubs:
				Sys.println("c");
			case Spades:
				Sys.println("s");
		}
		var n = 3;
		switch (n) {
			case "three":
				Sys.println(3);
			case _:
		}
	}
}
