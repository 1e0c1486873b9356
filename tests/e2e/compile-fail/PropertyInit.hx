class PropertyInit {
	public var size(default, null):Int = "big";
	@:isVar public var name(get, set):String = 3;

	function get_name() return name;

	function set_name(v:String) return name = v;

	public function new() {}

	static function main() {
		var p = new PropertyInit();
		p.size = 3;
		Sys.println(p.size + p.name);
	}
}
