using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Std;

/// <summary>The few libc functions the runtime calls (DirectPInvoke under NativeAOT).</summary>
internal static unsafe partial class LibC
{
    private const int EINTR = 4;

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, byte* buf, nuint count);

    [DllImport("libc", ExactSpelling = true)]
    public static extern void exit(int status);

    /// <summary>Writes all of <paramref name="bytes"/>, retrying partial writes and EINTR;
    /// gives up silently on any other error (a closed pipe must not crash the program).</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> bytes)
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
                    if (Marshal.GetLastPInvokeError() == EINTR)
                        continue;
                    return;
                }
                p += n;
                left -= (nuint)n;
            }
        }
    }
}
