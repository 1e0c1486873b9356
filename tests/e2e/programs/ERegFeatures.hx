/** EReg: every method and option, expected output from Haxe 4.2.5's interpreter (PCRE). **/
class ERegFeatures {
	static function show(r:EReg, s:String):Void {
		if (!r.match(s)) {
			Sys.println('no match in "$s"');
			return;
		}
		var groups = [];
		var i = 0;
		while (true) {
			var g:String = null;
			try {
				g = r.matched(i);
			} catch (e:Dynamic) {
				break;
			}
			groups.push(g == null ? "null" : '"$g"');
			i++;
		}
		var p = r.matchedPos();
		Sys.println('"$s": ' + groups.join(" ") + ' at ${p.pos}+${p.len} left "${r.matchedLeft()}" right "${r.matchedRight()}"');
	}

	static function main() {
		// literals, classes, escapes
		show(~/ab+c/, "xxabbbcyy");
		show(~/ab+c/i, "xxABBCyy");
		show(new EReg("a.c", ""), "a\nc abc");
		show(~/a.c/s, "a\nc");
		show(~/[a-c]+[^a-c]/, "zzcabd");
		show(~/[\d.]+/, "v1.25b");
		show(~/\w+\s\W/, "hi there, you");
		show(~/\D\S\d/, "12 a3");
		show(~/\t\\\/\.\x41/, "x\t\\/.AB");
		show(~/[\]\\-]+/, "a]\\-b");
		show(~/[^\s]+$/, "one two");
		// anchors, multiline, word boundaries
		show(~/^b/, "a\nb");
		show(~/^b$/m, "a\nb\nc");
		show(~/a$/, "ba\n");
		show(~/\bcat\b/, "concat cat");
		show(~/\Bcat/, "cat concat");
		// groups, alternation, quantifiers
		show(~/(\d{4})-(\d{2})-(\d{2})/, "on 2024-01-15.");
		show(~/(?:ab)+(c)?/, "ababd");
		show(~/(a)|(b)/, "b");
		show(~/(a|ab)(c|bcd)(d*)/, "abcd");
		show(~/a{2,3}/, "aaaa");
		show(~/a{2,}?/, "aaaa");
		show(~/<.+?>/, "<a><b>");
		show(~/<.+>/, "<a><b>");
		show(~/x*/, "abc");
		show(~/(\w)\1/, "abccd");
		show(~/(?i)(\w)\1/, "abcCd");
		show(~/\w+(?=!)/, "hey you!");
		show(~/\b(?!un)\w+/, "undo redo");
		show(~/a{,2}/, "a{,2}");
		// no match, and errors from matched/left/pos
		var r = ~/q/;
		show(r, "abc");
		try r.matched(0) catch (e:String) Sys.println("matched: " + e);
		try r.matchedLeft() catch (e:String) Sys.println("matchedLeft: " + e);
		r.match("aqb");
		try r.matched(1) catch (e:String) Sys.println("matched(1): " + e);
		// matchSub
		var d = ~/\d+/;
		Sys.println(d.matchSub("a1b22c333", 3) + " " + d.matched(0) + " " + d.matchedPos().pos);
		Sys.println(d.matchSub("a1b22c333", 3, 2) + " " + d.matched(0));
		Sys.println(d.matchSub("a1b22c333", 2, 1));
		Sys.println(~/^b/.matchSub("ab", 1) + " " + ~/\bb/.matchSub("ab", 1) + " " + ~/b$/.matchSub("abc", 0, 2));
		// split
		Sys.println(~/,/g.split("a,b,,c,,").join("|"));
		Sys.println(~/,/.split("a,b,c").join("|"));
		Sys.println(~/\s*;\s*/g.split("x ; y;z").join("|"));
		Sys.println(~/,/g.split(",a").join("|"));
		Sys.println(~/(,)/g.split("a,b").join("|"));
		Sys.println(~/,/g.split("").length);
		Sys.println(~/x/g.split("abc").join("|"));
		// replace
		Sys.println(~/o/.replace("foo boo", "0"));
		Sys.println(~/o/g.replace("foo boo", "0"));
		Sys.println(~/(\w+) (\w+)/.replace("hello world", "$2 $1"));
		Sys.println(~/(\d+)/g.replace("a1b22", "<$1>"));
		Sys.println(~/b/g.replace("abc", "$$"));
		Sys.println(~/(a)(b)?/g.replace("ab a", "[$1|$2]"));
		Sys.println(~/x*/g.replace("abc", "-"));
		Sys.println(~/x*/.replace("abc", "-"));
		Sys.println(~/b*/g.replace("abc", "-"));
		Sys.println(~/^/mg.replace("a\nb\n", "> "));
		Sys.println(~/a/gi.replace("AbaB", "x"));
		// map
		Sys.println(~/\d+/g.map("a1b22c", function(e) return "<" + Std.parseInt(e.matched(0)) * 2 + ">"));
		Sys.println(~/\d+/.map("a1b22c", function(e) return "<" + e.matched(0) + ">"));
		Sys.println(~/x*/g.map("abc", function(e) return "<" + e.matchedPos().pos + ">"));
		Sys.println(~/(\w)(\w)/g.map("abcde", function(e) return e.matched(2) + e.matched(1)));
		Sys.println(~/q/g.map("abc", function(e) return "!"));
		Sys.println(~/b/.map("abcb", function(e) return e.matchedLeft() + "|" + e.matchedRight()));
		// split and replace do not disturb the last match; map ends it
		var m = ~/(\d)/g;
		m.match("x7y");
		Sys.println(m.replace("1 2", "[$1]") + " " + m.split("a1b").join("|") + " " + m.matched(1) + " " + m.matchedLeft());
		m.map("5", function(e) return e.matched(1));
		try m.matched(0) catch (e:String) Sys.println("after map: " + e);
		// escape
		var special = "a.b*c+d?[e]^$\\f";
		Sys.println(EReg.escape(special));
		Sys.println(new EReg(EReg.escape(special), "").match("x" + special + "y"));
		// the same EReg object used again and again
		var word = ~/[a-z]+/gi;
		var count = 0;
		var text = "The quick Brown fox";
		var pos = 0;
		while (word.matchSub(text, pos)) {
			var p = word.matchedPos();
			count++;
			pos = p.pos + p.len;
		}
		Sys.println(count + " words");
	}
}
