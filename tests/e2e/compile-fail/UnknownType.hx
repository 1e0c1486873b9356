import haxe.ds.StringMap;

class UnknownType {
	static function first(xs:Arry<Int>):Int {
		return xs[0];
	}

	static function main() {
		var m:StringMap<Strin> = new StringMap();
		var q = new Queue<Int>();
		Sys.println(first([1]));
	}
}
