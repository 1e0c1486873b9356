using System.Runtime.InteropServices;

namespace Rayzor.Interp.Loading;

/// <summary>
/// Memory for what the program's objects point to but that is not theirs to collect: descriptors
/// (every object's first word) and code handles (closures' code pointers). Boehm takes every word
/// between its lowest and highest heap addresses for a possible pointer and looks each one up
/// (blacklisting the page when no object is there); malloc'd on a thread other than the main one,
/// descriptors came from that thread's arena, among the heap's sections, so marking alloc's tree
/// looked up every node's descriptor: 46 collections took 154–170 ms of marking under `--tier
/// max` against 94–113 with one malloc arena (the main one, near the executable). This memory is
/// asked for 1 GiB below the compiler's own static data, far from the mappings of threads and
/// libraries the heap lives among. Never freed (an image lives as long as the process).
/// </summary>
internal static unsafe class HostData
{
    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20;
    private const nuint Chunk = 1 << 20;

    private static readonly Lock s_lock = new();
    private static byte* s_next, s_end;

    /// <summary>Zeroed memory of <paramref name="size"/> bytes, 16-byte aligned.</summary>
    public static void* AllocZeroed(nuint size)
    {
        size = (size + 15) & ~(nuint)15;
        lock (s_lock)
        {
            if (s_next == null || size > (nuint)(s_end - s_next)) Grow(size);
            var p = s_next;
            s_next += size;
            return p;
        }
    }

    private static void Grow(nuint size)
    {
        var length = Math.Max(size, Chunk);
        // (the first chunk 1 GiB below this class's statics, in the executable's data; the next ones after it)
        fixed (byte** anchor = &s_next)
        {
            var hint = s_end != null ? s_end : (byte*)(((nuint)anchor & ~(nuint)0xFFFFF) - (1u << 30));
            var p = (byte*)Rayzor.Runtime.Std.LibC.MMap(hint, length, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (p == (byte*)-1) p = (byte*)NativeMemory.AllocZeroed(length); // (where malloc puts it)
            s_next = p;
            s_end = p + length;
        }
    }
}
