using System.Runtime.CompilerServices;

namespace Rayzor.Runtime.Regex;

/// <summary>Character predicates of the regex engine: PCRE's ASCII classes (no UCP) and simple
/// case folding.</summary>
internal static unsafe class RegexChars
{
    public static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    public static bool IsWord(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || IsDigit(c) || c == '_';

    /// <summary>\s: space, \t \n \v \f \r (PCRE2 includes VT).</summary>
    public static bool IsSpace(int c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

    /// <summary>\h: horizontal white space (PCRE's list).</summary>
    public static bool IsHSpace(int c) => c is '\t' or ' ' or 0xA0 or 0x1680 or 0x180E or (>= 0x2000 and <= 0x200A)
        or 0x202F or 0x205F or 0x3000;

    /// <summary>\v: vertical white space (PCRE's list).</summary>
    public static bool IsVSpace(int c) => (uint)(c - '\n') <= '\r' - '\n' || c is 0x85 or 0x2028 or 0x2029;

    /// <summary>The case-folded form both sides of a case-insensitive comparison use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Fold(int c) => c < 128 ? ((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c) : char.ToLowerInvariant((char)c);

    public static int Upper(int c) => c < 128 ? ((uint)(c - 'a') <= 'z' - 'a' ? c & ~0x20 : c) : char.ToUpperInvariant((char)c);

    public static bool InSet(int set, int c) => set switch
    {
        RegexCode.SetDigit => IsDigit(c),
        RegexCode.SetNotDigit => !IsDigit(c),
        RegexCode.SetWord => IsWord(c),
        RegexCode.SetNotWord => !IsWord(c),
        RegexCode.SetSpace => IsSpace(c),
        RegexCode.SetNotSpace => !IsSpace(c),
        RegexCode.SetHSpace => IsHSpace(c),
        RegexCode.SetNotHSpace => !IsHSpace(c),
        RegexCode.SetVSpace => IsVSpace(c),
        _ => !IsVSpace(c),
    };

    /// <summary>Whether the class instruction at <paramref name="p"/> accepts <paramref name="c"/>.</summary>
    public static bool ClassMatches(int* p, int c)
    {
        int flags = p[2];
        bool hit = ClassHas(p, c);
        if (!hit && (flags & RegexCode.ClassIgnoreCase) != 0)
        {
            int lower = Fold(c), upper = Upper(c);
            hit = (lower != c && ClassHas(p, lower)) || (upper != c && ClassHas(p, upper));
        }
        return hit != ((flags & RegexCode.ClassNegated) != 0);
    }

    private static bool ClassHas(int* p, int c)
    {
        int n = p[3];
        int* item = p + 4;
        for (int i = 0; i < n; i++, item += 2)
        {
            int lo = item[0];
            if (lo < 0 ? InSet(lo, c) : (uint)(c - lo) <= (uint)(item[1] - lo))
                return true;
        }
        return false;
    }

    /// <summary>Whether the single-unit instruction at <paramref name="p"/> accepts <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SingleMatches(int* p, int c) => *p switch
    {
        RegexCode.Char => c == p[1],
        RegexCode.CharI => Fold(c) == p[1],
        RegexCode.Any => c != '\n',
        RegexCode.AnyNl => true,
        _ => ClassMatches(p, c),
    };
}
