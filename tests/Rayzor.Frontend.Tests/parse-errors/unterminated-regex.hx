class Main {
	static function main() {
		var a = ~/abc
		var b = ~/def/;
		var c = ~/ghi
		trace(a, b, c);
	}
}
