class Main {
	static function main() {
		var a = `b`;
		var é = 1;
		var c = 1 € 2;
		var d = \ 3;
		var e = 1 ```€€ 2; // one run of junk, one error
		trace(a, c, d);
	}
}
