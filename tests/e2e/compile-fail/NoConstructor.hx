class Helper {
	public static function run():Void {}
}

class Child extends Helper {
	public function new() {
		super();
	}
}

class NoConstructor {
	static function main() {
		var h = new Helper();
		var c = new Child();
	}
}
