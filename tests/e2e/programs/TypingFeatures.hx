// Typing features: @:op overloads, @:arrayAccess, structure patterns, checked casts,
// bridges for generic interface/override signatures, constrained type parameters.
abstract Money(Int) from Int to Int {
	public inline function new(cents:Int) this = cents;
	@:op(A + B) static function add(a:Money, b:Money):Money return new Money((a : Int) + (b : Int));
	@:op(A * B) @:commutative static function times(a:Money, k:Int):Money return new Money((a : Int) * k);
	@:op(A > B) static function gt(a:Money, b:Money):Bool return (a : Int) > (b : Int);
	@:op(!A) static function isZero(a:Money):Bool return (a : Int) == 0;
	@:op(++A) inline function inc():Money return this += 100;
	public function toString() return Std.int(this / 100) + "." + StringTools.lpad(Std.string(this % 100), "0", 2);
}

abstract Grid(Array<Int>) {
	public function new(n:Int) this = [for (i in 0...n * n) 0];
	@:arrayAccess function get(i:Int):Int return this[i];
	@:arrayAccess function set(i:Int, v:Int):Int return this[i] = v;
	@:arrayAccess function getName(name:String):Int return name.length;
}

interface Source<T> {
	function next():T;
}

class Counter implements Source<Int> {
	var n = 0;
	public function new() {}
	public function next():Int return ++n;
}

class Halves implements Source<Float> {
	var x = 1.0;
	public function new() {}
	public function next():Float return x /= 2;
}

class Base<T> {
	public function new() {}
	public function make(seed:T):T return seed;
}

class IntMaker extends Base<Int> {
	override public function make(seed:Int):Int return seed * 10;
}

class Animal {
	public var name:String;
	public function new(n) name = n;
}

class Dog extends Animal {
	public function bark() return name + " woofs";
}

class TypingFeatures {
	static function take<T>(s:Source<T>, n:Int):Array<T> return [for (i in 0...n) s.next()];

	static function longest<T:{var length(default, null):Int;}>(xs:Array<T>):Int {
		var best = 0;
		for (x in xs) if (x.length > best) best = x.length;
		return best;
	}

	static function main() {
		var a:Money = 250;
		var b = new Money(199);
		Sys.println("sum " + (a + b) + ", times " + (a * 3) + ", commuted " + (2 * b));
		Sys.println("gt " + (a > b) + " " + (b > a) + ", zero " + !new Money(0) + " " + !a);
		++a;
		Sys.println("incremented in place: " + a);

		var g = new Grid(3);
		g[4] = 7;
		g[0] = g[4] + 1;
		Sys.println("grid " + g[0] + " " + g[4] + " " + g[8] + " by name " + g["abcd"]);

		Sys.println("ints " + take(new Counter(), 4) + " halves " + take(new Halves(), 3));
		var src:Source<Int> = new Counter();
		src.next();
		Sys.println("via interface " + src.next());
		var base:Base<Int> = new IntMaker();
		Sys.println("override through base " + base.make(4) + " direct " + new IntMaker().make(5));

		var pts:Array<{x:Int, y:Int, ?tag:String}> = [{x: 0, y: 1}, {x: 2, y: 2, tag: "d"}, {x: 5, y: 1}];
		for (p in pts)
			Sys.println(switch (p) {
				case {x: 0}: "on axis";
				case {x: a, y: b, tag: t} if (a == b): "diagonal " + t;
				case {y: 1, x: v}: "row one at " + v;
				case _: "other";
			});

		var zoo:Array<Animal> = [new Dog("rex"), new Animal("cat")];
		for (z in zoo)
			try {
				Sys.println(cast(z, Dog).bark());
			} catch (e:String) {
				Sys.println("not a dog: " + z.name + " (" + e + ")");
			}
		var nothing:Animal = null;
		Sys.println("null passes a checked cast: " + (cast(nothing, Dog) == null));
		var d:Dynamic = 3;
		var i:Int = cast(d, Int);
		Sys.println("dynamic to Int " + (i + 1));
		Sys.println("longest " + longest(["ab", "abcde", ""]) + " " + longest([[1], [1, 2, 3]]));
	}
}
