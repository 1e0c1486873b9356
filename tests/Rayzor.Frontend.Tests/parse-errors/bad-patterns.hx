class Main {
	static function main() {
		switch (x) {
			case :
			case var;
			case 1 2:
			case A(:
			case [1,:
			case {a:}:
			case _ if x:
			case B(y) | C(y):
				trace(y);
			default:
		}
	}
}
