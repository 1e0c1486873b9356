class Main {
	static function main() {
		#if sys
		var a = (1 + );
		#else
		var b = (2 + );
		#end
		#if !sys
		var c = "unterminated;
		#end
		var d = 1 +;
	}
}
