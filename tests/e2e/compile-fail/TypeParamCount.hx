class TypeParamCount {
	static function main() {
		var a:Array<Int, String> = [];
		var m:Map<String> = new Map();
		var n:Int<Float> = 0;
		Sys.println(a.length);
	}
}
