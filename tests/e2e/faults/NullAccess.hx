// Every way of reaching through null throws the String "Null access" (HashLink's wording), a
// catchable Haxe exception; uncaught, it is reported with its frames and exit status 1.
interface Shape {
	function area():Int;
}

class Box implements Shape {
	public var size:Int = 1;
	public var name:String = "box";

	public function new() {}

	public function area():Int {
		return size * size;
	}

	public function constant():Int {
		return 3; // never reads `this`: the call itself must test the receiver
	}
}

class Crate extends Box {
	override public function constant():Int {
		return 4;
	}
}

class NullAccess {
	static function attempt(what:String, f:() -> Dynamic) {
		try {
			Sys.println(what + ": no exception, got " + f());
		} catch (e:String) {
			Sys.println(what + ": " + e);
		}
	}

	static function main() {
		var made:Array<Box> = [new Box(), new Crate()]; // both classes are in use
		var box:Box = made.length > 5 ? made[0] : null;
		var crate:Crate = made.length > 5 ? cast made[1] : null;
		var shape:Shape = made.length > 5 ? made[0] : null;
		var list:Array<Int> = null;
		var text:String = null;
		var fn:() -> Int = null;
		var dyn:Dynamic = null;
		var map:Map<String, Int> = null;
		attempt("field read", () -> box.size);
		attempt("field write", () -> {
			box.size = 2;
			return 0;
		});
		attempt("method call", () -> box.area());
		attempt("call not reading this", () -> box.constant());
		attempt("overridden method", () -> crate.constant());
		attempt("interface call", () -> shape.area());
		attempt("bound method", () -> {
			var m = box.area;
			return m();
		});
		attempt("closure call", () -> fn());
		attempt("array read", () -> list[0]);
		attempt("array write", () -> {
			list[0] = 1;
			return 0;
		});
		attempt("array length", () -> list.length);
		attempt("array method", () -> list.push(1));
		attempt("string length", () -> text.length);
		attempt("string method", () -> text.charAt(0));
		attempt("dynamic field", () -> dyn.size);
		attempt("dynamic method", () -> dyn.area());
		attempt("map read", () -> map.get("a"));
		Sys.println("now uncaught:");
		Sys.println(box.name);
	}
}
