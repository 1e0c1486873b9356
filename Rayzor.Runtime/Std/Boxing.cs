using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Std;

/// <summary>A boxed Int (<c>Dynamic</c>, <c>Null&lt;Int&gt;</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BoxInt { public TypeDesc* Td; public int Value; }

/// <summary>A boxed Float.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BoxFloat { public TypeDesc* Td; public double Value; }

/// <summary>A boxed Bool (0/1).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct BoxBool { public TypeDesc* Td; public int Value; }

/// <summary>
/// Boxing. Boxes are immutable and pointer-free (their descriptor is static data), so they are
/// allocated atomic; small ints and both bools are shared permanent boxes outside the GC heap.
/// </summary>
public static unsafe class Boxing
{
    private const int SmallMin = -128, SmallMax = 1023;

    // Tables in NativeMemory of boxes in NativeMemory: never collected, never GC pointers.
    private static BoxInt** s_smallInts;
    private static BoxBool* s_bools;

    public static void* BoxInt(int value)
    {
        if (value >= SmallMin && value <= SmallMax)
        {
            BoxInt** table = s_smallInts;
            if (table == null)
                s_smallInts = table = (BoxInt**)NativeMemory.AllocZeroed((nuint)(SmallMax - SmallMin + 1), (nuint)sizeof(BoxInt*));
            BoxInt* cached = table[value - SmallMin];
            if (cached == null)
            {
                cached = (BoxInt*)NativeMemory.Alloc((nuint)sizeof(BoxInt));
                cached->Td = Rt.Builtins->BoxInt;
                cached->Value = value;
                table[value - SmallMin] = cached;
            }
            return cached;
        }
        var box = (BoxInt*)Heap.AllocAtomic((nuint)sizeof(BoxInt));
        box->Td = Rt.Builtins->BoxInt;
        box->Value = value;
        return box;
    }

    public static void* BoxFloat(double value)
    {
        var box = (BoxFloat*)Heap.AllocAtomic((nuint)sizeof(BoxFloat));
        box->Td = Rt.Builtins->BoxFloat;
        box->Value = value;
        return box;
    }

    public static void* BoxBool(bool value)
    {
        BoxBool* bools = s_bools;
        if (bools == null)
        {
            s_bools = bools = (BoxBool*)NativeMemory.Alloc(2, (nuint)sizeof(BoxBool));
            bools[0] = new BoxBool { Td = Rt.Builtins->BoxBool, Value = 0 };
            bools[1] = new BoxBool { Td = Rt.Builtins->BoxBool, Value = 1 };
        }
        return &bools[value ? 1 : 0];
    }
}
