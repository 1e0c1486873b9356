using System.Runtime.InteropServices;
using System.Text.Unicode;

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
        HString* s = HString.Allocate(checked(a->Length + b->Length));
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

    /// <summary><c>Std.string(Int)</c>: plain decimal.</summary>
    public static HString* FromInt(int value)
    {
        Span<char> buffer = stackalloc char[11];
        return HString.FromChars(buffer[FormatInt(value, buffer)..]);
    }

    /// <summary>Writes <paramref name="value"/> in decimal at the end of <paramref name="buffer"/>
    /// (11 chars suffice); returns where the digits start.</summary>
    public static int FormatInt(int value, Span<char> buffer)
    {
        int pos = buffer.Length;
        uint magnitude = value < 0 ? (uint)-(long)value : (uint)value;
        do
        {
            buffer[--pos] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        } while (magnitude != 0);
        if (value < 0)
            buffer[--pos] = '-';
        return pos;
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
