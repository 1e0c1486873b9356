using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Sys;

/// <summary>
/// Calendar arithmetic for Rayzor's Date (haxe/_std/Date.hx) through libc, so local time follows
/// the process's TZ exactly as C programs (and hxcpp, HashLink) see it.
/// </summary>
public static unsafe partial class DateNatives
{
    /// <summary>The timestamp in milliseconds of a calendar time (month 0-11); fields out of range
    /// are normalized as mktime does; local time unless <paramref name="utc"/>.</summary>
    public static double Make(int year, int month, int day, int hour, int min, int sec, bool utc)
    {
        Tm tm = new() { Year = year - 1900, Mon = month, Mday = day, Hour = hour, Min = min, Sec = sec, Isdst = -1 };
        long t = utc ? timegm(&tm) : mktime(&tm);
        return t * 1000.0;
    }

    /// <summary>Field <paramref name="which"/> (0 year, 1 month 0-11, 2 day, 3 hours, 4 minutes,
    /// 5 seconds, 6 weekday 0=Sunday) of the timestamp <paramref name="ms"/>.</summary>
    public static int Field(double ms, int which, bool utc)
    {
        long t = (long)Math.Floor(ms / 1000.0);
        Tm tm;
        if ((utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)) == null)
            return 0;
        return which switch
        {
            0 => tm.Year + 1900,
            1 => tm.Mon,
            2 => tm.Mday,
            3 => tm.Hour,
            4 => tm.Min,
            5 => tm.Sec,
            _ => tm.Wday,
        };
    }

    /// <summary>glibc's <c>struct tm</c> (64-bit Linux, x86-64 and arm64 alike).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Tm
    {
        public int Sec, Min, Hour, Mday, Mon, Year, Wday, Yday, Isdst;
        public long Gmtoff;
        public byte* Zone;
    }

    [LibraryImport("libc")] private static partial long mktime(Tm* tm);
    [LibraryImport("libc")] private static partial long timegm(Tm* tm);
    [LibraryImport("libc")] private static partial Tm* localtime_r(long* t, Tm* tm);
    [LibraryImport("libc")] private static partial Tm* gmtime_r(long* t, Tm* tm);
}
