// The dispatch shapes the MIR passes `devirt` (vcall) and `icall-ic` (icall) decide: a method
// nothing overrides (direct call, receiver still null-tested), overridden methods (descriptor-guarded
// direct calls, classes inheriting one implementation sharing it), more than 4 implementations (the
// generic call), interfaces with 1, 2, 4 and 5 implementations, calls through a base-class-typed
// receiver, void and non-void methods, implementations whose signature differs from the interface's
// or the overridden method's (generic erasure, Null<Int>), bound methods, and null receivers (of
// methods that read `this`: haxe --interp runs the others; tests/e2e/faults/NullAccess.hx has them).
interface One {
	function area():Int;
}

interface Two {
	function name():String;
}

interface Four {
	function step(log:Array<String>):Void;
}

interface Five {
	function id():Int;
}

interface Getter<T> {
	function get():T;
}

interface Sub extends One {
	function twice():Int;
}

class Only implements One {
	var s:Int;

	public function new(s) this.s = s;

	public function area() return s * s;
}

class TwoA implements Two {
	public function new() {}

	public function name() return "a";
}

class TwoB implements Two {
	public function new() {}

	public function name() return "b";
}

class F1 implements Four {
	public function new() {}

	public function step(log:Array<String>) log.push("f1");
}

class F2 implements Four {
	public function new() {}

	public function step(log:Array<String>) log.push("f2");
}

class F3 implements Four {
	public function new() {}

	public function step(log:Array<String>) log.push("f3");
}

class F4 extends F3 {
	override public function step(log:Array<String>) log.push("f4");
}

class F5 extends F4 {} // inherits F4.step: 4 implementations, 5 classes

class V1 implements Five {
	public function new() {}

	public function id() return 1;
}

class V2 extends V1 {
	override public function id() return 2;
}

class V3 extends V1 {
	override public function id() return 3;
}

class V4 extends V1 {
	override public function id() return 4;
}

class V5 extends V1 {
	override public function id() return 5;
}

class IntGetter implements Getter<Int> {
	public function new() {}

	public function get():Int return 42;
}

class FloatGetter implements Getter<Float> {
	public function new() {}

	public function get():Float return 2.5;
}

class StrGetter implements Getter<String> {
	public function new() {}

	public function get():String return "s";
}

class Both implements Sub {
	public function new() {}

	public function area() return 7;

	public function twice() return 14;
}

class Animal {
	public var name:String;

	public function new(name) this.name = name;

	public function speak():String return name + " ...";

	public function legs():Int return 4;

	public function rename(n:String):Void name = n;
}

class Dog extends Animal {
	override public function speak():String return name + " woof";
}

class Puppy extends Dog {} // inherits Dog.speak

class Bird extends Animal {
	override public function speak():String return name + " tweet";

	override public function legs():Int return 2;
}

class Cell<T> {
	var v:T;

	public function new(v:T) this.v = v;

	public function get():T return v;

	public function set(x:T):Void v = x;
}

class IntCell extends Cell<Int> {
	override public function get():Int return super.get() + 1000;

	override public function set(x:Int):Void super.set(x * 2);
}

class Opt {
	public function new() {}

	public function pick(x:Null<Int>):Null<Int> return x == null ? -1 : x + 1;
}

class OptSub extends Opt {
	override public function pick(x:Null<Int>):Null<Int> return x == null ? -2 : x * 10;
}

class Leaf {
	public var n = 3;

	public function new() {}

	public function get():Int return n;

	public function bump():Void n++;

	public function seven():Int return 7;

	public function noop():Void {}
}

class DispatchShapes {
	static function attempt(label:String, f:Void->Dynamic) {
		try {
			Sys.println(label + " " + f());
		} catch (e:Dynamic) {
			Sys.println(label + " threw " + Std.string(e).toLowerCase());
		}
	}

	static function main() {
		// a method nothing overrides: a direct call (this, a new object, a local)
		var leaf = new Leaf();
		leaf.bump();
		Sys.println("leaf " + leaf.get() + " " + new Leaf().get() + " " + leaf.seven());
		leaf.noop();
		// overridden methods through a base-class-typed receiver: guarded
		var animals:Array<Animal> = [new Animal("cat"), new Dog("rex"), new Puppy("bit"), new Bird("tweety")];
		for (a in animals) {
			a.rename(a.name + "!");
			Sys.println(a.speak() + " " + a.legs());
		}
		// a subclass-typed receiver: Dog.speak for Dog and Puppy
		var dogs:Array<Dog> = [new Dog("d1"), new Puppy("p1")];
		Sys.println([for (d in dogs) d.speak()].join(","));
		// interfaces with 1, 2, 4 (5 classes) and 5 implementations
		var ones:Array<One> = [new Only(3), new Both()];
		Sys.println("one " + [for (o in ones) o.area()].join(","));
		var only:One = new Only(5);
		Sys.println("only " + only.area());
		var twos:Array<Two> = [new TwoA(), new TwoB(), new TwoA()];
		Sys.println("two " + [for (t in twos) t.name()].join(""));
		var log = [];
		var fours:Array<Four> = [new F1(), new F2(), new F3(), new F4(), new F5()];
		for (f in fours) f.step(log);
		Sys.println("four " + log.join(","));
		var fives:Array<Five> = [new V1(), new V2(), new V3(), new V4(), new V5()];
		Sys.println("five " + [for (v in fives) v.id()].join(""));
		var v1s:Array<V1> = [new V5(), new V1(), new V3()];
		Sys.println("five by class " + [for (v in v1s) v.id()].join(""));
		var sub:Sub = new Both();
		var subOne:One = sub;
		Sys.println("sub " + subOne.area() + " " + sub.twice());
		// implementations whose representation differs from the interface's / the base's
		var gi:Getter<Int> = new IntGetter();
		var gf:Getter<Float> = new FloatGetter();
		var gs:Getter<String> = new StrGetter();
		Sys.println("getters " + (gi.get() + 1) + " " + (gf.get() * 2) + " " + gs.get());
		var anyGetters:Array<Getter<Dynamic>> = [cast new IntGetter(), cast new FloatGetter(), cast new StrGetter()];
		Sys.println("dynamic getters " + [for (g in anyGetters) Std.string(g.get())].join(","));
		var cells:Array<Cell<Int>> = [new Cell(1), new IntCell(2)];
		for (c in cells) c.set(c.get() + 1);
		Sys.println("cells " + [for (c in cells) c.get()].join(","));
		var ic = new IntCell(5);
		Sys.println("intcell " + ic.get());
		var opts:Array<Opt> = [new Opt(), new OptSub()];
		Sys.println("opts " + [for (o in opts) o.pick(4) + "/" + o.pick(null)].join(","));
		// bound methods dispatch like calls
		var speak = animals[1].speak;
		var area = ones[1].area;
		Sys.println("bound " + speak() + " " + area());
		// null receivers
		var noLeaf:Leaf = null;
		var noAnimal:Animal = null;
		var noDog:Dog = null;
		var noOne:One = null;
		var noTwo:Two = null;
		var noFour:Four = null;
		var noFive:Five = null;
		var noGetter:Getter<Int> = null;
		attempt("null leaf", () -> noLeaf.get());
		attempt("null leaf void", () -> {
			noLeaf.bump();
			return "done";
		});
		attempt("null animal", () -> noAnimal.speak());
		attempt("null animal void", () -> {
			noAnimal.rename("x");
			return "done";
		});
		attempt("null dog", () -> noDog.speak());
		attempt("null one", () -> noOne.area());
		attempt("null two", () -> noTwo.name());
		attempt("null four", () -> {
			noFour.step(log);
			return "done";
		});
		attempt("null five", () -> noFive.id());
		attempt("null getter", () -> noGetter.get());
	}
}
