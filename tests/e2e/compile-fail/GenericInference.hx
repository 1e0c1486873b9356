class GenericInference {
	static function pair<A, B>(a:A, b:B):{first:A, second:B} {
		return {first: a, second: b};
	}

	static function main() {
		var xs = [1, 2, 3];
		xs.push("four");
		var p = pair(1, "x");
		var n:Int = p.second;
		var ys = xs.map(x -> x * 2.5);
		var zs:Array<Int> = ys;
		Sys.println(zs);
	}
}
