class NullableMisuse {
	static function find(xs:Array<String>, s:String):Null<Int> {
		var i = xs.indexOf(s);
		return i < 0 ? null : i;
	}

	static function main() {
		var idx = find(["a"], "a");
		var s:String = idx;
		var b:Bool = null;
		var f:Null<Float> = "x";
		Sys.println(idx + s);
	}
}
