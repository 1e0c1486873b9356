using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Strings;

/// <summary>
/// The String methods behind <c>rz_string_*</c> (docs/abi.md), on UTF-16 code units like HashLink.
/// A null receiver is a fatal null access; a null string argument reads as "null".
/// Strings are immutable, so a result equal to the receiver is the receiver itself.
/// </summary>
public static unsafe class StringMethods
{
    // One-unit strings for U+0000..U+007F, permanent (not on the GC heap), created on first use.
    private static HString** s_ascii;

    /// <summary>The one-code-unit string <paramref name="unit"/>.</summary>
    public static HString* OfUnit(char unit)
    {
        if (unit >= 128)
        {
            HString* s = HString.Allocate(1);
            HString.Chars(s)[0] = unit;
            return s;
        }
        HString** table = s_ascii;
        if (table == null)
            s_ascii = table = (HString**)NativeMemory.AllocZeroed(128, (nuint)sizeof(HString*));
        HString* cached = table[unit];
        if (cached == null)
            table[unit] = cached = HString.Permanent([unit]);
        return cached;
    }

    /// <summary><c>charCodeAt(i)</c>: the code unit, or -1 when out of range.</summary>
    public static int CharCodeAt(HString* s, int i)
    {
        Receiver(s);
        return (uint)i < (uint)s->Length ? HString.Chars(s)[i] : -1;
    }

    /// <summary><c>charAt(i)</c>: a one-unit string, "" when out of range.</summary>
    public static HString* CharAt(HString* s, int i)
    {
        Receiver(s);
        return (uint)i < (uint)s->Length ? OfUnit(HString.Chars(s)[i]) : StringOps.Empty;
    }

    /// <summary><c>substr(pos, len)</c>: negative pos counts from the end (clamped to 0); a negative len
    /// counts from the end too; <paramref name="len"/> is int.MaxValue when absent.</summary>
    public static HString* Substr(HString* s, int pos, int len)
    {
        Receiver(s);
        int n = s->Length;
        if (pos < 0)
        {
            pos += n;
            if (pos < 0)
                pos = 0;
        }
        long count = len;
        if (count < 0)
            count = (long)n + len - pos;
        if (pos + count > n)
            count = n - pos;
        if (count <= 0)
            return StringOps.Empty;
        return Sub(s, pos, (int)count);
    }

    /// <summary><c>substring(start, end)</c>: both clamped to 0..length, swapped when start &gt; end;
    /// <paramref name="end"/> is int.MaxValue when absent.</summary>
    public static HString* Substring(HString* s, int start, int end)
    {
        Receiver(s);
        int n = s->Length;
        start = Math.Clamp(start, 0, n);
        end = Math.Clamp(end, 0, n);
        if (start > end)
            (start, end) = (end, start);
        return end == start ? StringOps.Empty : Sub(s, start, end - start);
    }

    /// <summary>The units [pos, pos + count) of <paramref name="s"/>, in range and non-empty.</summary>
    private static HString* Sub(HString* s, int pos, int count)
    {
        if (count == s->Length)
            return s;
        if (count == 1)
            return OfUnit(HString.Chars(s)[pos]);
        HString* r = HString.Allocate(count);
        HString.CopyUnits(HString.Units(s) + pos, HString.Units(r), count);
        return r;
    }

    /// <summary><c>indexOf(needle, from)</c>: the first position at or after <paramref name="from"/>
    /// (negative or absent = int.MinValue: 0); an empty needle is found at min(from, length).</summary>
    public static int IndexOf(HString* s, HString* needle, int from)
    {
        Receiver(s);
        ReadOnlySpan<char> hay = HString.Chars(s), sought = Chars(needle);
        int start = Math.Clamp(from, 0, hay.Length);
        if (sought.Length == 0)
            return start;
        int i = Search(HString.Units(s) + start, hay.Length - start, sought);
        return i < 0 ? -1 : start + i;
    }

    /// <summary>The first position of <paramref name="sought"/> (not empty) in the <paramref name="n"/>
    /// units at <paramref name="p"/>, or -1. A one-unit needle is looked for in the first units by a
    /// plain loop: pieces between separators are short, and the vectorized search costs more to start.</summary>
    private static int Search(char* p, int n, ReadOnlySpan<char> sought)
    {
        if (sought.Length != 1)
            return new ReadOnlySpan<char>(p, n).IndexOf(sought);
        const int Quick = 32;
        char c = sought[0];
        int quick = Math.Min(n, Quick);
        for (int i = 0; i < quick; i++)
            if (p[i] == c)
                return i;
        if (n <= Quick)
            return -1;
        int r = new ReadOnlySpan<char>(p + Quick, n - Quick).IndexOf(c);
        return r < 0 ? -1 : r + Quick;
    }

    /// <summary><c>lastIndexOf(needle, from)</c>: the last position at or before <paramref name="from"/>
    /// (absent = int.MinValue: the end). A negative <paramref name="from"/> finds nothing, except that an
    /// empty needle is found at <paramref name="from"/> clamped to 0..length (as the reference interpreter).</summary>
    public static int LastIndexOf(HString* s, HString* needle, int from)
    {
        Receiver(s);
        ReadOnlySpan<char> hay = HString.Chars(s), sought = Chars(needle);
        if (from == int.MinValue)
            from = hay.Length;
        if (sought.Length == 0)
            return Math.Clamp(from, 0, hay.Length);
        long last = Math.Min(from, (long)hay.Length - sought.Length); // the last start position allowed
        if (last < 0)
            return -1;
        return hay[..(int)(last + sought.Length)].LastIndexOf(sought);
    }

    /// <summary><c>split(sep)</c>: the parts between occurrences of <paramref name="sep"/>, as a pointer
    /// array; an empty separator gives one string per code unit ("" gives []); "" split by a
    /// non-empty separator gives [""].</summary>
    public static HArray* Split(HString* s, HString* sep)
    {
        Receiver(s);
        if (sep == null)
            sep = StringOps.NullString;
        HArray* parts;
        int n = s->Length;
        int m = sep->Length;
        if (m == 0)
        {
            parts = ArrayOps.New(ElemKind.Ptr, n);
            for (int i = 0; i < n; i++)
                ((HString**)parts->Data)[i] = OfUnit(HString.Chars(s)[i]);
            return parts;
        }
        // Where each piece ends, found first (nothing is allocated meanwhile, so raw pointers into s
        // are safe): the array is then allocated once, at its size.
        const int InlineEnds = 128;
        int* inlineEnds = stackalloc int[InlineEnds];
        int* ends = inlineEnds;
        int capacity = InlineEnds, count = 0, start = 0;
        var sought = new ReadOnlySpan<char>(HString.Units(sep), m);
        while (true)
        {
            int found = Search(HString.Units(s) + start, n - start, sought);
            int end = found < 0 ? n : start + found;
            if (count == capacity)
                ends = GrowEnds(ends, inlineEnds, capacity *= 2, count);
            ends[count++] = end;
            if (found < 0)
                break;
            start = end + m;
        }
        parts = ArrayOps.New(ElemKind.Ptr, count);
        start = 0;
        for (int k = 0; k < count; k++)
        {
            // s and parts stay on the stack as base pointers across the allocations
            ((HString**)parts->Data)[k] = Piece(s, start, ends[k] - start);
            start = ends[k] + m;
        }
        if (ends != inlineEnds)
            NativeMemory.Free(ends);
        Heap.KeepAlive(s);
        Heap.KeepAlive(parts);
        return parts;
    }

    /// <summary>The piece of <c>split(sep)</c> that starts at <paramref name="pos"/> (0, or just after
    /// an occurrence of <paramref name="sep"/>): the units up to the next occurrence, or to the end.
    /// A loop over <c>s.split(sep)</c> with a non-empty literal separator takes its pieces one at a
    /// time with it (Lowerer.LowerForSplit); the piece ends at the end of <paramref name="s"/> exactly
    /// when it is the last one. An empty separator gives the rest of the string.</summary>
    public static HString* SplitPiece(HString* s, HString* sep, int pos)
    {
        Receiver(s);
        if (sep == null)
            sep = StringOps.NullString;
        int n = s->Length;
        pos = Math.Clamp(pos, 0, n);
        int found = sep->Length == 0 ? -1 : Search(HString.Units(s) + pos, n - pos, new ReadOnlySpan<char>(HString.Units(sep), sep->Length));
        return Piece(s, pos, found < 0 ? n - pos : found);
    }

    /// <summary>A larger buffer of piece ends (NativeMemory) holding the first <paramref name="count"/>.</summary>
    private static int* GrowEnds(int* ends, int* inlineEnds, int capacity, int count)
    {
        var grown = (int*)NativeMemory.Alloc((nuint)capacity, sizeof(int));
        Buffer.MemoryCopy(ends, grown, (long)capacity * sizeof(int), (long)count * sizeof(int));
        if (ends != inlineEnds)
            NativeMemory.Free(ends);
        return grown;
    }

    private static HString* Piece(HString* s, int pos, int count) => count == 0 ? StringOps.Empty : Sub(s, pos, count);

    /// <summary><c>toUpperCase()</c>: simple (one-to-one) case mapping of each code unit.</summary>
    public static HString* ToUpper(HString* s) => MapCase(s, upper: true);

    /// <summary><c>toLowerCase()</c>: simple (one-to-one) case mapping of each code unit.</summary>
    public static HString* ToLower(HString* s) => MapCase(s, upper: false);

    private static HString* MapCase(HString* s, bool upper)
    {
        Receiver(s);
        ReadOnlySpan<char> chars = HString.Chars(s);
        int first = 0;
        while (first < chars.Length && Map(chars[first], upper) == chars[first])
            first++;
        if (first == chars.Length)
            return s;
        HString* r = HString.Allocate(chars.Length);
        Span<char> dest = HString.Chars(r);
        chars = HString.Chars(s);
        chars[..first].CopyTo(dest);
        for (int i = first; i < chars.Length; i++)
            dest[i] = Map(chars[i], upper);
        return r;
    }

    private static char Map(char c, bool upper)
    {
        if (c < 128)
        {
            if (upper)
                return c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        // Unicode's simple mappings, which .NET's invariant casing leaves out on purpose (Turkish
        // dotted/dotless i, long s). Surrogates map to themselves: characters above the BMP keep their case.
        if (upper)
            return c switch { '\u0131' => 'I', '\u017F' => 'S', _ => char.ToUpperInvariant(c) };
        return c == '\u0130' ? 'i' : char.ToLowerInvariant(c);
    }

    /// <summary><c>String.fromCharCode(code)</c>: one unit up to 0xFFFF, a surrogate pair up to 0x10FFFF,
    /// U+FFFD for a negative or larger code.</summary>
    public static HString* FromCharCode(int code)
    {
        if (code < 0 || code > 0x10FFFF)
            code = 0xFFFD;
        if (code <= 0xFFFF)
            return OfUnit((char)code);
        HString* s = HString.Allocate(2);
        Span<char> chars = HString.Chars(s);
        code -= 0x10000;
        chars[0] = (char)(0xD800 + (code >> 10));
        chars[1] = (char)(0xDC00 + (code & 0x3FF));
        return s;
    }

    /// <summary>
    /// A content hash, never 0 (docs/abi.md): FNV-1a over the code units, then the MurmurHash3
    /// finalizer; 0 becomes 1. Cached in the string's hash field: a string whose field is 0 is
    /// writable (string literals, read-only data, carry their hash). Null hashes to 0.
    /// </summary>
    public static int Hash(HString* s)
    {
        if (s == null)
            return 0;
        int cached = s->Hash;
        if (cached != 0)
            return cached;
        return s->Hash = ComputeHash(HString.Chars(s));
    }

    /// <summary>The hash of <paramref name="units"/> as <see cref="Hash"/> defines it.</summary>
    public static int ComputeHash(ReadOnlySpan<char> units)
    {
        uint h = 2166136261;
        foreach (char c in units)
        {
            h ^= c;
            h *= 16777619;
        }
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h == 0 ? 1 : (int)h;
    }

    private static ReadOnlySpan<char> Chars(HString* s) => s == null ? "null" : HString.Chars(s);

    private static void Receiver(HString* s)
    {
        if (s == null)
            Fail.NullAccess();
    }
}
