using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestArrays;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>The String methods behind rz_string_*; expectations from Haxe 4.2.5's reference interpreter.</summary>
public unsafe class StringMethodsTests
{
    [Fact]
    public void CharCodeAtGivesMinusOneOutOfRange()
    {
        HString* s = Str("a\u00e9\U0001F600");
        Assert.Equal('a', StringMethods.CharCodeAt(s, 0));
        Assert.Equal(0xE9, StringMethods.CharCodeAt(s, 1));
        Assert.Equal(0xD83D, StringMethods.CharCodeAt(s, 2)); // UTF-16 code units
        Assert.Equal(0xDE00, StringMethods.CharCodeAt(s, 3));
        Assert.Equal(-1, StringMethods.CharCodeAt(s, 4));
        Assert.Equal(-1, StringMethods.CharCodeAt(s, -1));
        Assert.Equal(-1, StringMethods.CharCodeAt(Str(""), 0));
    }

    [Fact]
    public void CharAtGivesEmptyOutOfRange()
    {
        HString* s = Str("h\u00e9");
        Assert.Equal("h", Text(StringMethods.CharAt(s, 0)));
        Assert.Equal("\u00e9", Text(StringMethods.CharAt(s, 1)));
        Assert.Equal("", Text(StringMethods.CharAt(s, 2)));
        Assert.Equal("", Text(StringMethods.CharAt(s, -1)));
        Assert.True(StringMethods.CharAt(s, 0) == StringMethods.CharAt(Str("hx"), 0)); // ASCII units are shared
    }

    [Theory]
    [InlineData("abc", -2, 1, "b")]
    [InlineData("abcdef", 1, -1, "bcde")]
    [InlineData("abcdef", -10, 2, "ab")]
    [InlineData("abcdef", 2, int.MaxValue, "cdef")]
    [InlineData("abcdef", 10, int.MaxValue, "")]
    [InlineData("abcdef", 2, -10, "")]
    [InlineData("abcdef", -2, -1, "e")]
    [InlineData("abcdef", -3, int.MaxValue, "def")]
    [InlineData("abcdef", 0, 0, "")]
    [InlineData("abc", 1, 0, "")]
    [InlineData("hello", 2, 100, "llo")]
    [InlineData("abcdef", int.MinValue, int.MaxValue, "abcdef")]
    [InlineData("abcdef", int.MaxValue, int.MaxValue, "")]
    [InlineData("abcdef", 3, int.MinValue, "")]
    public void SubstrFollowsHaxe(string s, int pos, int len, string expected) =>
        Assert.Equal(expected, Text(StringMethods.Substr(Str(s), pos, len)));

    [Theory]
    [InlineData("abcdef", -1, 3, "abc")]
    [InlineData("abcdef", 4, 1, "bcd")]
    [InlineData("abcdef", 2, 100, "cdef")]
    [InlineData("abcdef", 10, 2, "cdef")]
    [InlineData("abcdef", 2, int.MaxValue, "cdef")]
    [InlineData("abc", 2, -1, "ab")]
    [InlineData("abc", 1, 1, "")]
    [InlineData("abc", int.MinValue, int.MaxValue, "abc")]
    public void SubstringFollowsHaxe(string s, int start, int end, string expected) =>
        Assert.Equal(expected, Text(StringMethods.Substring(Str(s), start, end)));

    [Fact]
    public void WholeStringResultsAreTheReceiver()
    {
        HString* s = Str("abc");
        Assert.True(StringMethods.Substr(s, 0, int.MaxValue) == s);
        Assert.True(StringMethods.Substring(s, 0, int.MaxValue) == s);
        Assert.True(StringMethods.ToUpper(Str("ABC1")) is var u && Text(u) == "ABC1");
        HString* upper = Str("ABC");
        Assert.True(StringMethods.ToUpper(upper) == upper);
    }

    [Theory]
    [InlineData("the cat sat on the mat", "the", int.MinValue, 0)]
    [InlineData("the cat sat on the mat", "the", 1, 15)]
    [InlineData("the cat sat on the mat", "dog", int.MinValue, -1)]
    [InlineData("abc", "", 10, 3)]
    [InlineData("abc", "", 3, 3)]
    [InlineData("abc", "", 2, 2)]
    [InlineData("abc", "", -5, 0)]
    [InlineData("abc", "", int.MinValue, 0)]
    [InlineData("abc", "c", -1, 2)]
    [InlineData("abc", "b", -10, 1)]
    [InlineData("abc", "c", 3, -1)]
    [InlineData("abc", "bc", 2, -1)]
    [InlineData("abcabc", "b", 2, 4)]
    [InlineData("", "", int.MinValue, 0)]
    [InlineData("ab", "abc", int.MinValue, -1)]
    [InlineData("a\u00e9b", "b", int.MinValue, 2)]
    public void IndexOfFollowsHaxe(string s, string needle, int from, int expected) =>
        Assert.Equal(expected, StringMethods.IndexOf(Str(s), Str(needle), from));

    [Theory]
    [InlineData("abcabc", "b", 3, 1)]
    [InlineData("abcabc", "b", 0, -1)]
    [InlineData("abcabc", "b", -1, -1)]
    [InlineData("abcabc", "b", 100, 4)]
    [InlineData("abcabc", "b", int.MinValue, 4)]
    [InlineData("abcabc", "", int.MinValue, 6)]
    [InlineData("abcabc", "", 2, 2)]
    [InlineData("abcabc", "", 100, 6)]
    [InlineData("abcabc", "", -1, 0)]
    [InlineData("abcabc", "a", -1, -1)]
    [InlineData("abcabc", "a", 0, 0)]
    [InlineData("abcabc", "bc", 4, 4)]
    [InlineData("abcabc", "bc", 5, 4)]
    [InlineData("abcabc", "bc", 3, 1)]
    [InlineData("abc", "abcd", int.MinValue, -1)]
    [InlineData("", "", int.MinValue, 0)]
    [InlineData("the cat sat on the mat with the hat", "the", 27, 15)]
    [InlineData("the cat sat on the mat with the hat", "at", 5, 5)]
    [InlineData("\u00e9a\u00e9", "\u00e9", int.MinValue, 2)]
    public void LastIndexOfFollowsHaxe(string s, string needle, int from, int expected) =>
        Assert.Equal(expected, StringMethods.LastIndexOf(Str(s), Str(needle), from));

    [Fact]
    public void NullNeedleReadsAsNull()
    {
        Assert.Equal(1, StringMethods.IndexOf(Str("anullb"), null, int.MinValue));
        Assert.Equal(1, StringMethods.LastIndexOf(Str("anullb"), null, int.MinValue));
    }

    [Theory]
    [InlineData("abc", "", new[] { "a", "b", "c" })]
    [InlineData("a,b,,c", ",", new[] { "a", "b", "", "c" })]
    [InlineData("", ",", new[] { "" })]
    [InlineData("", "", new string[0])]
    [InlineData("abc", "abc", new[] { "", "" })]
    [InlineData(",a,", ",", new[] { "", "a", "" })]
    [InlineData("a", "a", new[] { "", "" })]
    [InlineData("aa", "a", new[] { "", "", "" })]
    [InlineData("abcbd", "b", new[] { "a", "c", "d" })]
    [InlineData("a\u00e9b", "", new[] { "a", "\u00e9", "b" })]
    [InlineData("no separator", ";", new[] { "no separator" })]
    [InlineData("one::two::", "::", new[] { "one", "two", "" })]
    [InlineData("to be or not to be", " ", new[] { "to", "be", "or", "not", "to", "be" })]
    public void SplitFollowsHaxe(string s, string sep, string[] expected)
    {
        HArray* parts = StringMethods.Split(Str(s), Str(sep));
        Assert.Equal(ElemKind.Ptr, parts->ElemKind);
        Assert.True(parts->Td == Builtins->Array);
        Assert.Equal(expected, StringsOf(parts));
    }

    /// A one-unit needle (searched unit by unit in the first 32 units, then by the library): every
    /// length, position and start (also a second occurrence, and one before the start).
    [Fact]
    public void OneUnitSearchFindsTheFirstAtEveryPlace()
    {
        for (int n = 0; n <= 40; n++)
            for (int at = -1; at < n; at++)
                for (int from = 0; from <= Math.Min(n, 3); from++)
                {
                    var chars = new string('a', n).ToCharArray();
                    if (at >= 0) chars[at] = ',';
                    if (at >= 0 && at + 9 < n) chars[at + 9] = ',';
                    if (n > 0) chars[0] = at == 0 ? ',' : '\u012c'; // same low byte as ','
                    var s = new string(chars);
                    Assert.Equal(s.IndexOf(',', from), StringMethods.IndexOf(Str(s), Str(","), from));
                }
    }

    /// The pieces a loop over `s.split(literal)` takes one at a time (Lowerer.LowerForSplit): from 0,
    /// each ending at a separator or the end, the next one after the separator, until one reaches
    /// the end; they are split's pieces.
    [Theory]
    [InlineData("a,b,,c", ",")]
    [InlineData("", ",")]
    [InlineData("abc", "abc")]
    [InlineData(",a,", ",")]
    [InlineData("aa", "a")]
    [InlineData("aaa", "aa")]
    [InlineData("one::two::", "::")]
    [InlineData("no separator", ";")]
    [InlineData("to be or not to be", " ")]
    [InlineData("h\u00e9 w\u00f6rld", " ")]
    public void SplitPiecesAreSplitsPieces(string s, string sep)
    {
        HString* str = Str(s), sepStr = Str(sep);
        var pieces = new List<string>();
        for (int pos = 0; ; pos += sep.Length)
        {
            HString* piece = StringMethods.SplitPiece(str, sepStr, pos);
            pieces.Add(Text(piece));
            pos += piece->Length;
            if (pos == s.Length)
                break;
        }
        Assert.Equal(StringsOf(StringMethods.Split(str, sepStr)), pieces);
    }

    [Fact]
    public void SplitThenJoinRoundTrips()
    {
        HString* s = Str("name=haxe;version=4.2.5;;x");
        HArray* parts = StringMethods.Split(s, Str(";"));
        Assert.Equal("[name=haxe,version=4.2.5,,x]", Show(parts));
        Assert.Equal("name=haxe;version=4.2.5;;x", Text(ArrayOps.Join(parts, Str(";"))));
    }

    [Theory]
    [InlineData("AbC\u00e9", "ABC\u00c9", "abc\u00e9")]
    [InlineData("x\u00df\u0131", "X\u00dfI", "x\u00df\u0131")]
    [InlineData("\u0130\u017f", "\u0130S", "i\u017f")]
    [InlineData("\u03a3\u03c3", "\u03a3\u03a3", "\u03c3\u03c3")]
    [InlineData("\u0430\u0411", "\u0410\u0411", "\u0430\u0431")]
    [InlineData("hello, World 42!", "HELLO, WORLD 42!", "hello, world 42!")]
    [InlineData("\U0001F600a", "\U0001F600A", "\U0001F600a")]
    [InlineData("", "", "")]
    public void CaseMappingIsPerCodeUnit(string s, string upper, string lower)
    {
        Assert.Equal(upper, Text(StringMethods.ToUpper(Str(s))));
        Assert.Equal(lower, Text(StringMethods.ToLower(Str(s))));
    }

    [Fact]
    public void FromCharCode()
    {
        _ = Builtins;
        Assert.Equal("A", Text(StringMethods.FromCharCode(0x41)));
        Assert.Equal("\u263A", Text(StringMethods.FromCharCode(0x263A)));
        Assert.Equal("\u4E2D", Text(StringMethods.FromCharCode(0x4E2D)));
        Assert.Equal("\U0001F600", Text(StringMethods.FromCharCode(0x1F600)));
        Assert.Equal(2, StringMethods.FromCharCode(0x1F600)->Length);
        Assert.Equal("\U0010FFFF", Text(StringMethods.FromCharCode(0x10FFFF)));
        Assert.Equal(1, StringMethods.FromCharCode(0xD800)->Length);
        Assert.Equal("\0", Text(StringMethods.FromCharCode(0)));
        Assert.Equal("\uFFFD", Text(StringMethods.FromCharCode(-1)));
        Assert.Equal("\uFFFD", Text(StringMethods.FromCharCode(0x110000)));
    }

    [Fact]
    public void HashIsByContentNeverZeroAndCached()
    {
        HString* a = Str("hello"), b = Str("hello");
        int h = StringMethods.Hash(a);
        Assert.NotEqual(0, h);
        Assert.Equal(h, StringMethods.Hash(b));
        Assert.Equal(h, a->Hash);
        Assert.Equal(h, StringMethods.ComputeHash("hello"));
        Assert.NotEqual(h, StringMethods.Hash(Str("hellp")));
        Assert.NotEqual(0, StringMethods.Hash(Str("")));
        Assert.Equal(0, StringMethods.Hash(null));
        // a stored hash is trusted (the compiler may precompute it for literals)
        HString* c = Str("x");
        c->Hash = 12345;
        Assert.Equal(12345, StringMethods.Hash(c));
        // spread: 10000 keys, few collisions in the low 16 bits
        var low = new HashSet<int>();
        for (int i = 0; i < 10000; i++)
            low.Add(StringMethods.ComputeHash("key" + i) & 0xFFFF);
        Assert.True(low.Count > 9000, $"{low.Count} distinct low halves");
    }

    [Fact]
    public void HashMatchesTheDocumentedFunction()
    {
        // FNV-1a 32 over the code units, then the MurmurHash3 finalizer (docs/abi.md)
        static int Reference(string s)
        {
            uint h = 2166136261;
            foreach (char c in s)
                h = (h ^ c) * 16777619;
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h == 0 ? 1 : (int)h;
        }
        foreach (string s in new[] { "", "a", "hello", "\u00e9\U0001F600" })
            Assert.Equal(Reference(s), StringMethods.ComputeHash(s));
    }
}
