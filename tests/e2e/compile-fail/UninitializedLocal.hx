class UninitializedLocal {
	static function main() {
		var total:Int;
		var flag = Sys.args().length > 0;
		if (flag)
			total = 1;
		Sys.println(total);
		var name:String;
		Sys.println(name.length);
	}
}
