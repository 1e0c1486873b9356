class ThisInStatic {
	var value:Int = 1;

	public function new() {}

	static function helper():Int {
		return this.value;
	}

	static function main() {
		trace(value);
		Sys.println(helper());
	}
}
