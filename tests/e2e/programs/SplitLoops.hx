// `for (x in s.split(literal))` takes the pieces one at a time (no array): every piece, in order,
// as `split` gives them, with break/continue, nesting, closures and a null string.
class SplitLoops {
	static function pieces(s:String, sep:String):String {
		var out = [];
		for (p in s.split(sep))
			out.push("[" + p + "]");
		return out.length + ":" + out.join("");
	}

	static function comma(s:String):String {
		var out = [];
		for (p in s.split(","))
			out.push("[" + p + "]");
		return out.length + ":" + out.join("");
	}

	static function ab(s:String):String {
		var out = [];
		for (p in s.split("ab"))
			out.push("[" + p + "]");
		return out.length + ":" + out.join("");
	}

	static function main() {
		// literal separators against the array path (a separator in a variable)
		for (s in ["", ",", ",,", "a", "a,", ",a", "a,b", "a,,b", ",a,b,", "abc,def,ghi", "no separator here"]) {
			var lazy = comma(s);
			var eager = pieces(s, ",");
			Sys.println('"$s" -> $lazy' + (lazy == eager ? "" : " MISMATCH " + eager));
		}
		for (s in ["", "ab", "abab", "aab", "abba", "xaby", "aaabbb", "abab_ab"]) {
			var lazy = ab(s);
			var eager = pieces(s, "ab");
			Sys.println('"$s" -> $lazy' + (lazy == eager ? "" : " MISMATCH " + eager));
		}
		// non-ASCII text and a one-unit separator
		var words = 0;
		for (w in "héllo wörld  ünïcode".split(" "))
			Sys.println("word <" + w + "> " + w.length + " " + (words++));

		// continue and break
		var kept = [];
		for (line in "one\n\ntwo\nskip\nthree\nstop\nfour".split("\n")) {
			if (line.length == 0)
				continue;
			if (line == "skip")
				continue;
			if (line == "stop")
				break;
			kept.push(line);
		}
		Sys.println("kept " + kept.join("|"));

		// nested, with the inner loop over a piece of the outer one
		var text = "a b c\nd  e\n\nf";
		var total = 0;
		for (line in text.split("\n")) {
			var n = 0;
			for (w in line.split(" ")) {
				if (w == "")
					continue;
				n++;
			}
			total += n;
			Sys.println("line <" + line + "> words " + n);
		}
		Sys.println("total " + total);

		// the receiver is evaluated once, before the first piece
		var s = "x-y-z";
		var seen = [];
		for (p in s.split("-")) {
			s = "changed";
			seen.push(p);
		}
		Sys.println(seen.join(",") + " " + s);

		// closures capture each piece
		var fs:Array<Void->String> = [];
		for (p in "p,q,r".split(","))
			fs.push(() -> p + p);
		Sys.println([for (f in fs) f()].join(" "));

		// a return from inside the loop
		Sys.println("first long " + firstLong("ab cde fghi jk", 3));

		// a null string throws before any piece, as split does
		var n:String = null;
		try {
			for (p in n.split(","))
				Sys.println("never " + p);
			Sys.println("no throw");
		} catch (e:Dynamic) {
			Sys.println("caught " + e);
		}
	}

	static function firstLong(s:String, min:Int):String {
		for (w in s.split(" "))
			if (w.length >= min)
				return w;
		return "none";
	}
}
