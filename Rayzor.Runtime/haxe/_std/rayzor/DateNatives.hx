package rayzor;

/** The natives behind Rayzor's Date (Rayzor.Runtime/Exports/SysExports.cs). */
extern class DateNatives {
	/** The timestamp (ms) of a calendar time, local (mktime) or UTC (timegm); fields may overflow. */
	@:rzNative("rz_date_make")
	static function make(year:Int, month:Int, day:Int, hour:Int, min:Int, sec:Int, utc:Bool):Float;

	/** One calendar field of a timestamp (ms), in local time or UTC: 0 year, 1 month (0-11), 2 day,
		3 hours, 4 minutes, 5 seconds, 6 weekday (0 = Sunday). */
	@:rzNative("rz_date_field")
	static function field(t:Float, which:Int, utc:Bool):Int;
}
