using System.Reflection;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;

namespace Rayzor.Interp.Loading;

/// <summary>
/// Binds the runtime's native imports inside the compiler's process. In a native program "gc" and
/// "libc" are linked statically (DirectPInvoke); here they are shared libraries found by their
/// sonames, which are installed with the runtime packages (libgc1, libc6), not only the -dev ones.
/// </summary>
internal static unsafe class NativeLibraries
{
    private static bool s_registered;

    public static void Register()
    {
        if (s_registered) return;
        s_registered = true;
        NativeLibrary.SetDllImportResolver(typeof(Heap).Assembly, Resolve);
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        string[] candidates = name switch
        {
            "gc" => ["libgc.so.1", "libgc.so"],
            "libc" => ["libc.so.6"],
            _ => [],
        };
        foreach (var c in candidates)
            if (NativeLibrary.TryLoad(c, out var handle)) return handle;
        return 0;
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

/// <summary>
/// Boehm must know every thread whose stack holds GC pointers: the interpreter runs on a thread of
/// its own, registered here (the collector then scans its stack and stops it to collect).
/// </summary>
internal static unsafe class BoehmThreads
{
    [DllImport("gc", ExactSpelling = true)]
    private static extern void GC_allow_register_threads();

    [DllImport("gc", ExactSpelling = true)]
    private static extern int GC_get_stack_base(void** sb);

    [DllImport("gc", ExactSpelling = true)]
    private static extern int GC_register_my_thread(void** sb);

    /// <summary>On the main thread (registered by GC_init), before another thread registers.</summary>
    public static void AllowRegistration()
    {
        if (!Heap.Uncollected) GC_allow_register_threads();
    }

    public static void RegisterCurrent()
    {
        if (Heap.Uncollected) return;
        // struct GC_stack_base: the stack's base (and a register stack's on IA-64 only)
        var sb = stackalloc void*[2];
        if (GC_get_stack_base(sb) != 0) throw new InvalidOperationException("Boehm GC: no stack base for the interpreter thread");
        GC_register_my_thread(sb);
    }
}
