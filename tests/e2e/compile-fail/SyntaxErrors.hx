class SyntaxErrors {
	static function main() {
		var x = 1
		var y = (2 + ;
		Sys.println(x);
	}
}
