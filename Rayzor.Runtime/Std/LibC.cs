using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Std;

/// <summary>The few libc functions the runtime calls (DirectPInvoke under NativeAOT).</summary>
internal static unsafe partial class LibC
{
    public const int EINTR = 4;

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buf, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, byte* buf, nuint count);

    /// <summary>One write(2), repeated while interrupted by a signal: the count, or -1 with errno.</summary>
    public static nint WriteOnce(int fd, byte* buf, nuint count)
    {
        nint n;
        do n = write(fd, buf, count); while (n < 0 && Marshal.GetLastPInvokeError() == EINTR);
        return n;
    }

    /// <summary>One read(2), repeated while interrupted by a signal: the count, 0 at the end, or -1 with errno.</summary>
    public static nint ReadOnce(int fd, byte* buf, nuint count)
    {
        nint n;
        do n = read(fd, buf, count); while (n < 0 && Marshal.GetLastPInvokeError() == EINTR);
        return n;
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    public static partial void* MMap(void* addr, nuint length, int prot, int flags, int fd, long offset);

    [DllImport("libc", ExactSpelling = true)]
    private static extern void exit(int status);

    /// <summary>
    /// Set by a host that compiles code on another thread while Haxe code runs (the tiered run):
    /// the process then ends without exit(3)'s clean-up, which would run libLLVM's static
    /// destructors under a compile in progress. Whatever must be written is flushed before.
    /// </summary>
    public static bool ExitWithoutCleanup;

    /// <summary>Ends the process with <paramref name="status"/> (stdout already flushed).</summary>
    public static void Exit(int status)
    {
        if (ExitWithoutCleanup)
            _exit(status);
        exit(status);
    }

    /// <summary>The value of an environment variable (a NUL-terminated UTF-8 name), or null.</summary>
    [DllImport("libc", ExactSpelling = true, EntryPoint = "getenv")]
    public static extern byte* getenv(byte* name);

    /// <summary>The value of an environment variable (a NUL-terminated UTF-8 name), or null.</summary>
    public static byte* getenv(ReadOnlySpan<byte> nameWithNul)
    {
        fixed (byte* p = nameWithNul)
            return getenv(p);
    }

    /// <summary>Writes all of <paramref name="bytes"/>, retrying partial writes and EINTR;
    /// gives up silently on any other error (a closed stderr must not crash the program).</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> bytes) => TryWriteAll(fd, bytes);

    /// <summary>
    /// Writes program output to stdout. When its reader has gone (EPIPE: <c>./app | head -1</c>)
    /// the program ends as a C, hxcpp or HashLink program does, killed by SIGPIPE without a
    /// message (shells report status 141); the NativeAOT runtime ignores SIGPIPE, so the default
    /// action is restored first.
    /// </summary>
    public static void WriteStdout(ReadOnlySpan<byte> bytes)
    {
        if (TryWriteAll(1, bytes) == EPIPE)
            BrokenPipe();
    }

    /// <summary>Ends the process as killed by SIGPIPE (stdout's reader has gone).</summary>
    public static void BrokenPipe()
    {
        signal(SIGPIPE, 0); // SIG_DFL
        raise(SIGPIPE);
        _exit(128 + SIGPIPE);
    }

    /// <summary>Writes all of <paramref name="bytes"/>; 0, or the errno of the failed write.</summary>
    private static int TryWriteAll(int fd, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            byte* p = start;
            nuint left = (nuint)bytes.Length;
            while (left > 0)
            {
                nint n = write(fd, p, left);
                if (n < 0)
                {
                    int error = Marshal.GetLastPInvokeError();
                    if (error == EINTR)
                        continue;
                    return error;
                }
                p += n;
                left -= (nuint)n;
            }
        }
        return 0;
    }

    private const int EPIPE = 32, SIGPIPE = 13;

    [DllImport("libc", ExactSpelling = true)]
    private static extern nint signal(int signum, nint handler);

    [DllImport("libc", ExactSpelling = true)]
    private static extern int raise(int signum);

    [DllImport("libc", ExactSpelling = true)]
    private static extern void _exit(int status);
}
