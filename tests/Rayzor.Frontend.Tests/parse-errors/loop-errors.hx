class Main {
	static function main() {
		for (i in 0...3 {
		}
		for (in a) {}
		while x {}
		do {} while x;
		for (k => in m) {}
		do trace(1);
		for (ok in [1]) {}
	}
}
