// Default values of Int, Float and Bool arguments of local functions, which apply them
// themselves (their callers do not know them): an omitted or null argument takes the default,
// through a direct call, a typed function value with optional arguments, or Dynamic.
class LocalFunctionDefaults {
	static function apply(f:(Int, ?Int) -> Int):Int return f(4) + f(4, 1);

	static function main() {
		var scale = 10;
		var f = function(a:Int, ?b:Int = 3) {
			b += 1;
			return a * b + scale;
		};
		trace(f(2)); trace(f(2, 5)); trace(f(2, null)); trace(apply(f));
		function fact(n:Int, acc:Int = 1):Int return n <= 1 ? acc : fact(n - 1, acc * n);
		trace(fact(5)); trace(fact(5, 2));
		function g(x:Float = 1.5, ?on:Bool = true) return on ? x : -x;
		trace(g()); trace(g(2.0)); trace(g(2.0, false));
		var h:(Float, ?Bool) -> String = function(x:Float, neg:Bool = false) return neg ? '${-x}' : '$x';
		trace(h(1.5)); trace(h(1.5, true));
		var fs = [for (i in 0...3) function(k:Int = 7) return k + i];
		trace([for (fn in fs) fn()]);
		var d:Dynamic = f;
		trace(d(1)); trace(d(1, 1));
	}
}
