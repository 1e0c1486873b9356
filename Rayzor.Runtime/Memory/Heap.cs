using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Memory;

/// <summary>
/// The Haxe heap: Boehm GC. A pointer into it must live in Boehm-visible memory (stacks, registers,
/// other GC objects, static data of the executable) — never only in a managed object or NativeMemory.
/// </summary>
public static unsafe class Heap
{
    // Set by hosts that cannot run Boehm (unit tests under the JIT, on thread-pool threads Boehm does
    // not know): allocations then come from NativeMemory and are never freed.
    private static bool s_uncollected;

    /// <summary>Allocate from NativeMemory instead of Boehm, for hosts without Boehm; leaks by design.</summary>
    public static void UseUncollectedNativeMemory() => s_uncollected = true;

    /// <summary>True under <see cref="UseUncollectedNativeMemory"/>.</summary>
    public static bool Uncollected => s_uncollected;

    /// <summary>
    /// Initializes the collector for hosts (the interpreter, tests); must run on the main thread,
    /// before any allocation. A compiled program never calls it: Boehm initializes itself on its first
    /// allocation (on the main thread: Haxe code runs there), and the generated <c>main</c> sets the
    /// collector's policy before that (docs/architecture.md "Memory").
    /// </summary>
    public static void Initialize()
    {
        if (s_uncollected)
            return;
        Boehm.GC_init();
    }

    /// <summary>Zeroed memory that the collector scans for pointers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* Alloc(nuint size)
    {
        void* p = s_uncollected ? NativeMemory.AllocZeroed(size) : Boehm.GC_malloc(size);
        if (p == null)
            OutOfMemory();
        return p;
    }

    /// <summary>Pointer-free memory, NOT zeroed: for payloads the caller fills completely.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* AllocAtomic(nuint size)
    {
        void* p = s_uncollected ? NativeMemory.Alloc(size) : Boehm.GC_malloc_atomic(size);
        if (p == null)
            OutOfMemory();
        return p;
    }

    /// <summary>Pointer-free zeroed memory (<c>rz_alloc_atomic</c>).</summary>
    public static void* AllocAtomicZeroed(nuint size)
    {
        void* p = AllocAtomic(size);
        NativeMemory.Clear(p, size);
        return p;
    }

    /// <summary>
    /// True when <paramref name="p"/> points into memory this heap allocated, so it may be written
    /// (string literals are read-only data in the program's object files). Without Boehm every
    /// allocation and test string is writable NativeMemory.
    /// </summary>
    public static bool IsHeapPointer(void* p) =>
        s_uncollected || Boehm.GC_is_init_called() != 0 && Boehm.GC_is_heap_ptr(p) != 0; // no heap before the first allocation

    /// <summary>
    /// Keeps <paramref name="p"/> in a register or stack slot, where Boehm sees it, until this call:
    /// for a GC pointer that must survive allocations done after its last ordinary use.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void KeepAlive(void* p) { }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OutOfMemory() => Rt.Fatal("out of memory"u8);
}
