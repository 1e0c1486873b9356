using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>
/// Boehm GC entry points. "gc" is a DirectPInvoke library (see the csproj): under NativeAOT these are
/// plain calls to GC_* symbols, resolved when the program is linked against Debian's static libgc.a.
/// </summary>
internal static unsafe class Boehm
{
    [DllImport("gc", ExactSpelling = true)]
    public static extern void GC_init();

    // No GC transition: Boehm never calls back into managed code, and a Haxe program's runtime
    // does not depend on the NativeAOT collector running while Boehm allocates.
    [DllImport("gc", ExactSpelling = true), SuppressGCTransition]
    public static extern void* GC_malloc(nuint size);

    [DllImport("gc", ExactSpelling = true), SuppressGCTransition]
    public static extern void* GC_malloc_atomic(nuint size);

    /// <summary>A chain (linked through each cell's first word) of free cells of one size class and
    /// object kind, about a block's worth, in <paramref name="result"/>; null when out of memory.</summary>
    [DllImport("gc", ExactSpelling = true), SuppressGCTransition]
    public static extern void GC_generic_malloc_many(nuint size, int kind, void** result);

    /// <summary>Non-zero once the collector is initialized (its header tables exist).</summary>
    [DllImport("gc", ExactSpelling = true), SuppressGCTransition]
    public static extern int GC_is_init_called();

    /// <summary>Non-zero when <paramref name="p"/> points into memory Boehm allocated (only once initialized).</summary>
    [DllImport("gc", ExactSpelling = true), SuppressGCTransition]
    public static extern int GC_is_heap_ptr(void* p);

    [DllImport("gc", ExactSpelling = true)]
    public static extern void GC_set_free_space_divisor(nuint divisor);

    [DllImport("gc", ExactSpelling = true)]
    public static extern void GC_set_min_bytes_allocd(nuint bytes);

    [DllImport("gc", ExactSpelling = true)]
    public static extern void GC_gcollect();

    [DllImport("gc", ExactSpelling = true)]
    public static extern void GC_add_roots(void* low, void* highPlusOne);
}
