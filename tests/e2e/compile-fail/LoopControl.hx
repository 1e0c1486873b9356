class LoopControl {
	static function check(n:Int):Int {
		if (n > 3)
			break;
		continue;
		return n;
	}

	static function main() {
		for (i in 0...3) {
			var f = function() {
				break;
			};
		}
		Sys.println(check(1));
	}
}
