class Main {
	static function main() {
		f(1, 2;
		if (x {
			trace(1);
		}
		while (a b) {}
		var y = (1 + 2;
		g(3);
	}
}
