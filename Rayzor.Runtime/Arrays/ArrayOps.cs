using System.Runtime.CompilerServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Arrays;

/// <summary>
/// The array operations behind <c>rz_array_*</c> (Haxe semantics; docs/abi.md). A typed operation
/// called on an array of another element kind (a type parameter erased where the array was made)
/// goes through the boxed value and the array's real kind.
/// </summary>
public static unsafe partial class ArrayOps
{
    // ---- creation and storage ------------------------------------------------------------------

    /// <summary>An array of <paramref name="length"/> default elements (0, 0.0, false, null).</summary>
    public static HArray* New(int kind, int length)
    {
        if (!ElemKind.IsValid(kind))
            Rt.Fatal("invalid array element kind"u8);
        if (length < 0)
            length = 0;
        var a = (HArray*)Heap.Alloc((nuint)sizeof(HArray));
        a->Td = Rt.Builtins->Array;
        a->ElemKind = kind;
        if (length > 0)
        {
            a->Data = AllocData(kind, length);
            a->Capacity = length;
            a->Length = length;
        }
        return a;
    }

    /// <summary>Zeroed element storage; scanned by the collector only for pointer elements.</summary>
    private static void* AllocData(int kind, int capacity)
    {
        nuint bytes = (nuint)(uint)capacity * (nuint)ElemKind.Size(kind);
        return kind == ElemKind.Ptr ? Heap.Alloc(bytes) : Heap.AllocAtomicZeroed(bytes);
    }

    /// <summary>Makes room for at least <paramref name="needed"/> elements, keeping the elements.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow(HArray* a, long needed)
    {
        if (needed > int.MaxValue)
            Rt.Fatal("array too large"u8);
        long capacity = Math.Max(needed, Math.Max(a->Capacity * 2L, 4));
        if (capacity > int.MaxValue)
            capacity = int.MaxValue;
        int size = ElemKind.Size(a->ElemKind);
        void* data = AllocData(a->ElemKind, (int)capacity);
        if (a->Length > 0)
            Buffer.MemoryCopy(a->Data, data, capacity * size, (long)a->Length * size);
        a->Data = data;
        a->Capacity = (int)capacity;
    }

    /// <summary>Sets the length to <paramref name="length"/> &gt; Length: the new slots are already zero.</summary>
    private static void Extend(HArray* a, long length)
    {
        if (length > a->Capacity)
            Grow(a, length);
        a->Length = (int)length;
    }

    /// <summary>Sets the length to <paramref name="length"/> &lt;= Length, zeroing the dropped slots.</summary>
    private static void Truncate(HArray* a, int length)
    {
        int size = ElemKind.Size(a->ElemKind);
        new Span<byte>((byte*)a->Data + (nint)length * size, (a->Length - length) * size).Clear();
        a->Length = length;
    }

    /// <summary>Removes <paramref name="count"/> elements at <paramref name="pos"/>, moving the rest down.</summary>
    private static void RemoveRange(HArray* a, int pos, int count)
    {
        if (count <= 0)
            return;
        int size = ElemKind.Size(a->ElemKind);
        byte* d = (byte*)a->Data;
        int after = a->Length - pos - count;
        new Span<byte>(d + (nint)(pos + count) * size, after * size).CopyTo(new Span<byte>(d + (nint)pos * size, after * size));
        Truncate(a, a->Length - count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(HArray* a)
    {
        if (a == null)
            Fail.NullAccess();
    }

    // ---- boxed access ---------------------------------------------------------------------------

    /// <summary><c>a[i]</c> through an erased <c>T</c>: boxed by the element kind, null when out of range.</summary>
    public static void* GetDyn(HArray* a, int i)
    {
        Check(a);
        if ((uint)i >= (uint)a->Length)
            return null;
        return a->ElemKind switch
        {
            ElemKind.I32 => Boxing.BoxInt(((int*)a->Data)[i]),
            ElemKind.F64 => Boxing.BoxFloat(((double*)a->Data)[i]),
            ElemKind.Bool => Boxing.BoxBool(((byte*)a->Data)[i] != 0),
            _ => ((void**)a->Data)[i],
        };
    }

    /// <summary><c>a[i] = v</c> through an erased <c>T</c>: unboxed by the element kind (null gives the default).</summary>
    public static void SetDyn(HArray* a, int i, void* boxed)
    {
        Check(a);
        switch (a->ElemKind)
        {
            case ElemKind.I32: Set(a, i, Unboxing.UnboxInt(boxed)); break;
            case ElemKind.F64: Set(a, i, Unboxing.UnboxFloat(boxed)); break;
            case ElemKind.Bool: Set(a, i, Unboxing.UnboxBool(boxed) ? (byte)1 : (byte)0); break;
            default: Set(a, i, (nint)boxed); break;
        }
    }

    // ---- a[i] = v -------------------------------------------------------------------------------

    public static void SetI32(HArray* a, int i, int v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.I32) Set(a, i, v);
        else SetDyn(a, i, Boxing.BoxInt(v));
    }

    public static void SetF64(HArray* a, int i, double v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.F64) Set(a, i, v);
        else SetDyn(a, i, Boxing.BoxFloat(v));
    }

    public static void SetBool(HArray* a, int i, bool v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.Bool) Set(a, i, v ? (byte)1 : (byte)0);
        else SetDyn(a, i, Boxing.BoxBool(v));
    }

    public static void SetPtr(HArray* a, int i, void* v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.Ptr) Set(a, i, (nint)v);
        else SetDyn(a, i, v);
    }

    /// <summary>Stores in range; past the end grows the array (the gap reads as defaults); negative does nothing.</summary>
    private static void Set<T>(HArray* a, int i, T v) where T : unmanaged
    {
        if ((uint)i >= (uint)a->Length)
        {
            if (i < 0)
                return;
            Extend(a, i + 1L);
        }
        ((T*)a->Data)[i] = v;
    }

    // ---- push / pop / shift / unshift / insert ---------------------------------------------------

    public static int PushI32(HArray* a, int v)
    {
        Check(a);
        return a->ElemKind == ElemKind.I32 ? Push(a, v) : PushDyn(a, Boxing.BoxInt(v));
    }

    public static int PushF64(HArray* a, double v)
    {
        Check(a);
        return a->ElemKind == ElemKind.F64 ? Push(a, v) : PushDyn(a, Boxing.BoxFloat(v));
    }

    public static int PushBool(HArray* a, bool v)
    {
        Check(a);
        return a->ElemKind == ElemKind.Bool ? Push(a, v ? (byte)1 : (byte)0) : PushDyn(a, Boxing.BoxBool(v));
    }

    public static int PushPtr(HArray* a, void* v)
    {
        Check(a);
        return a->ElemKind == ElemKind.Ptr ? Push(a, (nint)v) : PushDyn(a, v);
    }

    private static int PushDyn(HArray* a, void* boxed)
    {
        int n = a->Length;
        SetDyn(a, n, boxed);
        return a->Length;
    }

    private static int Push<T>(HArray* a, T v) where T : unmanaged
    {
        int n = a->Length;
        if (n == a->Capacity)
            Grow(a, n + 1L);
        ((T*)a->Data)[n] = v;
        a->Length = n + 1;
        return n + 1;
    }

    /// <summary><c>pop()</c> as <c>Null&lt;T&gt;</c>: the last element boxed, null when empty.</summary>
    public static void* Pop(HArray* a)
    {
        Check(a);
        int n = a->Length;
        if (n == 0)
            return null;
        void* v = GetDyn(a, n - 1);
        Truncate(a, n - 1);
        return v;
    }

    /// <summary><c>shift()</c> as <c>Null&lt;T&gt;</c>: the first element boxed, null when empty.</summary>
    public static void* Shift(HArray* a)
    {
        Check(a);
        if (a->Length == 0)
            return null;
        void* v = GetDyn(a, 0);
        RemoveRange(a, 0, 1);
        return v;
    }

    public static void UnshiftI32(HArray* a, int v) => InsertI32(a, 0, v);
    public static void UnshiftF64(HArray* a, double v) => InsertF64(a, 0, v);
    public static void UnshiftBool(HArray* a, bool v) => InsertBool(a, 0, v);
    public static void UnshiftPtr(HArray* a, void* v) => InsertPtr(a, 0, v);

    public static void InsertI32(HArray* a, int pos, int v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.I32) Insert(a, pos, v);
        else InsertDyn(a, pos, Boxing.BoxInt(v));
    }

    public static void InsertF64(HArray* a, int pos, double v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.F64) Insert(a, pos, v);
        else InsertDyn(a, pos, Boxing.BoxFloat(v));
    }

    public static void InsertBool(HArray* a, int pos, bool v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.Bool) Insert(a, pos, v ? (byte)1 : (byte)0);
        else InsertDyn(a, pos, Boxing.BoxBool(v));
    }

    public static void InsertPtr(HArray* a, int pos, void* v)
    {
        Check(a);
        if (a->ElemKind == ElemKind.Ptr) Insert(a, pos, (nint)v);
        else InsertDyn(a, pos, v);
    }

    private static void InsertDyn(HArray* a, int pos, void* boxed)
    {
        switch (a->ElemKind)
        {
            case ElemKind.I32: Insert(a, pos, Unboxing.UnboxInt(boxed)); break;
            case ElemKind.F64: Insert(a, pos, Unboxing.UnboxFloat(boxed)); break;
            case ElemKind.Bool: Insert(a, pos, Unboxing.UnboxBool(boxed) ? (byte)1 : (byte)0); break;
            default: Insert(a, pos, (nint)boxed); break;
        }
    }

    /// <summary><c>insert(pos, v)</c>: a negative pos counts from the end; pos is clamped to 0..length.</summary>
    private static void Insert<T>(HArray* a, int pos, T v) where T : unmanaged
    {
        int n = a->Length;
        if (pos < 0)
        {
            pos += n;
            if (pos < 0)
                pos = 0;
        }
        else if (pos > n)
        {
            pos = n;
        }
        if (n == a->Capacity)
            Grow(a, n + 1L);
        T* d = (T*)a->Data;
        new Span<T>(d + pos, n - pos).CopyTo(new Span<T>(d + pos + 1, n - pos));
        d[pos] = v;
        a->Length = n + 1;
    }

    // ---- indexOf / lastIndexOf / remove ------------------------------------------------------------

    /// <summary>First index at or after <paramref name="from"/> (negative: from the end, clamped to 0) of an
    /// element <c>== v</c>, or -1.</summary>
    public static int IndexOfI32(HArray* a, int v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.I32)
            return IndexOfDyn(a, Boxing.BoxInt(v), from);
        int start = IndexStart(a->Length, from);
        int i = new ReadOnlySpan<int>((int*)a->Data + start, a->Length - start).IndexOf(v);
        return i < 0 ? -1 : start + i;
    }

    public static int IndexOfF64(HArray* a, double v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.F64)
            return IndexOfDyn(a, Boxing.BoxFloat(v), from);
        double* d = (double*)a->Data;
        for (int i = IndexStart(a->Length, from); i < a->Length; i++)
        {
            if (d[i] == v)
                return i;
        }
        return -1;
    }

    public static int IndexOfBool(HArray* a, bool v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.Bool)
            return IndexOfDyn(a, Boxing.BoxBool(v), from);
        int start = IndexStart(a->Length, from);
        int i = new ReadOnlySpan<byte>((byte*)a->Data + start, a->Length - start).IndexOf(v ? (byte)1 : (byte)0);
        return i < 0 ? -1 : start + i;
    }

    public static int IndexOfPtr(HArray* a, void* v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.Ptr)
            return IndexOfDyn(a, v, from);
        // re-read the length: a comparison never runs Haxe code, but keep the loop obviously in bounds
        for (int i = IndexStart(a->Length, from); i < a->Length; i++)
        {
            if (ValueEquals(((void**)a->Data)[i], v))
                return i;
        }
        return -1;
    }

    private static int IndexOfDyn(HArray* a, void* boxed, int from) => a->ElemKind switch
    {
        ElemKind.I32 => IndexOfI32(a, Unboxing.UnboxInt(boxed), from),
        ElemKind.F64 => IndexOfF64(a, Unboxing.UnboxFloat(boxed), from),
        ElemKind.Bool => IndexOfBool(a, Unboxing.UnboxBool(boxed), from),
        _ => IndexOfPtr(a, boxed, from),
    };

    private static int IndexStart(int length, int from)
    {
        if (from < 0)
        {
            from += length;
            if (from < 0)
                from = 0;
        }
        return Math.Min(from, length);
    }

    /// <summary>Last index at or before <paramref name="from"/> of an element <c>== v</c>, or -1.
    /// <paramref name="from"/> &gt;= length searches from the last element; negative counts from the end
    /// and, still negative, is clamped to 0 (as the reference interpreter does).</summary>
    public static int LastIndexOfI32(HArray* a, int v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.I32)
            return LastIndexOfDyn(a, Boxing.BoxInt(v), from);
        int end = LastIndexStart(a->Length, from);
        return end < 0 ? -1 : new ReadOnlySpan<int>(a->Data, end + 1).LastIndexOf(v);
    }

    public static int LastIndexOfF64(HArray* a, double v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.F64)
            return LastIndexOfDyn(a, Boxing.BoxFloat(v), from);
        double* d = (double*)a->Data;
        for (int i = LastIndexStart(a->Length, from); i >= 0; i--)
        {
            if (d[i] == v)
                return i;
        }
        return -1;
    }

    public static int LastIndexOfBool(HArray* a, bool v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.Bool)
            return LastIndexOfDyn(a, Boxing.BoxBool(v), from);
        int end = LastIndexStart(a->Length, from);
        return end < 0 ? -1 : new ReadOnlySpan<byte>(a->Data, end + 1).LastIndexOf(v ? (byte)1 : (byte)0);
    }

    public static int LastIndexOfPtr(HArray* a, void* v, int from)
    {
        Check(a);
        if (a->ElemKind != ElemKind.Ptr)
            return LastIndexOfDyn(a, v, from);
        for (int i = LastIndexStart(a->Length, from); i >= 0; i--)
        {
            if (ValueEquals(((void**)a->Data)[i], v))
                return i;
        }
        return -1;
    }

    private static int LastIndexOfDyn(HArray* a, void* boxed, int from) => a->ElemKind switch
    {
        ElemKind.I32 => LastIndexOfI32(a, Unboxing.UnboxInt(boxed), from),
        ElemKind.F64 => LastIndexOfF64(a, Unboxing.UnboxFloat(boxed), from),
        ElemKind.Bool => LastIndexOfBool(a, Unboxing.UnboxBool(boxed), from),
        _ => LastIndexOfPtr(a, boxed, from),
    };

    /// <summary>The index to search back from; -1 for an empty array.</summary>
    private static int LastIndexStart(int length, int from)
    {
        if (from >= length)
            return length - 1;
        if (from < 0)
        {
            from += length;
            if (from < 0)
                from = 0;
        }
        return Math.Min(from, length - 1);
    }

    public static bool RemoveI32(HArray* a, int v) => RemoveAt(a, IndexOfI32(a, v, 0));
    public static bool RemoveF64(HArray* a, double v) => RemoveAt(a, IndexOfF64(a, v, 0));
    public static bool RemoveBool(HArray* a, bool v) => RemoveAt(a, IndexOfBool(a, v, 0));
    public static bool RemovePtr(HArray* a, void* v) => RemoveAt(a, IndexOfPtr(a, v, 0));

    private static bool RemoveAt(HArray* a, int i)
    {
        if (i < 0)
            return false;
        RemoveRange(a, i, 1);
        return true;
    }

    /// <summary>
    /// Haxe <c>==</c> on two values of a pointer array: the same pointer, strings by content, numbers
    /// (boxed Int or Float) by value, boxed Bools by value; anything else by identity.
    /// </summary>
    public static bool ValueEquals(void* x, void* y)
    {
        if (x == null || y == null)
            return x == y;
        int kx = (*(TypeDesc**)x)->Kind, ky = (*(TypeDesc**)y)->Kind;
        if (kx == TypeKind.Float || ky == TypeKind.Float)
        {
            // NaN is not equal to itself, not even the same box
            return IsNumber(kx) && IsNumber(ky) && Unboxing.UnboxFloat(x) == Unboxing.UnboxFloat(y);
        }
        if (x == y)
            return true;
        if (kx != ky)
            return false;
        return kx switch
        {
            TypeKind.String => StringOps.Equals((HString*)x, (HString*)y),
            TypeKind.Int => ((BoxInt*)x)->Value == ((BoxInt*)y)->Value,
            TypeKind.Bool => ((BoxBool*)x)->Value == ((BoxBool*)y)->Value,
            _ => false,
        };
    }

    private static bool IsNumber(int kind) => kind == TypeKind.Int || kind == TypeKind.Float;

    // ---- copies ---------------------------------------------------------------------------------

    /// <summary>A new array of the same kind holding <paramref name="count"/> elements from <paramref name="pos"/>.</summary>
    private static HArray* CopyRange(HArray* a, int pos, int count)
    {
        HArray* r = New(a->ElemKind, count);
        if (count > 0)
        {
            int size = ElemKind.Size(a->ElemKind);
            Buffer.MemoryCopy((byte*)a->Data + (nint)pos * size, r->Data, (long)count * size, (long)count * size);
        }
        return r;
    }

    /// <summary><c>copy()</c>: a shallow copy.</summary>
    public static HArray* Copy(HArray* a)
    {
        Check(a);
        return CopyRange(a, 0, a->Length);
    }

    /// <summary><c>slice(pos, end)</c>: negative positions count from the end; <paramref name="end"/> is
    /// int.MaxValue when absent.</summary>
    public static HArray* Slice(HArray* a, int pos, int end)
    {
        Check(a);
        int n = a->Length;
        if (pos < 0)
        {
            pos += n;
            if (pos < 0)
                pos = 0;
        }
        if (end < 0)
        {
            end += n;
            if (end < 0)
                end = 0;
        }
        if (end > n)
            end = n;
        return CopyRange(a, pos, pos < end ? end - pos : 0);
    }

    /// <summary><c>splice(pos, len)</c>: removes and returns up to <paramref name="len"/> elements at
    /// <paramref name="pos"/> (negative: from the end); a negative <paramref name="len"/> removes nothing.</summary>
    public static HArray* Splice(HArray* a, int pos, int len)
    {
        Check(a);
        int n = a->Length;
        if (pos < 0)
        {
            pos += n;
            if (pos < 0)
                pos = 0;
        }
        if (len < 0 || pos >= n)
            return New(a->ElemKind, 0);
        if (len > n - pos)
            len = n - pos;
        HArray* removed = CopyRange(a, pos, len);
        RemoveRange(a, pos, len);
        return removed;
    }

    /// <summary><c>concat(b)</c>: a new array, <paramref name="a"/>'s elements then <paramref name="b"/>'s
    /// (converted through boxes if <paramref name="b"/> stores another kind).</summary>
    public static HArray* Concat(HArray* a, HArray* b)
    {
        Check(a);
        Check(b);
        int na = a->Length, nb = b->Length;
        if ((long)na + nb > int.MaxValue)
            Rt.Fatal("array too large"u8);
        HArray* r = New(a->ElemKind, na + nb);
        int size = ElemKind.Size(a->ElemKind);
        if (na > 0)
            Buffer.MemoryCopy(a->Data, r->Data, (long)na * size, (long)na * size);
        if (b->ElemKind == a->ElemKind)
        {
            if (nb > 0)
                Buffer.MemoryCopy(b->Data, (byte*)r->Data + (nint)na * size, (long)nb * size, (long)nb * size);
        }
        else
        {
            for (int i = 0; i < nb && i < b->Length; i++)
                SetDyn(r, na + i, GetDyn(b, i));
        }
        return r;
    }

    // ---- in place -------------------------------------------------------------------------------

    /// <summary><c>reverse()</c>.</summary>
    public static void Reverse(HArray* a)
    {
        Check(a);
        switch (ElemKind.Size(a->ElemKind))
        {
            case 1: new Span<byte>(a->Data, a->Length).Reverse(); break;
            case 4: new Span<int>(a->Data, a->Length).Reverse(); break;
            default: new Span<long>(a->Data, a->Length).Reverse(); break;
        }
    }

    /// <summary><c>resize(len)</c>: truncates or grows with default elements; a negative length empties.</summary>
    public static void Resize(HArray* a, int length)
    {
        Check(a);
        if (length < 0)
            length = 0;
        if (length > a->Length)
            Extend(a, length);
        else
            Truncate(a, length);
    }

    /// <summary><c>Vector.blit</c>: copies <paramref name="len"/> elements, the ranges may overlap. In range
    /// and of one kind it is a memmove; otherwise element by element as <c>dst[d + i] = src[s + i]</c>
    /// (reads past the end give defaults, writes past the end grow, as the std's Array fallback does).</summary>
    public static void Blit(HArray* src, int srcPos, HArray* dst, int dstPos, int len)
    {
        Check(src);
        Check(dst);
        if (len <= 0)
            return;
        if (src->ElemKind == dst->ElemKind && srcPos >= 0 && dstPos >= 0
            && (long)srcPos + len <= src->Length && (long)dstPos + len <= dst->Length)
        {
            int size = ElemKind.Size(src->ElemKind);
            Buffer.MemoryCopy((byte*)src->Data + (nint)srcPos * size, (byte*)dst->Data + (nint)dstPos * size,
                (long)(dst->Length - dstPos) * size, (long)len * size);
            return;
        }
        bool backwards = src == dst && srcPos < dstPos;
        for (int k = 0; k < len; k++)
        {
            int i = backwards ? len - 1 - k : k;
            SetDyn(dst, dstPos + i, GetDyn(src, srcPos + i));
        }
    }
}
