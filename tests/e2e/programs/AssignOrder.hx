// `target = value` evaluates the target's object and index before the value, as Haxe does: `a[f()] = g()`
// calls f first (found by the differential fuzzer, seed 100 #723: the value of an array store was
// evaluated before its index).
class AssignOrder {
	static var inst = new AssignOrder();

	var x = 0;
	var items = [0, 0];

	function new() {}

	static function f(tag:String, v:Int):Int {
		Sys.println(tag);
		return v;
	}

	static function obj(tag:String):AssignOrder {
		Sys.println(tag);
		return inst;
	}

	static function dyn(tag:String, d:Dynamic):Dynamic {
		Sys.println(tag);
		return d;
	}

	static function arr(tag:String, a:Array<Int>):Array<Int> {
		Sys.println(tag);
		return a;
	}

	static function main() {
		var a = [1, 2, 3];
		a[f("index", 1)] = f("value", 5);
		arr("array", a)[f("index2", 0)] = f("value2", 7);
		a[f("index3", 2)] += f("value3", 1);
		obj("object").x = f("value4", 3);
		obj("object2").items[f("index5", 1)] = f("value5", 4);
		var m = new Map<Int, Int>();
		m[f("key", 1)] = f("value6", 10);
		var d:Dynamic = {y: 0};
		dyn("dynamic", d).y = f("value7", 2);
		var v = a[f("index8", 0)] = f("value8", 9);
		Sys.println(a);
		Sys.println(inst.x + " " + inst.items + " " + m[1] + " " + d.y + " " + v);
	}
}
