class VoidAndReturn {
	static function log(msg:String):Void {
		Sys.println(msg);
		return msg.length;
	}

	static function size(a:Array<Int>):Int {
		if (a == null)
			return;
		return a.length;
	}

	static function main() {
		var r:Int = log("x");
		log("y");
		Sys.println(size([1]) + r);
	}
}
