// Official std modules written in plain Haxe (Json, Md5/Sha1/Sha256, Path, Lambda, List) and the
// typing they need: Dynamic passed as String, Array<Dynamic> over an Array<Int>, unary and bit
// operators on Dynamic and on unknown arguments, `for (c in s)` through `using StringTools`.
// Field order of structures is insertion order here (Haxe leaves it unspecified; eval hashes), and
// an unchecked `cast` of a Float to Int truncates as on hxcpp (eval keeps the Float).
using StringTools;

class StdModules {
	static function mix(a, b) return ~a + (-b);

	static function main() {
		var o:Dynamic = haxe.Json.parse('{"a":1,"b":[1,2,{"c":"x"}],"e":null,"f":true,"s":"q\\"\\n"}');
		var b:Array<Dynamic> = o.b;
		Sys.println(o.a + " " + b.length + " " + b[2].c + " " + o.f);
		Sys.println(haxe.Json.stringify({x: 1, y: "s", z: [1, 2], n: null}));
		Sys.println(haxe.Json.stringify(o));
		Sys.println(haxe.Json.stringify([1, 2, 3], null, " "));
		var ser = haxe.Serializer.run({a: 1, b: [1, 2], c: "x", d: [true]});
		Sys.println(ser);
		var back:Dynamic = haxe.Unserializer.run(ser);
		Sys.println(back.c + " " + back.b[1]);
		var plain:Dynamic = {a: 1};
		Sys.println(Std.isOfType(plain, Class) + " " + Std.isOfType(plain, Enum) + " " + Std.isOfType(StdModules, Class));
		Sys.println(haxe.crypto.Md5.encode("hello"));
		Sys.println(haxe.crypto.Sha1.encode("hello"));
		Sys.println(haxe.crypto.Sha256.encode("hello"));
		var p = new haxe.io.Path("/a/b/c.txt");
		Sys.println(p.dir + " " + p.file + " " + p.ext + " " + haxe.io.Path.normalize("a/./b/../c"));
		var l = new haxe.ds.List<Int>();
		l.add(1);
		l.push(0);
		l.add(2);
		Sys.println(l.length + " " + l.first() + " " + l.last() + " " + Lambda.fold(l, function(x, acc) return x + acc, 0));
		var d:Dynamic = 5;
		d++;
		Sys.println(d++ + " " + d + " " + (-d) + " " + (~d) + " " + (d << 2) + " " + (d & 3));
		Sys.println(mix(5, 3));
		var ints = [1, 2, 3];
		var dyn:Dynamic = ints;
		var asDyn:Array<Dynamic> = dyn;
		Sys.println(asDyn[1] + asDyn.length);
		var tree = new haxe.ds.BalancedTree<String, Int>();
		for (w in ["pear", "apple", "fig", "kiwi", "apple"])
			tree.set(w, w.length);
		tree.remove("fig");
		Sys.println([for (k in tree.keys()) k].join(",") + " " + tree.get("kiwi") + " " + tree.exists("fig"));
		Sys.println(new haxe.Template("Hello ::name::, ::foreach items::[::__current__::]::end::").execute({name: "World", items: [1, 2]}));
		var a32:haxe.Int32 = 0x7fffffff;
		Sys.println((a32 + 1) + " " + haxe.Int32.ucompare(1, -1) + " " + (a32 * 2) + " " + (~a32));
		var f = 3.7;
		var truncated:Int = cast f;
		Sys.println(truncated);
		var sum = 0;
		for (c in "héllo")
			sum += c;
		Sys.println(sum);
		for (i => c in "ab")
			Sys.print(i + ":" + c + " ");
		Sys.println("");
	}
}
