class Reader {
	public function new() {}

	public function read(n:Int):String {
		return "";
	}
}

class FileReader extends Reader {
	override public function read(n:String):String {
		return n;
	}
}

class OverrideSignature {
	static function main() {
		Sys.println(new FileReader().read("x"));
	}
}
