class Main {
	static function main() {
		var ok = "fine";
		var a = (1 + );
		trace("never closed);
	}
}
