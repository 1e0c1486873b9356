using System.Reflection;
using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>
/// For hosts that run the runtime as a plain assembly in their own process (the compiler's
/// interpreter and JIT, the tests): binds its native imports. In a native program "gc" and "libc"
/// are linked statically (DirectPInvoke); the compiler binds them when it is linked too (libgc.so.1
/// a load-time dependency), so this resolver only serves hosts run by `dotnet` (the tests): shared
/// libraries found by their sonames, installed with the runtime packages (libgc1, libc6), not only
/// the -dev ones.
/// </summary>
public static class HostLibraries
{
    private static readonly Lock s_lock = new();
    private static bool s_registered;

    /// <summary>Registers <see cref="Resolve"/> for the runtime's assembly (once per process).</summary>
    public static void Register()
    {
        lock (s_lock)
        {
            if (s_registered)
                return;
            s_registered = true;
            NativeLibrary.SetDllImportResolver(typeof(Heap).Assembly, Resolve);
        }
    }

    /// <summary>The handle of the runtime's library <paramref name="name"/> ("gc", "libc"), or 0.</summary>
    public static nint Load(string name)
    {
        string[] candidates = name switch
        {
            "gc" => ["libgc.so.1", "libgc.so"],
            "libc" => ["libc.so.6"],
            _ => [],
        };
        foreach (var c in candidates)
            if (NativeLibrary.TryLoad(c, out var handle))
                return handle;
        return 0;
    }

    /// <summary>A <c>DllImportResolver</c> for "gc" and "libc" (other names: the default search).</summary>
    public static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) => Load(name);
}

/// <summary>
/// Boehm must know every thread whose stack holds GC pointers: a host runs Haxe code on a thread of
/// its own, registered here (the collector then scans its stack and stops it to collect).
/// </summary>
public static unsafe class HostThreads
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
        if (!Heap.Uncollected)
            GC_allow_register_threads();
    }

    /// <summary>Registers the calling thread with the collector.</summary>
    public static void RegisterCurrent()
    {
        if (Heap.Uncollected)
            return;
        // struct GC_stack_base: the stack's base (and a register stack's on IA-64 only)
        var sb = stackalloc void*[2];
        if (GC_get_stack_base(sb) != 0)
            throw new InvalidOperationException("Boehm GC: no stack base for the Haxe thread");
        GC_register_my_thread(sb);
    }
}
