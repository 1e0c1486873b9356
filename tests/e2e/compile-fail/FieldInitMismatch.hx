class FieldInitMismatch {
	static var limit:Int = 2.5;
	var label:String = 42;

	public function new() {}

	static function main() {
		Sys.println(limit);
		Sys.println(new FieldInitMismatch().label);
	}
}
