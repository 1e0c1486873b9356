class Config {
	public final name:String;
	public static final VERSION = 3;

	public function new(n:String) {
		name = n;
	}

	public function rename(n:String) {
		name = n;
	}
}

class AssignFinal {
	static function main() {
		final limit = 10;
		limit = 20;
		var c = new Config("a");
		c.name = "b";
		Config.VERSION = 4;
		Sys.println(c.name + limit);
	}
}
