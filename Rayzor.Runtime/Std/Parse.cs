using System.Globalization;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary><c>Std.parseInt</c> and <c>Std.parseFloat</c>.</summary>
public static unsafe class Parse
{
    /// <summary>
    /// <c>Std.parseInt</c>: a boxed Int, or null. Leading whitespace, one optional sign, then
    /// <c>0x</c>/<c>0X</c> and hex digits (a 32-bit pattern: "0xFFFFFFFF" is -1) or decimal digits;
    /// parsing stops at the first other character ("12abc" is 12, "1.5" is 1). Null when no digit is
    /// read or the number does not fit (decimal outside the Int range, hex above 32 bits), as the
    /// reference interpreter does.
    /// </summary>
    public static void* ParseInt(HString* s)
    {
        if (s == null)
            return null;
        return TryParseInt(s, out int value) ? Boxing.BoxInt(value) : null;
    }

    /// <summary><c>Std.parseInt</c> used as an Int: the number, or 0 where it gives null.</summary>
    public static int ParseIntRaw(HString* s) => s != null && TryParseInt(s, out int value) ? value : 0;

    private static bool TryParseInt(HString* s, out int value) =>
        TryParseInt((char*)((byte*)s + HString.CharsOffset), s->Length, out value);

    public static bool TryParseInt(ReadOnlySpan<char> text, out int value)
    {
        fixed (char* p = text)
            return TryParseInt(p, text.Length, out value);
    }

    // On a pointer: this runs for every parsed number, so no bounds checks.
    private static bool TryParseInt(char* p, int n, out int value)
    {
        value = 0;
        int i = 0;
        while (i < n && IsSpace(p[i]))
            i++;
        bool negative = false;
        if (i < n && (p[i] == '-' || p[i] == '+'))
        {
            negative = p[i] == '-';
            i++;
        }
        if (i + 1 < n && p[i] == '0' && (p[i + 1] == 'x' || p[i + 1] == 'X'))
        {
            i += 2;
            int start = i;
            ulong hex = 0;
            for (; i < n; i++)
            {
                int digit = HexDigit(p[i]);
                if (digit < 0)
                    break;
                hex = hex * 16 + (uint)digit;
                if (hex > uint.MaxValue)
                    return false;
            }
            if (i == start)
                return false;
            value = negative ? -(int)(uint)hex : (int)(uint)hex;
            return true;
        }
        int first = i;
        // nine digits cannot overflow: no test on them
        uint head = 0;
        for (int end = Math.Min(n, i + 9); i < end; i++)
        {
            uint digit = (uint)(p[i] - '0');
            if (digit > 9)
                break;
            head = head * 10 + digit;
        }
        ulong magnitude = head;
        for (; i < n; i++)
        {
            uint digit = (uint)(p[i] - '0');
            if (digit > 9)
                break;
            magnitude = magnitude * 10 + digit;
            if (magnitude > 1UL << 31)
                return false;
        }
        if (i == first)
            return false;
        long signed = negative ? -(long)magnitude : (long)magnitude;
        if (signed > int.MaxValue)
            return false;
        value = (int)signed;
        return true;
    }

    private static bool IsSpace(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

    /// <summary>
    /// <c>Std.parseFloat</c>: the longest prefix (after leading whitespace) of the form
    /// <c>[+-]digits[.digits][(e|E)[+-]digits]</c> with at least one mantissa digit, correctly rounded;
    /// NaN when there is none ("1e3x" is 1000, "1e" is 1, "0x10" is 0, "Infinity" is NaN).
    /// </summary>
    public static double ParseFloat(HString* s) => s == null ? double.NaN : ParseFloat(HString.Chars(s));

    public static double ParseFloat(ReadOnlySpan<char> text)
    {
        int start = SkipWhitespace(text);
        int i = start;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            i++;
        int digits = 0;
        for (; i < text.Length && IsDigit(text[i]); i++)
            digits++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            for (; i < text.Length && IsDigit(text[i]); i++)
                digits++;
        }
        if (digits == 0)
            return double.NaN;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int e = i + 1;
            if (e < text.Length && (text[e] == '-' || text[e] == '+'))
                e++;
            if (e < text.Length && IsDigit(text[e]))
            {
                while (e < text.Length && IsDigit(text[e]))
                    e++;
                i = e;
            }
        }
        return double.Parse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Spaces, tabs, line feeds, vertical tabs, form feeds and carriage returns.</summary>
    private static int SkipWhitespace(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && IsSpace(text[i]))
            i++;
        return i;
    }
}
