// `...rest` arguments (haxe.Rest): packed from the arguments left, spread from an array, iterated,
// indexed, converted; on static, instance and local functions.
class Greeter {
	public function new() {}

	public function greet(greeting:String, ...names:String):String
		return greeting + " " + names.toArray().join(" and ");
}

class RestArgs {
	static function sum(label:String, ...xs:Int):String {
		var t = 0;
		for (x in xs)
			t += x;
		return label + "=" + t + " n=" + xs.length + (xs.length > 0 ? " first=" + xs[0] : "");
	}

	static function main() {
		Sys.println(sum("a", 1, 2, 3));
		Sys.println(sum("b"));
		var arr = [4, 5];
		Sys.println(sum("c", ...arr));
		Sys.println(new Greeter().greet("hello", "ann", "bob"));
		var r = haxe.Rest.of([7, 8]);
		Sys.println(r.append(9).toArray() + " " + r.prepend(6).toArray() + " " + r.length);
		for (i => v in r)
			Sys.print(i + ":" + v + " ");
		Sys.println("");
		function local(...fs:Float) return fs.length;
		Sys.println(local(1.5, 2, 3.25));
	}
}
