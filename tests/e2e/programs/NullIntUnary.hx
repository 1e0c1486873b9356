// `-n` and `~n` of a Null<Int> read the value, as binary operators on it do (found by the differential
// fuzzer: `~(Std.parseInt(s))` was rejected with "Null<Int> should be Int").
class NullIntUnary {
	static function main() {
		var n:Null<Int> = Std.parseInt("42");
		Sys.println(-n);
		Sys.println(~n);
		Sys.println(~(Std.parseInt("" + (-32))));
		Sys.println(-(Std.parseInt("7")) * 2);
		var f:Null<Float> = 1.5;
		Sys.println(-f);
	}
}
