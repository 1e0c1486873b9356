class BadOperators {
	static function main() {
		var s = "total";
		var n = 4;
		var a = s - n;
		var b = !n;
		var c = -s;
		var d = n && true;
		var e = s * 2;
		var f = n | 1.5;
		Sys.println([a, b, c, d, e, f]);
	}
}
