// A throw from a function called in a hot loop: under the tiered run the frame goes on in
// compiled code entered at the loop header (a loop's entry), which calls the compiled function
// that throws; both print as natively, with their lines (the loop's at the call in the loop),
// from the line tables of the JIT's objects.
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
