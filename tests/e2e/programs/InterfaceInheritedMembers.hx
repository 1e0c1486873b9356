// Members of an interface that come from the interfaces it extends, used through the extending
// interface's type: calls, a bound method, and type parameters substituted along the way.
interface One<T> {
	function get():T;
	function put(v:T):Void;
}

interface Two<U> extends One<Array<U>> {
	function size():Int;
}

interface Three extends Two<String> {}

interface Named {
	function name():String;
}

interface Shape extends Named {
	function area():Int;
}

interface Square extends Shape {}

class Box implements Three {
	var items:Array<String> = ["a"];

	public function new() {}

	public function get()
		return items;

	public function put(v:Array<String>)
		items = v;

	public function size()
		return items.length;
}

class Sq implements Square {
	var side:Int;

	public function new(side:Int)
		this.side = side;

	public function name()
		return "sq" + side;

	public function area()
		return side * side;
}

class InterfaceInheritedMembers {
	static function describe(s:Square):String
		return s.name() + "=" + s.area();

	static function main() {
		var t:Three = new Box();
		t.put(["x", "y"]);
		var a = t.get();
		trace(a.length + t.size());
		trace(t.get()[1].toUpperCase());
		var g = t.get;
		t.put(["z"]);
		trace(g());
		var o:One<Array<String>> = t;
		trace(o.get());
		var squares:Array<Square> = [new Sq(2), new Sq(3)];
		for (s in squares)
			trace(describe(s));
		var n = squares[1].name;
		trace(n());
		var none:Square = null;
		try {
			trace(none.name());
		} catch (e:Dynamic) {
			trace("caught");
		}
	}
}
