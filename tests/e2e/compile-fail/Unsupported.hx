class Unsupported {
	static function main() {
		var r = ~/a+b/;
		Sys.println("never");
	}
}
