// An uncaught exception under recursion, a closure, an interface call and a comparator the
// runtime calls back (Array.sort): one `Called from` line per Haxe frame, innermost first.
interface Visitor {
	function visit(n:Int):Int;
}

class Checker implements Visitor {
	public function new() {}

	public function visit(n:Int):Int {
		var items = [5, 3, n, 1];
		items.sort(function(a, b) {
			if (a == 0 || b == 0)
				throw "zero in " + items.length;
			return a - b;
		});
		return items[0];
	}
}

class TraceDeep {
	static function down(v:Visitor, n:Int):Int {
		if (n == 0)
			return v.visit(n);
		return down(v, n - 1) + 1;
	}

	static function main() {
		var v:Visitor = new Checker();
		Sys.println(v.visit(7));
		var run = function(k:Int) return down(v, k);
		Sys.println(run(2));
	}
}
