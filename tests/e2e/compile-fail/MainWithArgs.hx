// `main` is called with no arguments: a main that takes one is refused (it was an invalid MIR before)
class MainWithArgs {
	static function main(args:Array<String>) {
		trace(args);
	}
}
