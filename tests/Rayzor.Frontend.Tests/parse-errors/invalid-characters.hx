class Main {
	static function main() {
		var a = `b`;
		var é = 1;
		var c = 1 € 2;
		var d = \ 3;
		trace(a, c, d);
	}
}
