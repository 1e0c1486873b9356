using System.Runtime.InteropServices;
using System.Text.Unicode;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Maps;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Sys;

/// <summary>
/// The natives behind <c>Sys</c> (Rayzor.Runtime/haxe/_std/Sys.hx): libc calls, so the process
/// environment, working folder and children agree with what C code and child processes see
/// (.NET's Environment keeps a managed copy of the environment), and no managed memory is allocated.
/// </summary>
public static unsafe partial class SysNatives
{
    private const int ClockRealtime = 0, ClockProcessCpuTime = 2;

    /// <summary><c>Sys.time()</c>: seconds since 1970-01-01 UTC, with sub-microsecond precision.</summary>
    public static double Time() => Clock(ClockRealtime);

    /// <summary><c>Sys.cpuTime()</c>: CPU seconds used by the process.</summary>
    public static double CpuTime() => Clock(ClockProcessCpuTime);

    private static double Clock(int id)
    {
        Timespec t;
        clock_gettime(id, &t);
        return t.Sec + t.Nsec * 1e-9;
    }

    /// <summary><c>Sys.getEnv(name)</c>: the value, or null when the variable is not set.</summary>
    public static HString* GetEnv(HString* name)
    {
        if (name == null)
            return null;
        using var c = new CString(name);
        return StringOps.FromCString(LibC.getenv(c.Ptr));
    }

    /// <summary><c>Sys.putEnv(name, value)</c>: sets the variable, or removes it when value is null.</summary>
    public static void PutEnv(HString* name, HString* value)
    {
        if (name == null)
            Traps.ThrowNullAccess();
        using var n = new CString(name);
        if (value == null)
        {
            unsetenv(n.Ptr);
            return;
        }
        using var v = new CString(value);
        setenv(n.Ptr, v.Ptr, 1);
    }

    /// <summary><c>Sys.environment()</c>: a new Map&lt;String, String&gt; of every variable.</summary>
    public static HMap* Environment()
    {
        var map = MapOps.New(KeyKind.String, ElemKind.Ptr);
        for (byte** e = environ; e != null && *e != null; e++)
        {
            var entry = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(*e);
            int eq = entry.IndexOf((byte)'=');
            if (eq <= 0)
                continue;
            MapOps.Set(map, (long)StringOps.FromUtf8(entry[..eq]), (long)StringOps.FromUtf8(entry[(eq + 1)..]));
        }
        return map;
    }

    /// <summary><c>Sys.sleep(seconds)</c>, resumed after signals until the time has passed.</summary>
    public static void Sleep(double seconds)
    {
        if (!(seconds > 0))
            return;
        Timespec t = new() { Sec = (long)seconds, Nsec = (long)((seconds - Math.Floor(seconds)) * 1e9) };
        while (nanosleep(&t, &t) != 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) { }
    }

    /// <summary><c>Sys.getCwd()</c>, with a trailing slash as Haxe's sys targets give it.</summary>
    public static HString* GetCwd()
    {
        byte* buf = stackalloc byte[4097];
        if (getcwd(buf, 4097) == null)
            return StringOps.Empty;
        var path = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(buf);
        if (path.Length > 0 && path[^1] != (byte)'/')
        {
            buf[path.Length] = (byte)'/';
            path = new ReadOnlySpan<byte>(buf, path.Length + 1);
        }
        return StringOps.FromUtf8(path);
    }

    /// <summary><c>Sys.setCwd(path)</c>; a folder that cannot be entered throws.</summary>
    public static void SetCwd(HString* path)
    {
        if (path == null)
            Traps.ThrowNullAccess();
        bool ok;
        using (var c = new CString(path))
            ok = chdir(c.Ptr) == 0;
        if (!ok)
            Traps.Throw(StringOps.Concat(HString.Permanent("Could not change the working directory to "), path));
    }

    /// <summary><c>Sys.systemName()</c>: Rayzor targets Linux only.</summary>
    public static HString* SystemName() => s_linux != null ? s_linux : s_linux = HString.Permanent("Linux");
    private static HString* s_linux;

    /// <summary><c>Sys.programPath()</c>: the executable's absolute path.</summary>
    public static HString* ProgramPath()
    {
        byte* buf = stackalloc byte[4096];
        nint n = readlink("/proc/self/exe"u8, buf, 4096);
        return n <= 0 ? StringOps.Empty : StringOps.FromUtf8(new ReadOnlySpan<byte>(buf, (int)n));
    }

    /// <summary>
    /// <c>Sys.command(cmd, ?args)</c>: runs <c>/bin/sh -c cmd</c>, or <c>cmd</c> with each argument
    /// quoted for the shell, as HashLink and hxcpp do; returns the exit status (128 + the signal
    /// number when the child was killed). Pending stdout is written first so output stays in order.
    /// </summary>
    public static int Command(HString* cmd, HArray* args)
    {
        if (cmd == null)
            Traps.ThrowNullAccess();
        Output.Flush();
        var line = new TextBuilder(stackalloc char[256]);
        try
        {
            if (args == null)
                line.Append(HString.Chars(cmd));
            else
            {
                AppendQuoted(ref line, HString.Chars(cmd));
                for (int i = 0; i < args->Length; i++)
                {
                    line.Append(' ');
                    var a = (HString*)ArrayOps.GetDyn(args, i);
                    AppendQuoted(ref line, a == null ? "null" : HString.Chars(a));
                }
            }
            using var c = new CString(line.Written);
            int status = system(c.Ptr);
            if (status == -1)
                return -1;
            int signal = status & 0x7f;
            return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
        }
        finally
        {
            line.Dispose();
        }
    }

    /// <summary>Single quotes for /bin/sh: <c>'it'\''s'</c>.</summary>
    private static void AppendQuoted(ref TextBuilder b, ReadOnlySpan<char> s)
    {
        b.Append('\'');
        foreach (char ch in s)
        {
            if (ch == '\'')
                b.Append("'\\''");
            else
                b.Append(ch);
        }
        b.Append('\'');
    }

    /// <summary><c>Sys.getChar(echo)</c>: the next byte of stdin, or -1 at its end; echoed to stdout when asked.</summary>
    public static int GetChar(bool echo)
    {
        Output.Flush();
        byte b;
        if (LibC.ReadOnce(0, &b, 1) <= 0)
            return -1;
        if (echo)
        {
            Output.Write(new ReadOnlySpan<byte>(&b, 1));
            Output.Flush();
        }
        return b;
    }

    /// <summary><c>Sys.setTimeLocale</c>: Rayzor formats dates itself, in the C locale only.</summary>
    public static bool SetTimeLocale(HString* locale) => false;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Sec; public long Nsec; }

    [LibraryImport("libc")] private static partial int clock_gettime(int clock, Timespec* t);
    [LibraryImport("libc", SetLastError = true)] private static partial int nanosleep(Timespec* req, Timespec* rem);
    [LibraryImport("libc")] private static partial int setenv(byte* name, byte* value, int overwrite);
    [LibraryImport("libc")] private static partial int unsetenv(byte* name);
    [LibraryImport("libc")] private static partial byte* getcwd(byte* buf, nuint size);
    [LibraryImport("libc")] private static partial int chdir(byte* path);
    [LibraryImport("libc")] private static partial nint readlink(ReadOnlySpan<byte> path, byte* buf, nuint size);
    [LibraryImport("libc")] private static partial int system(byte* command);

    /// <summary>
    /// libc's current <c>environ</c> (setenv may move it): where dlsym finds it in a process linked
    /// dynamically (the compiler running the interpreter), else from Native/faults.c (a program's
    /// executable, linked statically, which has no dynamic symbols to look up).
    /// </summary>
    private static byte** environ
    {
        get
        {
            if (!s_environLooked)
            {
                s_environ = (byte***)dlsym(null, "environ"u8);
                s_environLooked = true;
            }
            return s_environ != null ? *s_environ : ProgramEnviron();
        }
    }
    private static byte*** s_environ;
    private static bool s_environLooked;

    [LibraryImport("libc")] private static partial void* dlsym(void* handle, ReadOnlySpan<byte> name);
    [DllImport("rzfaults", ExactSpelling = true, EntryPoint = "rz_environ"), SuppressGCTransition]
    private static extern byte** ProgramEnviron();
}
