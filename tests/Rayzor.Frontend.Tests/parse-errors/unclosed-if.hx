class Main {
	static function main() {
		#if debug
		trace("debug");
		#else
		trace("release");
	}
}
