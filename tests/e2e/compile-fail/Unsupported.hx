class Unsupported {
	static function main() {
		var r = untyped __js__("1");
		Sys.println("never");
	}
}
