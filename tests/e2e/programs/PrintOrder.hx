// String literals are printed by generated code, other strings by the runtime: both append to one
// stdout buffer, so the output keeps program order (docs/abi.md "Program start").
class PrintOrder {
	static function main() {
		Sys.println("literal é€😀");
		Sys.print("a");
		var n = 3;
		Sys.print("b" + n);
		Sys.println("");
		for (i in 0...3) {
			Sys.print("[");
			Sys.print(Std.string(i));
			Sys.println("]");
		}
		var big = new StringBuf();
		for (i in 0...20000) big.add("0123456789");
		Sys.println(big.toString().length);
		Sys.println("end");
	}
}
