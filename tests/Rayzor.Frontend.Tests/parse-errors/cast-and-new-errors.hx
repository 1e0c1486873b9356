class Main {
	static function main() {
		var a = cast;
		var b = cast(x,);
		var c = cast(x y);
		var d = new;
		var e = new A;
		var f = new a.b();
		var ok = cast(x, String);
	}
}
