class Counter {
	public static var created = 0;

	public var value = 0;

	public function new() {
		created++;
	}
}

class StaticInstanceAccess {
	static function main() {
		var c = new Counter();
		Sys.println(c.created);
		Sys.println(Counter.value);
	}
}
