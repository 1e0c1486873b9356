class AssignMismatch {
	static function main() {
		var total = 0;
		var names = ["a", "b"];
		for (n in names)
			total = n;
		var ratio:Float = 0.5;
		ratio = "half";
		Sys.println(total + ratio);
	}
}
