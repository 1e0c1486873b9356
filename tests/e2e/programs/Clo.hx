class Adder {
	var base:Int;
	public function new(b:Int) base = b;
	public function add(x:Int):Int return base + x;
	public function maker():Int->Int return x -> x * base;
}
class Clo {
	static function twice(f:Int->Int, x:Int):Int return f(f(x));
	static function sq(x:Int):Int return x * x;
	static function apply<T>(f:T->T, x:T):T return f(x);
	static function main() {
		var k = 10;
		var addK = function(x:Int) return x + k;
		Sys.println(addK(5));
		k = 20;
		Sys.println(addK(5));
		var counter = 0;
		var inc = () -> counter++;
		inc(); inc(); inc();
		Sys.println(counter);
		Sys.println(twice(sq, 3) + " " + twice(x -> x + 1, 3));
		function fact(n:Int):Int return n <= 1 ? 1 : n * fact(n - 1);
		Sys.println(fact(10));
		var a = new Adder(7);
		var f = a.add;
		Sys.println(f(1) + " " + twice(a.add, 0) + " " + a.maker()(3));
		Sys.println(apply(x -> x * 3, 14));
		var fs = [];
		for (i in 0...3) fs.push(() -> i * 10);
		var s = "";
		for (g in fs) s += g() + ",";
		Sys.println(s);
	}
}
