class Base {
	public function new() {}

	public final function id():Int {
		return 1;
	}
}

final class Leaf extends Base {
	override public function id():Int {
		return 2;
	}
}

class Sub extends Leaf {}

class OverrideFinal {
	static function main() {
		Sys.println(new Sub().id());
	}
}
