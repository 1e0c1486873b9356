class Main {
	static function main() {
		if (true) {
			trace(1);
		
	}

	function other() {
		trace(2);
	}
