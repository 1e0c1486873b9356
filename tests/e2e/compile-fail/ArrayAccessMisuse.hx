class ArrayAccessMisuse {
	static function main() {
		var n = 42;
		Sys.println(n[0]);
		var xs = [1, 2, 3];
		Sys.println(xs["1"]);
		var o = {a: 1};
		Sys.println(o[0]);
	}
}
