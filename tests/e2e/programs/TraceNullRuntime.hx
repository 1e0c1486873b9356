// `Null access` raised inside the runtime (push on a null array): the runtime's own frames are not
// shown, the Haxe frames that called it are.
class TraceNullRuntime {
	static var items:Array<Int>;

	static function add(x:Int) {
		items.push(x);
	}

	static function main() {
		Sys.println("start");
		add(1);
	}
}
