using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Strings;

/// <summary>
/// A Haxe String: immutable, UTF-16 code units, allocated atomic (its descriptor is static data, so
/// the collector has nothing to trace). Literals are constants in the program's object files.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HString
{
    /// <summary>Byte offset of the first code unit (after td, length, hash).</summary>
    public const int CharsOffset = 16;

    public TypeDesc* Td;
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length;
    /// <summary>0 = not computed yet.</summary>
    public int Hash;

    /// <summary>The code units of <paramref name="s"/>, which must not be null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<char> Chars(HString* s) => new((byte*)s + CharsOffset, s->Length);

    /// <summary>The first code unit of <paramref name="s"/>, which must not be null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char* Units(HString* s) => (char*)((byte*)s + CharsOffset);

    /// <summary>Copies <paramref name="n"/> code units that do not overlap: a plain loop for the short
    /// pieces strings are mostly made of (a call to memmove costs more), memmove for the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CopyUnits(char* from, char* to, int n)
    {
        if (n <= 16)
        {
            for (int i = 0; i < n; i++)
                to[i] = from[i];
            return;
        }
        Buffer.MemoryCopy(from, to, (long)n * 2, (long)n * 2);
    }

    /// <summary>A new string of <paramref name="length"/> code units; the caller fills them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static HString* Allocate(int length)
    {
        var s = (HString*)Heap.AllocAtomic((nuint)CharsOffset + (nuint)(uint)length * 2);
        s->Td = Rt.Builtins->String;
        s->Length = length;
        s->Hash = 0;
        return s;
    }

    /// <summary>A new string holding a copy of <paramref name="chars"/>.</summary>
    public static HString* FromChars(ReadOnlySpan<char> chars)
    {
        HString* s = Allocate(chars.Length);
        chars.CopyTo(Chars(s));
        return s;
    }

    /// <summary>
    /// A string that is never collected nor freed, for the runtime's own constants ("null", "true"):
    /// it is not on the GC heap, so a managed static may hold it.
    /// </summary>
    public static HString* Permanent(ReadOnlySpan<char> chars)
    {
        var s = (HString*)NativeMemory.Alloc((nuint)CharsOffset + (nuint)chars.Length * 2);
        s->Td = Rt.Builtins->String;
        s->Length = chars.Length;
        s->Hash = 0;
        chars.CopyTo(Chars(s));
        return s;
    }
}
