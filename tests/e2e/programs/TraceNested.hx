// An uncaught exception thrown three calls deep: stderr gets `Uncaught exception: ...` and one
// `Called from` line per Haxe frame, innermost first (HashLink's format), even where LLVM inlined
// the calls; the exit status is 1.
class TraceNested {
	static function parse(s:String):Int {
		var n = Std.parseInt(s);
		if (n == null)
			throw 'not a number: $s';
		return n;
	}

	static function sum(items:Array<String>):Int {
		var total = 0;
		for (s in items)
			total += parse(s);
		return total;
	}

	static function main() {
		try {
			throw "caught first";
		} catch (e:String) {
			Sys.println(e);
		}
		Sys.println(sum(["1", "2"]));
		Sys.println(sum(["3", "x"]));
	}
}
