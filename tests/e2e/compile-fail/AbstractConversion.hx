abstract Meters(Float) from Float to Float {
	public inline function new(v:Float) {
		this = v;
	}
}

abstract Seconds(Float) {
	public inline function new(v:Float) {
		this = v;
	}
}

class AbstractConversion {
	static function main() {
		var d:Meters = 3.5;
		var t:Seconds = 2.0;
		var label:Meters = "far";
		var f:Float = new Seconds(1);
		Sys.println(d + label);
	}
}
