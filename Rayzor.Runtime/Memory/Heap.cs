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
    private static bool s_initialized;

    /// <summary>Allocate from NativeMemory instead of Boehm, for hosts without Boehm; leaks by design.</summary>
    public static void UseUncollectedNativeMemory() => s_uncollected = true;

    /// <summary>True under <see cref="UseUncollectedNativeMemory"/>.</summary>
    public static bool Uncollected => s_uncollected;

    /// <summary>
    /// Initializes the collector for hosts (the interpreter, tests); must run on the main thread,
    /// before any allocation; a second call does nothing. A compiled program never calls it: Boehm initializes itself on its first
    /// allocation (on the main thread: Haxe code runs there), and the generated <c>main</c> sets the
    /// collector's policy before that (docs/architecture.md "Memory").
    /// </summary>
    public static void Initialize()
    {
        if (s_uncollected || s_initialized)
            return;
        s_initialized = true;
        Boehm.GC_init();
        HostRoots.ExcludeSharedLibraries();
        // Boehm's default free-space divisor (3) is kept: 1 makes the alloc benchmark ~1/3 faster but
        // raises its peak RSS from ~20 MB to ~30 MB, above the 20 MB issue 6 allows.
        // GC_FREE_SPACE_DIVISOR=1 in the environment trades memory for speed.
        if (ArmStress())
        {
            // a compiled program gets this policy from Native/faults.c (rz_run_main), after the
            // generated main has set its own
            Boehm.GC_set_free_space_divisor(nuint.MaxValue / 2);
            Boehm.GC_set_min_bytes_allocd(1);
        }
    }

    /// <summary>
    /// For hosts: the collector scans [<paramref name="low"/>, <paramref name="high"/>) for pointers
    /// (static data of code it did not load itself: JIT-compiled globals).
    /// </summary>
    public static void AddRoots(void* low, void* high)
    {
        if (!s_uncollected)
            Boehm.GC_add_roots(low, high);
    }

    /// <summary>
    /// What every Rayzor program allocates at least between two collections (native main, JIT and
    /// interpreter alike): Boehm's default collects far too often for programs that allocate fast.
    /// </summary>
    public const int DefaultBytesBetweenCollections = 6 << 20;

    /// <summary>The collector's minimum allocation between collections (a native program's main sets it).</summary>
    public static void SetMinBytesBetweenCollections(nuint bytes)
    {
        if (!s_uncollected)
            Boehm.GC_set_min_bytes_allocd(bytes);
    }

    /// <summary>
    /// RAYZOR_GC_STRESS=1: a full collection before every 16th allocation of the runtime. Armed when
    /// the runtime is first entered (<c>rz_start</c>, through <see cref="Rt.Program"/>) or by a host's
    /// <see cref="Initialize"/>. The collector's policy for stress (a collection at almost every
    /// free-list refill, also the inline allocator's GC_malloc_many) and the thread that collects over
    /// and over are set by Native/faults.c for a compiled program. Objects reachable only in ways
    /// Boehm cannot see are freed, and their memory reused, almost at once.
    /// </summary>
    /// <returns>Whether stress was requested.</returns>
    internal static bool ArmStress()
    {
        if (!StressRequested())
            return false;
        s_stressCountdown = StressPeriod;
        s_stress = true;
        return true;
    }

    /// <summary>Whether RAYZOR_GC_STRESS is set to anything but empty or 0.</summary>
    private static bool StressRequested()
    {
        byte* value = LibC.getenv("RAYZOR_GC_STRESS\0"u8);
        return value != null && value[0] != 0 && !(value[0] == (byte)'0' && value[1] == 0);
    }

    // RAYZOR_GC_STRESS: a full collection before every StressPeriod-th allocation of the runtime
    private const int StressPeriod = 16;
    private static bool s_stress;
    private static int s_stressCountdown;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StressCollect()
    {
        if (--s_stressCountdown > 0)
            return;
        s_stressCountdown = StressPeriod;
        Boehm.GC_gcollect();
    }

    /// <summary>Zeroed memory that the collector scans for pointers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* Alloc(nuint size)
    {
        if (s_stress)
            StressCollect();
        void* p = s_uncollected ? NativeMemory.AllocZeroed(size) : Boehm.GC_malloc(size);
        if (p == null)
            OutOfMemory();
        return p;
    }

    /// <summary>Pointer-free memory, NOT zeroed: for payloads the caller fills completely.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* AllocAtomic(nuint size)
    {
        if (s_stress)
            StressCollect();
        void* p = AtomicCells.TryAlloc(size);
        if (p != null)
            return p;
        p = s_uncollected ? NativeMemory.Alloc(size) : Boehm.GC_malloc_atomic(size);
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

    /// <summary>
    /// A length the runtime can hold (strings, string buffers: at most int.MaxValue units); a longer
    /// one ends the program as running out of memory does, not with a .NET overflow.
    /// </summary>
    public static int Length(long n)
    {
        if ((ulong)n > int.MaxValue)
            OutOfMemory();
        return (int)n;
    }
}
