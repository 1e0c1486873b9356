enum Dir {
	Up;
	Down;
}

class UnusedCase {
	static function main() {
		var d = Up;
		var v = switch (d) {
			case Up: 1;
			case Down: 2;
			case Up: 3;
		}
		var s:String = v;
		Sys.println(s);
	}
}
