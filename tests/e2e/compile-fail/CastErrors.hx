class Animal {
	public function new() {}
}

class Cat extends Animal {}

class CastErrors {
	static function main() {
		var a:Animal = new Cat();
		var c = cast(a, Cat);
		var n = cast("3", Int);
		var s:String = (a : Cat);
		var d:Cat = a;
		Sys.println(c);
	}
}
