// Typing rules the std relies on: `+` with a Null<String> operand concatenates; in `a != Name` the
// right operand's name is looked up in the left one's enum abstract (haxe.xml.Parser); a property
// of another class read inside some `get_x` goes through that class's getter (haxe.io.BytesOutput);
// static extensions of an enum's type (`using haxe.EnumTools`) and extern inline functions; a
// map's `keys()`, `iterator()`, `keyValueIterator()` seen as structures; `[1, null, 2.5]` keeps its null; the std
// map classes as values; `@:op(a.b)` reads; Int64's operators; an abstract's constrained type
// parameter (haxe.ds.HashMap); UnicodeString; interface properties; @:structInit. Outputs checked
// against haxe --interp.
using haxe.EnumTools;

enum abstract Kind(Int) {
	var Leaf = 0;
	var Branch = 1;
}

enum Tree {
	Tip(v:Int);
	Fork(l:Tree, r:Tree);
}

class Buffer {
	public var length(get, never):Int;

	var n = 3;

	public function new() {}

	function get_length()
		return n * 2;
}

class Wrapper {
	var b = new Buffer();

	public var length(get, never):Int;

	public function new() {}

	function get_length()
		return b.length + 1;
}

@:structInit class Config {
	public var name:String;
	public var size:Int = 3;
	public var tags:Array<String>;
	@:optional public var note:String;
}

@:structInit class Point {
	public var x:Float;
	public var y:Float;

	public function new(x:Float, y:Float = 0) {
		this.x = x;
		this.y = y * 2;
	}
}

interface HasArea {
	var area(get, never):Float;
}

class Square implements HasArea {
	var side:Float;

	public var area(get, never):Float;

	function get_area()
		return side * side;

	public function new(side)
		this.side = side;
}

class Key {
	var k:Int;

	public function new(k)
		this.k = k;

	public function hashCode():Int
		return k;
}

abstract Bag(Map<String, Int>) {
	public function new()
		this = ["apples" => 3, "pears" => 5];

	@:op(a.b) function count(name:String):Int
		return this.exists(name) ? this.get(name) : 0;
}

class StdTyping {
	static function keysOf(m:Map<String, Int>):Iterator<String>
		return m.keys();

	static function total(it:Iterator<Int>):Int {
		var t = 0;
		for (x in it)
			t += x;
		return t;
	}

	static function main() {
		var a:Null<String> = "x";
		var none:Null<String> = null;
		Sys.println(a + none + "|" + (none + a));
		var k:Kind = Branch;
		Sys.println((k != Leaf) + " " + (k == Branch));
		Sys.println(new Wrapper().length);
		Sys.println(Tree.getConstructors() + " " + Tree.getName() + " " + Fork(Tip(1), Tip(2)).getParameters().length);
		Sys.println(Tip(1).equals(Tip(1)) + " " + Tip(1).equals(Tip(2)) + " " + Tree.createByName("Tip", [7]));
		var m = ["b" => 2, "a" => 1, "c" => 3];
		var names = [for (n in keysOf(m)) n];
		names.sort(Reflect.compare); // (the order of a map's keys is the target's)
		Sys.println(names + " " + total(m.iterator()));
		var it:Iterator<String> = m.keys();
		Sys.println(it.hasNext() + " " + m.exists(it.next()));
		var kv:KeyValueIterator<String, Int> = m.keyValueIterator();
		var pairs = [for (e in kv) e.key + "=" + e.value];
		pairs.sort(Reflect.compare);
		Sys.println(pairs);
		var mixed = [1, null, 2.5];
		Sys.println(mixed + " " + (mixed[1] == null));
		var cls:Dynamic = Type.getClass(m);
		Sys.println((cls == haxe.ds.StringMap) + " " + Std.isOfType(new Map<Int, Int>(), haxe.ds.IntMap) + " " + Std.isOfType(m, haxe.ds.IntMap));
		var bag = new Bag();
		Sys.println(bag.apples + bag.pears + bag.plums);
		// Int64's operators: comparisons, Int operands
		var big = haxe.Int64.make(1, 0);
		var five:haxe.Int64 = 5;
		Sys.println((big > five) + " " + (five < big) + " " + (big >= big) + " " + (five <= 4) + " " + (5 == five) + " " + (big != 0));
		Sys.println(haxe.Int64.toStr(big + 1) + " " + haxe.Int64.toStr(2 * big) + " " + haxe.Int64.toStr(big - 1) + " " + haxe.Int64.toStr(1 - big));
		// an abstract's constrained type parameter (haxe.ds.HashMap<K:{function hashCode():Int;}, V>)
		var hm = new haxe.ds.HashMap<Key, String>();
		hm.set(new Key(1), "one");
		Sys.println(hm.get(new Key(1)) + " " + hm.exists(new Key(2)));
		// a property read through an interface calls the class's getter
		var shapes:Array<HasArea> = [new Square(2), new Square(3)];
		Sys.println([for (sh in shapes) sh.area]);
		// @:structInit: an object literal where such a class is expected
		var config:Config = {name: "x", tags: ["a"]};
		var sized:Config = {name: "y", size: 7, tags: [], note: "n"};
		var points:Array<Point> = [{x: 1, y: 2}, {x: 5}];
		Sys.println(config.name + " " + config.size + " " + config.tags + " " + config.note + " " + sized.size + sized.note + " " + points[0].y + " " + points[1].y);
		var u = new UnicodeString("h\u00e9llo\u20ac");
		Sys.println(u.length + " " + u.charAt(5) + " " + u.charCodeAt(1) + " " + u.indexOf("l"));
	}
}
