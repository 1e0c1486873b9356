using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>
/// Small pointer-free cells (strings, boxes) for a compiled program, without Boehm's allocation path
/// per object: a stack of cell pointers per size class, refilled a block at a time by
/// <c>GC_generic_malloc_many</c> (as the inline allocator's free lists are for traced objects).
/// </summary>
/// <remarks>
/// A list of atomic cells cannot be chained through the cells (Boehm does not trace them, so it would
/// reclaim the cells while they wait): the stacks hold the pointers instead, in this class's static
/// data, which lives in the executable's data segment that Boehm scans as a root. So a cell on a stack
/// stays allocated until it is handed out. The stacks belong to the thread that runs Haxe code (the
/// only one that allocates in a compiled program); hosts (interpreter, JIT, tests) never enable them.
/// While a refill copies a fresh chain into a stack, the rest of the chain is reachable only through
/// the untraced cells: no collection may run then, which holds on the program's thread (nothing
/// allocates there meanwhile) and is enforced against RAYZOR_GC_STRESS's collecting thread by a lock
/// in Native/faults.c.
/// Measured on the strings benchmark: an allocation costs ~10 instructions here against ~90 through
/// <c>GC_malloc_atomic</c> (Boehm's thread-local lookup, its per-call size-class computation).
/// </remarks>
internal static unsafe class AtomicCells
{
    /// <summary>Cells of up to this many 16-byte granules come from the stacks.</summary>
    private const int MaxGranules = 16;

    /// <summary>Boehm hands out at most one 4 KB block per refill: 256 cells of one granule.</summary>
    private const int Capacity = 256;

    /// <summary>The pointer-free object kind (<c>PTRFREE</c>, gc_mark.h's <c>GC_I_PTRFREE</c>).</summary>
    private const int PtrFree = 0;

    [InlineArray(Capacity)]
    private struct Stack
    {
        private nint _cell;
    }

    [InlineArray(MaxGranules + 1)]
    private struct Stacks
    {
        private Stack _stack;
    }

    [InlineArray(MaxGranules + 1)]
    private struct Counts
    {
        private int _count;
    }

    // written only through the pointers below
#pragma warning disable CS0649
    private static Stacks s_cells;
    private static Counts s_counts;
#pragma warning restore CS0649

    // The two arrays' addresses, null while the stacks are off. Through these pointers, not the
    // fields: NativeAOT folded a static field's address plus an index register into one absolute
    // operand (`lea disp32(,%rdi,4)`), which is wrong in a position-independent executable.
    private static nint* s_stacks;
    private static int* s_countsAt;

    /// <summary>Hands out cells from the stacks from now on (a compiled program's runtime, on its Haxe thread).</summary>
    public static void Enable()
    {
        s_stacks = (nint*)Unsafe.AsPointer(ref s_cells);
        s_countsAt = (int*)Unsafe.AsPointer(ref s_counts);
    }

    /// <summary>An uninitialized pointer-free cell of at least <paramref name="size"/> bytes, or null
    /// when the stacks are off, the size is too big, or Boehm has no block to give.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* TryAlloc(nuint size)
    {
        // Boehm's size class: its granules, with the extra byte it adds so a pointer just past an
        // object never points into the next one
        nuint granules = (size + 16) >> 4;
        int* counts = s_countsAt;
        if (granules > MaxGranules || counts == null)
            return null;
        int top = counts[granules] - 1;
        if (top < 0)
            return Refill((int)granules);
        counts[granules] = top;
        nint* slot = s_stacks + granules * Capacity + (nuint)top;
        void* cell = (void*)*slot;
        *slot = 0; // handed out: no longer a root
        return cell;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void* Refill(int granules)
    {
        void* list = null;
        RefillBegin();
        // the size of the cells themselves (a multiple of the granule, the extra byte included)
        Boehm.GC_generic_malloc_many((nuint)(granules * 16), PtrFree, &list);
        if (list == null)
        {
            RefillEnd();
            return null;
        }
        void* first = list;
        nint* stack = s_stacks + granules * Capacity;
        int n = 0;
        // Boehm links the cells through their first word; cells past the capacity (none while a block
        // holds at most 256) are dropped and collected as garbage
        for (void* cell = *(void**)first; cell != null && n < Capacity; cell = *(void**)cell)
            stack[n++] = (nint)cell;
        s_countsAt[granules] = n;
        RefillEnd();
        return first;
    }

    // Native/faults.c: keeps RAYZOR_GC_STRESS's collecting thread out while the fresh chain is
    // reachable only through the (untraced) cells themselves
    [DllImport("rzfaults", ExactSpelling = true, EntryPoint = "rz_cells_refill_begin"), SuppressGCTransition]
    private static extern void RefillBegin();

    [DllImport("rzfaults", ExactSpelling = true, EntryPoint = "rz_cells_refill_end"), SuppressGCTransition]
    private static extern void RefillEnd();
}
