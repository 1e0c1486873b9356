class Main {
	static function main() {
		f(1 2);
		var s = 'never closed;
	}
}
