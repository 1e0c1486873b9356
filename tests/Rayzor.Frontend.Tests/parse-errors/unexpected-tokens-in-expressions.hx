class Main {
	static function main() {
		x = a.;
		x = 1 +;
		x = (a b);
		x = a ? b;
		x = cast;
		x = new A;
		x = y z;
		x = a ? : b;
		x = 1 is;
		x = a => ;
		var ok = a ? b : c;
	}
}
