class Main {
	static function main() {
		var s = "café";
		// comment ÿş here
		var x = 1; À€
		var ok = "cafÃ©";
		var y = 2 +;
	}
}
