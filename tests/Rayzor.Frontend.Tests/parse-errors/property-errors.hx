class Main {
	var a(get set):Int;
	var b(get, 1):Int;
	var c(get, set:Int;
	final var d:Int = 1;
	var ok(default, null):Int;
	static function main() {
		var x(get, set) = 1;
		final var y = 2;
	}
}
