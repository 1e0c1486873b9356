using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Exceptions;

/// <summary>
/// The frames of the current native stack as libgcc's unwinder sees them: each frame's function
/// start and stack address (its CFA), innermost first. For hosts running JIT code, which has
/// unwind tables (registered by the JIT) but no debug information: a frame is known by where its
/// function starts.
/// </summary>
public static unsafe class NativeFrames
{
    [DllImport("libgcc_s.so.1")]
    private static extern int _Unwind_Backtrace(delegate* unmanaged<void*, void*, int> trace, void* arg);

    [DllImport("libgcc_s.so.1")]
    private static extern nint _Unwind_GetCFA(void* context);

    [DllImport("libgcc_s.so.1")]
    private static extern nint _Unwind_GetRegionStart(void* context);

    [DllImport("libgcc_s.so.1")]
    private static extern nint _Unwind_GetIP(void* context);

    private const int UrcNoReason = 0, UrcEndOfStack = 5;

    private struct Buffer
    {
        public nint* Starts, Cfas, Ips;
        public int Count, Max;
    }

    /// <summary>
    /// Fills <paramref name="starts"/> and <paramref name="cfas"/> (room for <paramref name="max"/>),
    /// and <paramref name="ips"/> unless null: each frame's return address (where its call returns
    /// to); returns how many frames.
    /// </summary>
    public static int Collect(nint* starts, nint* cfas, int max, nint* ips = null)
    {
        var buffer = new Buffer { Starts = starts, Cfas = cfas, Ips = ips, Max = max };
        _Unwind_Backtrace(&OnFrame, &buffer);
        return buffer.Count;
    }

    [UnmanagedCallersOnly]
    private static int OnFrame(void* context, void* arg)
    {
        var b = (Buffer*)arg;
        if (b->Count >= b->Max)
            return UrcEndOfStack;
        b->Starts[b->Count] = _Unwind_GetRegionStart(context);
        b->Cfas[b->Count] = _Unwind_GetCFA(context);
        if (b->Ips != null)
            b->Ips[b->Count] = _Unwind_GetIP(context);
        b->Count++;
        return UrcNoReason;
    }
}
