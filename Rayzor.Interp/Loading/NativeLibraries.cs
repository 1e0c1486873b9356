using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;

namespace Rayzor.Interp.Loading;

/// <summary>
/// Binds the native imports of the runtime (Rayzor.Runtime's <see cref="HostLibraries"/>) and of
/// the interpreter itself ("gc" and "libc" as shared libraries).
/// </summary>
internal static class NativeLibraries
{
    private static bool s_registered;

    public static void Register()
    {
        if (s_registered) return;
        s_registered = true;
        HostLibraries.Register();
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, HostLibraries.Resolve);
    }
}

/// <summary>The Boehm entry points the interpreter needs beyond the runtime's.</summary>
internal static unsafe class BoehmRoots
{
    /// <summary>Memory the collector scans but never frees: the interpreter's globals.</summary>
    [DllImport("gc", ExactSpelling = true)]
    public static extern void* GC_malloc_uncollectable(nuint size);

    /// <summary>Zeroed scanned memory that lives for the whole run.</summary>
    public static void* Allocate(nuint size)
    {
        if (Heap.Uncollected) return NativeMemory.AllocZeroed(size);
        var p = GC_malloc_uncollectable(size);
        NativeMemory.Clear(p, size);
        return p;
    }
}
