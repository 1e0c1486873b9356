/** EReg failures that must stay clean Haxe exceptions (HashLink's messages; the reference
	interpreter aborts on them), and long subjects that must not overflow the native stack. **/
class ERegErrors {
	static function compile(pattern:String, opt:String):Void {
		try {
			new EReg(pattern, opt);
			Sys.println('ok: $pattern');
		} catch (e:String) {
			Sys.println(e);
		}
	}

	static function main() {
		compile("(a", "");
		compile("a)", "");
		compile("[b-a]", "");
		compile("a**", "");
		compile("x{3,2}", "");
		compile("\\", "");
		compile("\\2(a)", "");
		compile("(?<=a+)b", "");
		compile("a", "x");
		compile("(?:a|b)+c", "gimsu");

		// catastrophic backtracking ends with an exception, not a hang or a crash
		var s = "";
		for (i in 0...40)
			s += "a";
		try {
			Sys.println(~/^(a+)+$/.match(s + "!"));
		} catch (e:String) {
			Sys.println(e);
		}
		Sys.println(~/^(a+)+$/.match(s));

		// long subjects: repetitions use the heap, not the native stack
		var b = new StringBuf();
		for (i in 0...100000)
			b.add("ab");
		var long = b.toString();
		var r = ~/^(ab)*$/;
		Sys.println(r.match(long) + " " + r.matched(1) + " " + r.matchedPos().len);
		Sys.println(~/.*b$/.match(long) + " " + ~/[ab]*c/.match(long));
		Sys.println(~/b/g.replace(long, "").length + " " + ~/a/g.split(long).length);
		try {
			Sys.println(~/(a|b)*$/.match(long + long + long + long + long + long));
		} catch (e:String) {
			Sys.println(e);
		}
	}
}
