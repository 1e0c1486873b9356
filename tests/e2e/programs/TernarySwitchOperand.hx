// A switch inside a ternary that is itself an operand (`x |= c ? switch ... : 3`) is a value, not a
// statement (found by the differential fuzzer, seed 100 #1544: "Void should be Int").
class TernarySwitchOperand {
	static function main() {
		var x = 1;
		x |= true ? (switch (x % 8) { case 4: 1; default: 2; }) : 3;
		Sys.println(x);
		x += (x > 2 ? switch (x) { case 3: 10; default: 20; } : 0) * 2;
		Sys.println(x);
		var s = "n" + (x < 0 ? "neg" : switch (x % 3) { case 0: "zero"; case 1: "one"; default: "two"; });
		Sys.println(s);
		Sys.println(1 + (false ? 0 : if (x > 5) 7 else 8));
		true ? Sys.println("statement") : Sys.println("other");
	}
}
