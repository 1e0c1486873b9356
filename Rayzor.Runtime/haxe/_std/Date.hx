/*
 * Rayzor's Date: a timestamp in milliseconds (Float, as on eval and JS, so Date.now() keeps
 * milliseconds), with calendar fields computed by libc (localtime_r, gmtime_r, mktime, timegm) in
 * Rayzor.Runtime/Sys/DateNatives.cs.
 */
import rayzor.DateNatives;

@:coreApi
class Date {
	// the fields of DateNatives.field
	static inline var YEAR = 0;
	static inline var MONTH = 1;
	static inline var DAY = 2;
	static inline var HOURS = 3;
	static inline var MINUTES = 4;
	static inline var SECONDS = 5;
	static inline var WEEKDAY = 6;

	var t:Float;

	public function new(year:Int, month:Int, day:Int, hour:Int, min:Int, sec:Int):Void {
		t = DateNatives.make(year, month, day, hour, min, sec, false);
	}

	public function getTime():Float {
		return t;
	}

	public function getHours():Int {
		return DateNatives.field(t, HOURS, false);
	}

	public function getMinutes():Int {
		return DateNatives.field(t, MINUTES, false);
	}

	public function getSeconds():Int {
		return DateNatives.field(t, SECONDS, false);
	}

	public function getFullYear():Int {
		return DateNatives.field(t, YEAR, false);
	}

	public function getMonth():Int {
		return DateNatives.field(t, MONTH, false);
	}

	public function getDate():Int {
		return DateNatives.field(t, DAY, false);
	}

	public function getDay():Int {
		return DateNatives.field(t, WEEKDAY, false);
	}

	public function getUTCHours():Int {
		return DateNatives.field(t, HOURS, true);
	}

	public function getUTCMinutes():Int {
		return DateNatives.field(t, MINUTES, true);
	}

	public function getUTCSeconds():Int {
		return DateNatives.field(t, SECONDS, true);
	}

	public function getUTCFullYear():Int {
		return DateNatives.field(t, YEAR, true);
	}

	public function getUTCMonth():Int {
		return DateNatives.field(t, MONTH, true);
	}

	public function getUTCDate():Int {
		return DateNatives.field(t, DAY, true);
	}

	public function getUTCDay():Int {
		return DateNatives.field(t, WEEKDAY, true);
	}

	/** Minutes to add to local time to get UTC (JavaScript's sign: -60 in UTC+1). */
	public function getTimezoneOffset():Int {
		var local = DateNatives.make(getFullYear(), getMonth(), getDate(), getHours(), getMinutes(), getSeconds(), true);
		return Std.int((Math.ffloor(t / 1000) * 1000 - local) / 60000);
	}

	public function toString():String {
		return getFullYear() + "-" + pad(getMonth() + 1) + "-" + pad(getDate()) + " " + pad(getHours()) + ":" + pad(getMinutes()) + ":"
			+ pad(getSeconds());
	}

	static function pad(n:Int):String {
		return n < 10 ? "0" + n : "" + n;
	}

	public static function now():Date {
		return fromTime(Math.ffloor(Sys.time() * 1000));
	}

	public static function fromTime(t:Float):Date {
		var d = new Date(1970, 0, 1, 0, 0, 0);
		d.t = t;
		return d;
	}

	public static function fromString(s:String):Date {
		switch (s.length) {
			case 8: // hh:mm:ss, a time of 1970-01-01 UTC
				var k = s.split(":");
				return fromTime(Std.parseInt(k[0]) * 3600000. + Std.parseInt(k[1]) * 60000. + Std.parseInt(k[2]) * 1000.);
			case 10: // YYYY-MM-DD
				var k = s.split("-");
				return new Date(Std.parseInt(k[0]), Std.parseInt(k[1]) - 1, Std.parseInt(k[2]), 0, 0, 0);
			case 19: // YYYY-MM-DD hh:mm:ss
				var k = s.split(" ");
				var y = k[0].split("-");
				var h = k[1].split(":");
				return new Date(Std.parseInt(y[0]), Std.parseInt(y[1]) - 1, Std.parseInt(y[2]), Std.parseInt(h[0]), Std.parseInt(h[1]), Std.parseInt(h[2]));
			default:
				throw "Invalid date format : " + s;
		}
	}
}
