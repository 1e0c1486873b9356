using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Bytes;

/// <summary>
/// A <c>haxe.io.Bytes</c> (docs/abi.md, Bytes): the header of the compiler's class (descriptor,
/// <c>length</c>) followed by the bytes, in one atomic allocation (nothing in it is a GC pointer).
/// The class is Rayzor's own <c>haxe/_std/haxe/io/Bytes.hx</c>; generated code reads and writes the
/// bytes inline and checks bounds itself, so these operations trust their ranges.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HBytes
{
    /// <summary>Byte offset of the data.</summary>
    public const int DataOffset = 16;

    public TypeDesc* Td;
    public int Length;
    public int Reserved;

    /// <summary>The bytes of <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Span<byte> Data(HBytes* b) => new((byte*)b + DataOffset, b->Length);
}

/// <summary>The operations behind <c>rz_bytes_*</c>.</summary>
public static unsafe class BytesOps
{
    /// <summary><paramref name="length"/> zeroed bytes of the class <paramref name="td"/> (a negative length gives 0).</summary>
    public static HBytes* Alloc(TypeDesc* td, int length)
    {
        if (length < 0)
            length = 0;
        var b = (HBytes*)Heap.AllocAtomicZeroed((nuint)HBytes.DataOffset + (nuint)(uint)length);
        b->Td = td;
        b->Length = length;
        return b;
    }

    /// <summary>UTF-8 of <paramref name="s"/> (lone surrogates become U+FFFD), or UTF-16LE when <paramref name="raw"/>.</summary>
    public static HBytes* OfString(TypeDesc* td, HString* s, bool raw)
    {
        if (s == null)
            Fail.NullAccess();
        if (raw)
        {
            HBytes* r = Alloc(td, s->Length * 2);
            MemoryMarshal.AsBytes((ReadOnlySpan<char>)HString.Chars(s)).CopyTo(HBytes.Data(r));
            Heap.KeepAlive(s);
            return r;
        }
        HBytes* b = Alloc(td, Utf8Length(HString.Chars(s)));
        Utf8.FromUtf16(HString.Chars(s), HBytes.Data(b), out _, out _, replaceInvalidSequences: true);
        Heap.KeepAlive(s);
        return b;
    }

    /// <summary>The UTF-8 length of UTF-16 text, a lone surrogate counting as U+FFFD (3 bytes).</summary>
    private static int Utf8Length(ReadOnlySpan<char> chars)
    {
        long n = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { n += 4; i++; }
            else n += 3;
        }
        if (n > int.MaxValue - HBytes.DataOffset)
            Rt.Fatal("string too large for Bytes"u8);
        return (int)n;
    }

    /// <summary><paramref name="len"/> bytes from <paramref name="pos"/> decoded as UTF-8 (invalid sequences become
    /// U+FFFD), or as UTF-16LE when <paramref name="raw"/> (an odd last byte is dropped).</summary>
    public static HString* GetString(HBytes* b, int pos, int len, bool raw)
    {
        if (b == null)
            Fail.NullAccess();
        HString* s;
        if (raw)
        {
            s = HString.Allocate(len / 2);
            HBytes.Data(b).Slice(pos, len / 2 * 2).CopyTo(MemoryMarshal.AsBytes(HString.Chars(s)));
        }
        else
            s = StringOps.FromUtf8(HBytes.Data(b).Slice(pos, len));
        Heap.KeepAlive(b);
        return s;
    }

    /// <summary><c>memmove</c> of <paramref name="len"/> bytes; the ranges may overlap.</summary>
    public static void Blit(HBytes* dst, int dstPos, HBytes* src, int srcPos, int len)
    {
        if (dst == null || src == null)
            Fail.NullAccess();
        HBytes.Data(src).Slice(srcPos, len).CopyTo(HBytes.Data(dst).Slice(dstPos, len));
    }

    /// <summary>Sets <paramref name="len"/> bytes from <paramref name="pos"/> to the low byte of <paramref name="value"/>.</summary>
    public static void Fill(HBytes* b, int pos, int len, int value)
    {
        if (b == null)
            Fail.NullAccess();
        HBytes.Data(b).Slice(pos, len).Fill((byte)value);
    }
}
