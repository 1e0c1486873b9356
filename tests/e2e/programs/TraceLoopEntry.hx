// A throw inside a hot loop: under the tiered run the frame goes on in compiled code entered at
// the loop header (a loop entry) and throws there; its frame is the function's, without a line.
class TraceLoopEntry {
	static function run(n:Int):Int {
		var s = 0;
		for (i in 0...n) {
			s += i;
			if (i == n - 1)
				throw "end " + s;
		}
		return s;
	}

	static function main() {
		Sys.println(run(1000));
	}
}
