interface Named {
	var name(get, never):String;
	function describe(verbose:Bool):String;
}

class Item implements Named {
	public var name(get, never):String;

	public function new() {}

	function get_name() return "item";

	public function describe():String {
		return name;
	}
}

class InterfaceField {
	static function main() {
		var n:Named = new Item();
		Sys.println(n.describe(true));
	}
}
