final class Sealed {
	public function new() {}
}

interface Runner {
	function run():Void;
}

class Impl extends Sealed {}

class Wrong extends Runner {}

class Other implements Sealed {}

class ExtendsFinal {
	static function main() {
		new Impl();
	}
}
