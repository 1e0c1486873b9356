enum Color {
	Red;
	Custom(r:Int, g:Int);
}

class Node {
	public var id:Int;

	public function new(id) this.id = id;
}

class Countdown {
	var cur:Int;

	public function new(n) cur = n;

	public function hasNext() return cur > 0;

	public function next() return cur--;
}

class Maps {
	static function main() {
		var m = new Map<String, Int>();
		m.set("a", 1);
		m["b"] = 2;
		m["a"] += 10;
		Sys.println(m.get("a") + " " + m["b"] + " " + m.get("zz") + " " + m.exists("b") + " " + m.remove("zz"));
		var pairs = [for (k => v in m) k + "=" + v];
		pairs.sort((x, y) -> x < y ? -1 : 1);
		Sys.println(pairs);
		var total = 0;
		for (v in m) total += v;
		Sys.println("total " + total);
		var lit = [1 => "x"];
		Sys.println(lit);
		var sq = [for (i in 0...5) i => i * i];
		Sys.println(sq[4] + " " + sq.copy()[3]);
		var f = new haxe.ds.StringMap<Float>();
		f.set("pi", 3.25);
		Sys.println(f.get("pi") + 1);
		var objs = new Map<Node, String>();
		var n1 = new Node(1);
		objs.set(n1, "one");
		Sys.println(objs.get(n1) + " " + objs.get(new Node(1)));
		var colors = new Map<Color, Int>();
		colors.set(Custom(1, 2), 12);
		colors.set(Red, 0);
		Sys.println(colors.get(Custom(1, 2)) + " " + colors.get(Custom(2, 1)) + " " + colors.exists(Red));
		var big = new haxe.ds.IntMap<Int>();
		for (i in 0...10000) big.set(i * 7, i);
		for (i in 0...10000) if (i % 2 == 0) big.remove(i * 7);
		var count = 0;
		for (k in big.keys()) count++;
		Sys.println("count " + count + " " + big.get(9999 * 7));
		big.clear();
		Sys.println("cleared " + big.exists(7));
		for (x in new Countdown(3)) Sys.println("down " + x);
		var r = 2...5;
		for (i in r) Sys.println("range " + i);
		for (i => s in ["p", "q"]) Sys.println(i + s);
		var it = [7, 8].iterator();
		while (it.hasNext()) Sys.println(it.next());
		Sys.println([1, 2, 3, 4].filter(x -> x % 2 == 0).map(x -> "n" + x));
		var words = ["pear", "fig", "apple"];
		words.sort((a, b) -> a.length - b.length);
		Sys.println(words);
	}
}
