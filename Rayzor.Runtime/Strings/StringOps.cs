using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Strings;

/// <summary>The string operations behind <c>rz_string_*</c>.</summary>
public static unsafe class StringOps
{
    // Not on the GC heap (HString.Permanent), so managed statics may hold them; created on first use.
    private static HString* s_null, s_true, s_false, s_empty;

    public static HString* NullString => s_null != null ? s_null : s_null = HString.Permanent("null");
    public static HString* TrueString => s_true != null ? s_true : s_true = HString.Permanent("true");
    public static HString* FalseString => s_false != null ? s_false : s_false = HString.Permanent("false");
    public static HString* Empty => s_empty != null ? s_empty : s_empty = HString.Permanent("");

    /// <summary><c>a + b</c>; a null operand reads as "null". Returns an operand when the other is empty.</summary>
    public static HString* Concat(HString* a, HString* b)
    {
        if (a == null)
            a = NullString;
        if (b == null)
            b = NullString;
        if (a->Length == 0)
            return b;
        if (b->Length == 0)
            return a;
        HString* s = HString.Allocate(Heap.Length((long)a->Length + b->Length));
        Span<char> chars = HString.Chars(s);
        HString.Chars(a).CopyTo(chars);
        HString.Chars(b).CopyTo(chars[a->Length..]);
        return s;
    }

    /// <summary><c>a == b</c>: same code units, or both null.</summary>
    public static bool Equals(HString* a, HString* b)
    {
        if (a == b)
            return true;
        if (a == null || b == null || a->Length != b->Length)
            return false;
        return HString.Chars(a).SequenceEqual(HString.Chars(b));
    }

    /// <summary>Ordinal comparison by UTF-16 code units; null sorts before every string.</summary>
    public static int Compare(HString* a, HString* b)
    {
        if (a == b)
            return 0;
        if (a == null)
            return -1;
        if (b == null)
            return 1;
        int c = ((ReadOnlySpan<char>)HString.Chars(a)).SequenceCompareTo(HString.Chars(b));
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }

    /// <summary><c>Std.string(Int)</c>: plain decimal, written straight into the new string.</summary>
    public static HString* FromInt(int value)
    {
        uint magnitude = value < 0 ? (uint)-(long)value : (uint)value;
        int length = DecimalDigits(magnitude) + (value < 0 ? 1 : 0);
        HString* s = HString.Allocate(length);
        char* chars = (char*)((byte*)s + HString.CharsOffset);
        WriteDigits(magnitude, chars + length);
        if (value < 0)
            chars[0] = '-';
        return s;
    }

    /// <summary>Writes <paramref name="value"/> in decimal at the end of <paramref name="buffer"/>
    /// (11 chars suffice); returns where the digits start.</summary>
    public static int FormatInt(int value, Span<char> buffer)
    {
        uint magnitude = value < 0 ? (uint)-(long)value : (uint)value;
        int start = buffer.Length - DecimalDigits(magnitude) - (value < 0 ? 1 : 0);
        if (start < 0)
            throw new ArgumentException("buffer too small", nameof(buffer));
        fixed (char* p = buffer)
        {
            WriteDigits(magnitude, p + buffer.Length);
            if (value < 0)
                p[start] = '-';
        }
        return start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecimalDigits(uint v) =>
        v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5
        : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;

    // "00" "01" .. "99": two digits (one 32-bit copy of two UTF-16 units) per division.
    private const string DigitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

    /// <summary>The decimal digits of <paramref name="v"/> in the chars just before <paramref name="end"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteDigits(uint v, char* end)
    {
        ref byte pairs = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(DigitPairs.AsSpan()));
        while (v >= 100)
        {
            uint q = v / 100;
            uint r = v - q * 100;
            v = q;
            end -= 2;
            Unsafe.WriteUnaligned(end, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref pairs, (int)r * 4)));
        }
        if (v >= 10)
        {
            end -= 2;
            Unsafe.WriteUnaligned(end, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref pairs, (int)v * 4)));
        }
        else
            *--end = (char)('0' + v);
    }

    /// <summary><c>Std.string(Float)</c>: see <see cref="FloatFormat"/>.</summary>
    public static HString* FromFloat(double value)
    {
        Span<char> buffer = stackalloc char[FloatFormat.MaxLength];
        int length = FloatFormat.Format(value, buffer);
        return HString.FromChars(buffer[..length]);
    }

    /// <summary><c>Std.string(Bool)</c>.</summary>
    public static HString* FromBool(bool value) => value ? TrueString : FalseString;

    /// <summary>A new string decoded from UTF-8 (invalid sequences become U+FFFD).</summary>
    public static HString* FromUtf8(ReadOnlySpan<byte> utf8)
    {
        // UTF-16 never needs more code units than UTF-8 has bytes: allocate that, keep what is used.
        HString* s = HString.Allocate(utf8.Length);
        Utf8.ToUtf16(utf8, HString.Chars(s), out _, out int written, replaceInvalidSequences: true);
        s->Length = written;
        return s;
    }

    /// <summary>A new string decoded from a NUL-terminated UTF-8 C string; null gives null.</summary>
    public static HString* FromCString(byte* utf8) =>
        utf8 == null ? null : FromUtf8(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(utf8));
}
