enum Token {
	Num(v:Int);
	Op(c:String);
	Eof;
}

class UnmatchedGuard {
	static function show(t:Token):String {
		return switch (t) {
			case Num(v) if (v > 0): "positive";
			case Num(v) if (v <= 0): "other";
			case Op(c): c;
			case Eof: "eof";
		}
	}

	static function main() {
		Sys.println(show(Num(1)));
	}
}
