using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Arrays;

/// <summary>How an array stores its elements (<c>RZ_ELEM_*</c> in docs/abi.md).</summary>
public static class ElemKind
{
    /// <summary>Pointers (strings, objects, boxes, null): 8 bytes, data scanned by the collector.</summary>
    public const int Ptr = 0;
    /// <summary>Int: 4 bytes.</summary>
    public const int I32 = 1;
    /// <summary>Float: 8 bytes.</summary>
    public const int F64 = 2;
    /// <summary>Bool: 1 byte, 0 or 1.</summary>
    public const int Bool = 3;

    /// <summary>Bytes per element of <paramref name="kind"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Size(int kind) => kind switch { I32 => 4, Bool => 1, _ => 8 };

    public static bool IsValid(int kind) => (uint)kind <= Bool;
}

/// <summary>
/// A Haxe <c>Array&lt;T&gt;</c> (32 bytes, GC_malloc). Elements are stored unboxed by
/// <see cref="ElemKind"/>. Invariant kept by every operation: the slots from
/// <see cref="Length"/> to <see cref="Capacity"/> are zero, so growing within the capacity needs no
/// fill and a pointer array never keeps dead objects reachable.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HArray
{
    public TypeDesc* Td;
    public int Length;
    /// <summary>Elements allocated in <see cref="Data"/>.</summary>
    public int Capacity;
    public int ElemKind;
    public int Reserved;
    /// <summary>GC_malloc_atomic for I32/F64/Bool, GC_malloc for Ptr; null while the capacity is 0.</summary>
    public void* Data;
}
