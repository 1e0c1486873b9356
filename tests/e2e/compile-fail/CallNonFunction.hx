class CallNonFunction {
	static var limit = 10;

	static function main() {
		var n = 5;
		Sys.println(n());
		Sys.println(limit(2));
		var s = "abc";
		Sys.println(s.length());
	}
}
