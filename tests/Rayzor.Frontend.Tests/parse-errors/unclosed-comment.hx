class Main {
	static function main() {
		var x = 1
		trace(x);
		/* this comment
		   never ends
	}
}
