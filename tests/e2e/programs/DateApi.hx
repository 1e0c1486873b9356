// Date and DateTools: local fields round-trip whatever TZ is; UTC fields and timestamps are exact.
class DateApi {
	static function main() {
		var d = new Date(2024, 1, 29, 13, 45, 7);
		Sys.println(d.toString());
		Sys.println([d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds()]);
		var u = Date.fromTime(1e12 + 1234);
		Sys.println([u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCDay(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds()]);
		Sys.println(u.getTime());
		// local = UTC - offset
		var local = new Date(u.getFullYear(), u.getMonth(), u.getDate(), u.getHours(), u.getMinutes(), u.getSeconds());
		Sys.println(local.getTime() == 1e12 + 1000);
		var utcAsLocal = new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
		Sys.println((utcAsLocal.getTime() - (1e12 + 1000)) / 60000 == u.getTimezoneOffset());
		Sys.println(Date.fromString("2001-09-09 01:46:40").toString());
		Sys.println(Date.fromString("2001-09-09").toString());
		Sys.println(Date.fromString("10:20:30").getTime());
		Sys.println("" + new Date(2020, 12, 32, 25, 61, 61));
		Sys.println(DateTools.format(d, "%Y/%m/%d %H:%M:%S"));
		Sys.println(DateTools.delta(d, DateTools.days(1)).toString());
		Sys.println(DateTools.getMonthDays(d));
		var now = Date.now();
		Sys.println(now.getFullYear() >= 2024 && Math.abs(now.getTime() - Sys.time() * 1000) < 5000);
		try {
			Date.fromString("bad");
		} catch (e:String) {
			Sys.println(e);
		}
	}
}
