class Animal {
	public function new() {}

	public function speak():String {
		return "...";
	}
}

class Dog extends Animal {
	public function speak():String {
		return "woof";
	}

	override public function fetch():Void {}
}

class OverrideMissing {
	static function main() {
		Sys.println(new Dog().speak());
	}
}
