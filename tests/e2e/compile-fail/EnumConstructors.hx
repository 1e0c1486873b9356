enum Expr {
	Lit(v:Int);
	Add(a:Expr, b:Expr);
	Neg(e:Expr);
}

class EnumConstructors {
	static function eval(e:Expr):Int {
		return switch (e) {
			case Lit(v): v;
			case Add(a): eval(a);
			case Neg(x, y): -eval(x);
		}
	}

	static function main() {
		var e = Add(Lit("1"), Neg());
		var f = Lit(1, 2);
		Sys.println(eval(e));
	}
}
