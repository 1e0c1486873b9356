class Box<T:Float> {
	public var v:T;

	public function new(v:T) {
		this.v = v;
	}
}

class ConstraintViolation {
	static function largest<T:Float>(xs:Array<T>):T {
		var best = xs[0];
		for (x in xs)
			if (x > best)
				best = x;
		return best;
	}

	static function main() {
		Sys.println(largest(["a", "b"]));
		var b:Box<String> = null;
		Sys.println(b);
	}
}
