// Std.parseInt used as an Int: the generated code reads 1-9 decimal digits after an optional '-'
// itself and leaves every other form to the runtime; both paths must give Haxe's values.
class ParseIntAsInt {
	static function main() {
		var inputs = ["0", "7", "-0", "-7", "007", "123456789", "-123456789", "999999999", "1234567890", "2147483647",
			"-2147483648", "12abc", "+5", "0x1F", "-0x10", " 42", "42 ", "3.9", "-12.5e3", "1e5", "0000000001", "-000000002"];
		var total = 0;
		for (s in inputs) {
			var n:Int = Std.parseInt(s);
			total = total * 31 + n;
			Sys.println(s + " -> " + n + " (+1: " + (Std.parseInt(s) + 1) + ")");
		}
		Sys.println("total " + total);
	}
}
