// A throw from a function called in a hot loop: under the tiered run the frame goes on in
// compiled code entered at the loop header (a loop's entry), which calls the compiled function
// that throws; the loop's frame prints without a line (where in the loop is not known), the
// compiled one too (JIT code has no line tables).
class TraceLoopEntry {
	// (recursive: not inlined)
	static function check(i:Int, n:Int, s:Int):Int {
		if (i < 0)
			return check(i + 1, n, s);
		if (i == n - 1)
			throw "end " + s;
		return s & 1;
	}

	static function run(n:Int):Int {
		var s = 0;
		for (i in 0...n)
			s += i + check(i, n, s);
		return s;
	}

	static function main() {
		Sys.println(run(1000));
	}
}
