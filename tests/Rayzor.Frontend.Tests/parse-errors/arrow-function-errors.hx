class Main {
	static function main() {
		var a = (x y) -> 1;
		var b = (1) -> 2;
		var c = (true) -> 3;
		var d = (x:Int, ) -> 4;
		var e = (x:) -> 5;
		var ok = (x:Int, ?y) -> x;
	}
}
