class UnknownNames {
	static function main() {
		var count = 3;
		Sys.println(cout + 1);
		var s = "hello";
		Sys.println(s.lenght);
		Sys.println(Math.sqr(2.0));
		var total = sum([1, 2, 3]);
		Sys.println('value: ${missing}');
	}
}
