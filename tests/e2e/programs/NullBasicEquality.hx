// Null<Int>, Null<Float> and Null<Bool> values compare by value with == and != (two boxes of 65536
// are equal), as in Haxe; a test against the null literal stays a null test (differential fuzzer, seed 100 #9949).
class NullBasicEquality {
	static function f(?a:Int) {
		return a == null ? -1 : a;
	}
	static function main() {
		var n:Null<Int> = null;
		var m:Null<Int> = 3;
		Sys.println([n == null, m == null, null == m, n != null, m != null].join(","));
		Sys.println(f() + " " + f(4));
		Sys.println(n == m);
		Sys.println(m == 3);
		Sys.println(Std.parseInt("x") == null);
		Sys.println(Std.parseInt("65536") == Std.parseInt("65536"));
		Sys.println(Std.parseInt("65536") != Std.parseInt("65537"));
		var x:Null<Float> = 2.5, y:Null<Float> = 2.5, w:Null<Bool> = true, v:Null<Bool> = true;
		Sys.println([x == y, w == v, x != y].join(","));
	}
}
