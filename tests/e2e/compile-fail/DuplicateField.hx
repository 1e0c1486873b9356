class Inventory {
	var items:Array<String> = [];
	var count:Int = 0;
	var items:Array<Int>;

	public function new() {}

	public function add(s:String) {
		items.push(s);
	}

	public function add(s:String, n:Int) {}
}

class DuplicateField {
	static function main() {
		new Inventory().add("x");
	}
}
