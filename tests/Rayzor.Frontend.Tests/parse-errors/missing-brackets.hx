class Main {
	static function main() {
		var a = [1, 2;
		var b = a[1;
		var m = [1 => "a", 2 => "b";
		var ok = [for (i in 0...3) i];
	}
}
