using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>Helpers building and reading runtime arrays and closures in tests.</summary>
internal static unsafe class TestArrays
{
    public static HArray* Ints(params int[] values)
    {
        _ = Builtins;
        HArray* a = ArrayOps.New(ElemKind.I32, values.Length);
        for (int i = 0; i < values.Length; i++)
            ((int*)a->Data)[i] = values[i];
        return a;
    }

    public static HArray* Floats(params double[] values)
    {
        _ = Builtins;
        HArray* a = ArrayOps.New(ElemKind.F64, values.Length);
        for (int i = 0; i < values.Length; i++)
            ((double*)a->Data)[i] = values[i];
        return a;
    }

    public static HArray* Bools(params bool[] values)
    {
        _ = Builtins;
        HArray* a = ArrayOps.New(ElemKind.Bool, values.Length);
        for (int i = 0; i < values.Length; i++)
            ((byte*)a->Data)[i] = values[i] ? (byte)1 : (byte)0;
        return a;
    }

    /// <summary>An Array&lt;String&gt;; a null entry is a null element.</summary>
    public static HArray* StrArray(params string?[] values)
    {
        _ = Builtins;
        HArray* a = ArrayOps.New(ElemKind.Ptr, values.Length);
        for (int i = 0; i < values.Length; i++)
            ((void**)a->Data)[i] = values[i] == null ? null : Str(values[i]!);
        return a;
    }

    /// <summary>An array of pointers (Array&lt;Dynamic&gt;, Array&lt;Array&lt;T&gt;&gt;, ...).</summary>
    public static HArray* Ptrs(params nint[] values)
    {
        _ = Builtins;
        HArray* a = ArrayOps.New(ElemKind.Ptr, values.Length);
        for (int i = 0; i < values.Length; i++)
            ((nint*)a->Data)[i] = values[i];
        return a;
    }

    public static int[] IntsOf(HArray* a) => new ReadOnlySpan<int>(a->Data, a->Length).ToArray();
    public static double[] FloatsOf(HArray* a) => new ReadOnlySpan<double>(a->Data, a->Length).ToArray();

    public static string?[] StringsOf(HArray* a)
    {
        var result = new string?[a->Length];
        for (int i = 0; i < a->Length; i++)
        {
            var s = ((HString**)a->Data)[i];
            result[i] = s == null ? null : Text(s);
        }
        return result;
    }

    /// <summary>Std.string of the array.</summary>
    public static string Show(HArray* a) => Text(ArrayOps.ToString(a));

    /// <summary>The slots past the length are zero (the invariant growth relies on).</summary>
    public static bool TailIsZero(HArray* a)
    {
        int size = ElemKind.Size(a->ElemKind);
        var tail = new ReadOnlySpan<byte>((byte*)a->Data + a->Length * size, (a->Capacity - a->Length) * size);
        return !tail.ContainsAnyExcept((byte)0);
    }

    public static HClosure* Closure(void* fn, void* env = null)
    {
        _ = Builtins;
        var c = (HClosure*)Memory.Heap.Alloc((nuint)sizeof(HClosure));
        c->Td = Builtins->Closure;
        c->Fn = fn;
        c->Env = env;
        return c;
    }

    public static int UnboxedInt(void* box)
    {
        Assert.True(box != null);
        Assert.Equal(Memory.TypeKind.Int, (*(Memory.TypeDesc**)box)->Kind);
        return ((BoxInt*)box)->Value;
    }
}
