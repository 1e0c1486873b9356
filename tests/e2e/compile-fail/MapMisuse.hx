class MapMisuse {
	static function main() {
		var ages = new Map<String, Int>();
		ages["bob"] = "forty";
		ages[3] = 4;
		var a:String = ages["bob"];
		var m:Map<Int, Bool> = ["a" => true];
		Sys.println(a);
	}
}
