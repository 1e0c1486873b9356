// A method implementing a generic interface's method without type hints takes the interface's
// types (`visitNum(n)` implementing `visitNum(n:R):R` of a `Visitor<Int>`, and of a
// `Visitor<String>`), as Haxe unifies them. Output checked against haxe --interp.
interface Visitor<R> {
	function visitNum(n:Int):R;
	function visitAdd(a:Expr, b:Expr):R;
}

enum Expr {
	Num(n:Int);
	Add(a:Expr, b:Expr);
}

class Eval implements Visitor<Int> {
	public function new() {}

	public function visitNum(n)
		return n;

	public function visitAdd(a, b)
		return InterfaceInference.accept(a, this) + InterfaceInference.accept(b, this);
}

class Show implements Visitor<String> {
	public function new() {}

	public function visitNum(n)
		return Std.string(n);

	public function visitAdd(a, b)
		return "(" + InterfaceInference.accept(a, this) + " + " + InterfaceInference.accept(b, this) + ")";
}

class InterfaceInference {
	public static function accept<R>(e:Expr, v:Visitor<R>):R
		return switch e {
			case Num(n): v.visitNum(n);
			case Add(a, b): v.visitAdd(a, b);
		};

	static function main() {
		var e = Add(Num(1), Add(Num(2), Num(3)));
		trace(accept(e, new Eval()), accept(e, new Show()));
	}
}
