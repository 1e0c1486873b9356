// A switch, if or block whose value is used as an operand, a thrown value, a field's or call's target or
// an interpolated part is a value, not a statement (found by the differential fuzzer: `~(switch ...)`
// was typed as Void).
class SwitchAsOperand {
	static function main() {
		var x = 5;
		Sys.println(~((switch (x % 8) { case -2 | 4: 7; default: 49; })));
		Sys.println(-(switch (x) { case 1: 2; default: 3; }));
		Sys.println(1 + (switch (x) { case 1: 2; default: 3; }));
		try {
			throw (switch (x) { case 1: 2; default: 3; });
		} catch (e:Int) {
			Sys.println("caught " + e);
		}
		Sys.println((switch (x) { case 5: "five"; default: "other"; }).length);
		Sys.println(!(if (x > 2) true else false));
		Sys.println('a ${switch (x) { case 5: 1; default: 2; }}');
		x += (switch (x) { case 5: 10; default: 20; });
		Sys.println(x);
		Sys.println((if (x > 2) "yes" else "no").toUpperCase());
		var arr = [10, 20, 30];
		Sys.println((switch (x) { case 15: arr; default: [1]; })[1]);
		// an array literal's elements (found by the fuzzer: "Arrays of mixed types")
		var filtered = [(switch (x % 8) { case 7: 1; default: -5; }), x, "ab".length].filter(q -> q > 0);
		Sys.println(filtered);
		var m = [1 => 2];
		m[1] += (switch (x) { case 15: 40; default: 0; });
		Sys.println(m[1]);
		if (x > 0) {
			switch (x) {
				case 1: Sys.println("one");
				default:
			}
		}
	}
}
