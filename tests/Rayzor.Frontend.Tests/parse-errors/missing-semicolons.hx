class Main {
	var field:Int
	static function main() {
		var x = 1
		trace(x)
		var y = x + 1
		if (y > 1) trace(y) else trace(x);
		return
	}
}
