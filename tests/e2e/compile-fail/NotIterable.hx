class NotIterable {
	static function main() {
		var n = 10;
		for (i in n)
			Sys.println(i);
		var s = "abc";
		for (c in s)
			Sys.println(c);
		for (k => v in [1, 2])
			Sys.println(k);
	}
}
