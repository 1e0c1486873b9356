@:meta( class A {
}

class B {
	@ var x:Int;
	@:m(1 2) var y:Int;
	@:ok(1, "two") var z:Int;
	static function main() {
		@ foo var v = 1;
	}
}
@
