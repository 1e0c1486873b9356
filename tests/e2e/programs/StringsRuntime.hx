// Edges of the string runtime paths made fast: split, StringBuf hand-over, parseInt used as Int,
// Std.string of Ints, inline charCodeAt and unboxing, and String-keyed maps (short keys compared
// by their images, the lookup cache).
class StringsRuntime {
	static function show(a:Array<String>):String {
		return a.length + ":[" + a.join("|") + "]";
	}

	static function splits() {
		Sys.println(show("a b  c".split(" ")));
		Sys.println(show(" lead trail ".split(" ")));
		Sys.println(show("abc".split("abc")));
		Sys.println(show("abc".split("x")));
		Sys.println(show("a--b----c".split("--")));
		Sys.println(show("aaa".split("aa")));
		Sys.println(show("héllo wörld ü".split(" ")));
		Sys.println(show("x😀y😀".split("😀")));
		Sys.println(show("abc".split("")));
		// more pieces than the runtime keeps on its stack
		var parts = [for (i in 0...1000) Std.string(i)].join(",").split(",");
		var sum = 0;
		for (p in parts)
			sum += Std.parseInt(p);
		Sys.println(parts.length + " " + sum + " " + parts[0] + " " + parts[999]);
	}

	static function bufs() {
		var b = new StringBuf();
		for (i in 0...100)
			b.add("ab");
		var first = b.toString();
		var again = b.toString();
		b.add("Z");
		b.addChar(0x1F600);
		var second = b.toString();
		Sys.println(first.length + " " + again.length + " " + (first == again) + " " + second.length);
		Sys.println(first.substr(190) + " " + second.substr(198));
		b.add(null);
		b.add(12);
		b.add("é");
		Sys.println(b.toString().substr(200));
		var small = new StringBuf();
		small.add("x");
		var s1 = small.toString();
		small.add("y");
		Sys.println(s1 + " " + small.toString() + " " + small.length);
		var empty = new StringBuf();
		Sys.println("[" + empty.toString() + "]" + empty.toString().length);
	}

	static function numbers() {
		for (v in [0, 7, -7, 10, 99, 100, -100, 123456789, 1000000000, -2147483647, 2147483647])
			Sys.print(Std.string(v) + " ");
		Sys.println(Std.string(-2147483647 - 1));
		var raw:Int = Std.parseInt("abc");
		var boxed:Null<Int> = Std.parseInt("abc");
		var hex:Int = Std.parseInt("  0x1F!");
		var neg:Int = Std.parseInt("\t-42x");
		var big:Int = Std.parseInt("2147483648");
		var min:Int = Std.parseInt("-2147483648");
		var plus:Int = Std.parseInt("+15");
		Sys.println(raw + " " + boxed + " " + hex + " " + neg + " " + big + " " + min + " " + plus);
		for (i in [-500000, -1, 0, 1, 37, 99999, 2147483647]) {
			var s = Std.string(i);
			var back:Int = Std.parseInt(s);
			Sys.print((back == i) + " ");
		}
		Sys.println("");
	}

	static function codes() {
		var s = "aé😀";
		var c:Null<Int> = s.charCodeAt(5);
		var d:Null<Int> = s.charCodeAt(-1);
		Sys.println(s.charCodeAt(0) + " " + s.charCodeAt(1) + " " + s.charCodeAt(2) + " " + s.charCodeAt(3) + " " + c + " " + d);
		var h = 0;
		for (i in 0...s.length)
			h = h * 31 + StringTools.fastCodeAt(s, i);
		Sys.println(h);
		var n:String = null;
		try {
			Sys.println(n.charCodeAt(0));
		} catch (e:Dynamic) {
			Sys.println("caught " + e);
		}
		var dyn:Dynamic = 2.75;
		var asInt:Int = dyn;
		var none:Null<Int> = null;
		var zero:Int = none;
		var fromBool:Dynamic = true;
		var boolInt:Int = fromBool;
		var f:Dynamic = 3;
		var asFloat:Float = f;
		Sys.println(asInt + " " + zero + " " + boolInt + " " + asFloat);
	}

	static function maps() {
		var m = new Map<String, Int>();
		var words = "one two three one Ünïcödé two one a-key-longer-than-fifteen-units a-key-longer-than-fifteen-units".split(" ");
		for (w in words) {
			var c = m.get(w);
			m.set(w, c == null ? 1 : c + 1);
		}
		var keys = [for (k in m.keys()) k];
		Sys.println(keys.join(","));
		Sys.println([for (k in keys) m.get(k)].join(","));
		// keys built at run time find literal keys and the other way round
		Sys.println(m.get("o" + "ne") + " " + m.get("Ünïcödé") + " " + m.exists("thre") + " " + m.get("a-key-longer-than-fifteen-" + "units"));
		m.set("", 5);
		Sys.println(m.get("") + " " + m.exists("x"));
		m.remove("two");
		var two = "tw" + "o";
		Sys.println(m.get(two) + " " + m.exists(two));
		m.set(two, 9);
		Sys.println(m.get("two") + " " + [for (k in m.keys()) k].join(","));
		var lookup = "one";
		m.get(lookup);
		m.remove(lookup);
		Sys.println(m.get(lookup) + " " + m.exists("one"));
		m.set(lookup, 1);
		Sys.println(m.get("one"));
		m.clear();
		Sys.println(m.get(lookup) + " " + [for (k in m.keys()) k].length);
		var big = new Map<String, Int>();
		for (i in 0...2000)
			big.set("k" + i, i);
		var total = 0;
		for (i in 0...2000)
			total += big.get("k" + i);
		Sys.println(total + " " + big.get("k1999") + " " + big.get("k2000"));
		var d = new Map<Dynamic, String>();
		d.set("s", "string");
		d.set(1, "int");
		d.set(null, "null");
		Sys.println(d.get("s") + " " + d.get(1) + " " + d.get(null) + " " + d.get(2));
	}

	static function main() {
		splits();
		bufs();
		numbers();
		codes();
		maps();
	}
}
