class VoidValue {
	static function log(s:String):Void {
		Sys.println(s);
	}

	static function main() {
		var r = log("x");
		var xs = [log("a")];
		var n = log("y") + 1;
		Sys.println(r);
	}
}
