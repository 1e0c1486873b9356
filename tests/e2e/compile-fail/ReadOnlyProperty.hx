class Temperature {
	public var celsius(default, null):Float = 0;
	public var kelvin(get, never):Float;

	public function new() {}

	function get_kelvin():Float {
		return celsius + 273.15;
	}
}

class ReadOnlyProperty {
	static function main() {
		var t = new Temperature();
		t.celsius = 20;
		t.kelvin = 300;
		t.celsius += 1;
		Sys.println(t.kelvin);
	}
}
