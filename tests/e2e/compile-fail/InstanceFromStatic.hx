class InstanceFromStatic {
	var hits = 0;

	public function new() {}

	function bump() {
		hits++;
	}

	static function main() {
		hits = 3;
		bump();
		Sys.println(hits);
	}
}
