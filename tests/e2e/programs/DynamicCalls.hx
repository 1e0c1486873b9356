// Calls of Dynamic values: every argument and result representation, methods of class instances,
// structures and built-in types read by name, Dynamic functions used as typed ones, static
// dynamic functions, and the error for calling a non-function.
class Counter {
	public var count:Int = 0;

	public function new() {}

	public function add(n:Int, ?times:Int):Int {
		count += n * (times == null ? 1 : times);
		return count;
	}

	public function ratio(f:Float):Float return count / f;

	public function reset():Void count = 0;
}

class DynamicCalls {
	static dynamic function label(n:Int):String return "#" + n;

	static function twice(f:Dynamic, x:Dynamic):Dynamic return f(f(x));

	static function main() {
		var sub:Dynamic = function(a:Int, b:Int) return a - b;
		var quarter:Dynamic = function(a:Float) return a / 4;
		var not:Dynamic = function(b:Bool) return !b;
		var hello:Dynamic = function() Sys.println("void function called");
		Sys.println(sub(10, 3) + " " + quarter(3) + " " + not(false) + " " + hello());
		Sys.println("Int passed to a Float argument: " + quarter(2));
		Sys.println("twice: " + twice(function(s:String) return s + s, "ab") + " " + twice(x -> x * 3, 2));

		// a class instance through Dynamic: methods with optional arguments, vars, bound methods
		var c:Dynamic = new Counter();
		c.add(2);
		c.add(3, 10);
		Sys.println("count " + c.count + " ratio " + c.ratio(4));
		var add:Dynamic = c.add;
		add(1);
		c.reset();
		Sys.println("after reset " + c.count + ", bound add gives " + add(5));

		// structures holding functions
		var ops:Dynamic = {double: function(x:Int) return x * 2, greet: (who:String) -> "hi " + who};
		Sys.println(ops.double(21) + " " + ops.greet("there"));
		ops.double = function(x:Int) return x * 100;
		Sys.println("replaced: " + ops.double(2));

		// built-in types through Dynamic
		var arr:Dynamic = [3, 1, 2];
		arr.push(10);
		arr.sort(function(a:Int, b:Int) return a - b);
		arr[0] = 7;
		Sys.println("array " + arr + " length " + arr.length + " indexOf(10) " + arr.indexOf(10) + " pop " + arr.pop());
		Sys.println("map " + arr.map(function(x:Int) return x * 2) + " filter " + arr.filter(x -> x > 2) + " join " + arr.join("-"));
		var total = 0;
		var it:Dynamic = arr.iterator();
		while (it.hasNext()) total += it.next();
		Sys.println("iterated total " + total);
		var s:Dynamic = "Hello World";
		Sys.println(s.toUpperCase() + " " + s.charAt(4) + " " + s.split(" ") + " " + s.indexOf("o") + " " + s.lastIndexOf("o") + " "
			+ s.charCodeAt(0) + " " + s.substr(6) + " " + s.substring(0, 5) + " " + s.length);
		var m:Dynamic = ["a" => 1, "b" => 2];
		m.set("c", 3);
		var sum = 0;
		var values:Dynamic = m.iterator();
		while (values.hasNext()) sum += values.next();
		Sys.println("map get " + m.get("b") + " exists " + m.exists("c") + " " + m.exists("z") + " sum " + sum);
		var buf:Dynamic = new StringBuf();
		buf.add("x=");
		buf.add(42);
		buf.addChar(33);
		Sys.println("buffer " + buf.toString());

		// a Dynamic function used as a typed function; null stays null
		var typed:Int->Int->Int = sub;
		Sys.println("typed " + typed(7, 2));
		var none:Dynamic = null;
		var typedNull:Int->Int = none;
		Sys.println("typed null is null: " + (typedNull == null));

		// static dynamic functions
		Sys.println(label(1));
		var old = label;
		label = function(n) return "[" + old(n) + "]";
		Sys.println(label(2));

		// calling something that is not a function
		var five:Dynamic = 5;
		try five(1) catch (e:String) Sys.println("caught: " + e);
		var nothing:Dynamic = null;
		try nothing() catch (e:String) Sys.println("caught: " + e);
		var obj:Dynamic = {};
		try obj.missing(1) catch (e:String) Sys.println("caught: " + e);
	}
}
