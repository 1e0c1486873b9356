using System.Text;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Regex;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestRuntime;
using Net = System.Text.RegularExpressions;

namespace Rayzor.Runtime.Tests;

/// <summary>The runtime's regex engine (Rayzor.Runtime/Regex) against .NET's Regex as an oracle on
/// the syntax both share, and against PCRE's behaviour (Haxe 4.2.5's reference interpreter) where
/// .NET differs.</summary>
public unsafe class RegexTests
{
    private static HString* Compile(string pattern, string options = "")
    {
        HString* code = RegexOps.TryCompile(Str(pattern), Str(options), out string? error);
        Assert.True(code != null, $"/{pattern}/{options}: {error}");
        return code;
    }

    private static string? CompileError(string pattern, string options = "")
    {
        HString* code = RegexOps.TryCompile(Str(pattern), Str(options), out string? error);
        return code == null ? error : null;
    }

    /// <summary>Runs like EReg.matchSub: "group:start-end ..." or "no match" (or the error).</summary>
    private static string Exec(HString* code, string input, int pos = 0, int len = -1)
    {
        if (len < 0)
            len = input.Length - pos;
        int* prog = (int*)((byte*)code + HString.CharsOffset);
        int groups = RegexMatcher.GroupCount(prog);
        var caps = new int[2 * groups];
        int r;
        fixed (char* s = input)
        fixed (int* c = caps)
            r = RegexMatcher.Exec(prog, s, pos, pos + len, c);
        if (r == RegexMatcher.NoMatch)
            return "no match";
        if (r != RegexMatcher.Matched)
            return r == RegexMatcher.LimitExceeded ? "limit" : "stack";
        var sb = new StringBuilder();
        for (int g = 0; g < groups; g++)
            sb.Append(g == 0 ? "" : " ").Append(caps[2 * g] < 0 ? "-" : $"{caps[2 * g]}-{caps[2 * g + 1]}");
        return sb.ToString();
    }

    private static string Ours(string pattern, string options, string input, int pos = 0, int len = -1) =>
        Exec(Compile(pattern, options), input, pos, len);

    /// <summary>.NET's answer, or null where it is known to differ from PCRE: a multiline ^ after a
    /// newline that ends the subject (PCRE: no match there), and results past the end of the input
    /// (a .NET bug seen on patterns like <c>(...)$|b*\w</c>).</summary>
    private static string? Oracle(string pattern, string options, string input, int pos = 0, int len = -1)
    {
        if (len < 0)
            len = input.Length - pos;
        if (options.Contains('m') && pattern.Contains('^') && input[..(pos + len)].EndsWith('\n'))
            return null;
        var o = Net.RegexOptions.CultureInvariant;
        if (options.Contains('i')) o |= Net.RegexOptions.IgnoreCase;
        if (options.Contains('m')) o |= Net.RegexOptions.Multiline;
        if (options.Contains('s')) o |= Net.RegexOptions.Singleline;
        var m = new Net.Regex(pattern, o).Match(input[..(pos + len)], pos);
        if (!m.Success)
            return "no match";
        if (m.Index + m.Length > pos + len)
            return null;
        // and where its search is not self-consistent: the leftmost position an anchored search
        // matches at must be where the search matched (.NET bug with patterns like `(...)$|b*\w`)
        var anchored = new Net.Regex("\\G(?:" + pattern + ")", o);
        for (int p = pos; p < m.Index; p++)
            if (anchored.Match(input[..(pos + len)], p).Success)
                return null;
        var sb = new StringBuilder();
        for (int g = 0; g < m.Groups.Count; g++)
        {
            var grp = m.Groups[g];
            sb.Append(g == 0 ? "" : " ").Append(grp.Success ? $"{grp.Index}-{grp.Index + grp.Length}" : "-");
        }
        return sb.ToString();
    }

    private static readonly string[] Patterns =
    [
        "abc", "a|b|c", "ab+c", "ab*c", "ab?c", "a.c", "^abc", "abc$", "^$", "a{2}", "a{2,}", "a{1,3}",
        "a{0,2}b", "(a)(b)?(c)", "(a|ab)(c|bcd)(d*)", "(a+)(b+)?", "(?:ab)+", "(ab)*c", "((a)|b)+",
        "[abc]+", "[^abc]+", "[a-c]+x", "[-a]+", "[a-]+", "[]a]+", "[^]a]", "[\\]\\\\]+", "\\d+", "\\D+",
        "\\w+", "\\W+", "\\s+", "\\S+", "[\\d\\s]+", "[^\\w]+", "\\bfoo\\b", "\\Boo\\B", "a*?b", "a+?",
        "(a+?)(a*)", "(a*?)(a*?)b", "a{2,3}?", "(\\w+)\\s+\\1", "(a)|\\1b", "(?=ab)a", "(?!ab)a.", "a(?=c)",
        "a(?!b)", "(?=(a+))a*b\\1", "x*", "(x*)*y", "(a|)*b", "(a*)+b", "(a*)*", "(|a)+", "(?:a|b)*?c",
        "[a-z]+@[a-z]+\\.com", "(\\d{4})-(\\d{2})-(\\d{2})", "\\x41\\u0043", "\\t\\n", "a\\.b",
        "\\(\\)", "[\\t ]+", "(?:(a)|(b))+", "(a)(?:b(c))?d", "^(a|b)*?$", "((ab)|(a))+", "a.*b", "a.*?b",
        ".*", ".+?", "(.)\\1", "(.)(.)\\2\\1", "^.*$", "a$|b", "(?<=a)b", "(?<!a)b", "(?<=ab|cd)e",
        "(?>a+)b", "(?>a|ab)c", "(?i)ab", "a(?i)b", "(?i:a)b", "x(?#comment)y",
        "(?<name>a)b", "[a-c-e]+", "[\\w.]+", "[.]", "\\$\\^", "a{x}", "\\0", "[\\b]",
    ];

    private static readonly string[] Inputs =
    [
        "", "a", "abc", "xabcx", "aabbcc", "abcabc", "ab", "ac", "abbbc", "aaa", "foo bar foo", "xfoox",
        "abab cdcd", "a a b b", "2024-01-15 and 1999-12-31", "user@example.com", "ABC abc AbC",
        "line1\nline2\n", "\n", "tab\there", "aaab", "aaaaac", "ba", "bab", "cab", "xyz", "abcd",
        "ABc", "a.b (c) $^", "a{,2}", "a{x}", "]]\\", "--a", "oo", "aa bb", "bcde", "ee cde abe",
    ];

    public static TheoryData<string> PatternData()
    {
        var d = new TheoryData<string>();
        foreach (var p in Patterns)
            d.Add(p);
        return d;
    }

    [Theory]
    [MemberData(nameof(PatternData))]
    public void AgreesWithDotNetOnEveryInput(string pattern)
    {
        foreach (var options in new[] { "", "i", "m", "s", "im" })
            foreach (var input in Inputs)
                for (int pos = 0; pos <= Math.Min(input.Length, 3); pos++)
                    Assert.True(Oracle(pattern, options, input, pos) is not { } expected || expected == Ours(pattern, options, input, pos),
                        $"/{pattern}/{options} on \"{input}\" from {pos}: .NET {Oracle(pattern, options, input, pos)}, ours {Ours(pattern, options, input, pos)}");
    }

    [Fact]
    public void AgreesWithDotNetOnRandomPatterns()
    {
        var rnd = new Random(1234);
        string[] inputs = ["", "a", "ab", "ba", "abc", "aab", "abab", "abba", "cabbac", "aaaa", "bcbcb", "a b", "ab\nba", "acbca"];
        int checkedCount = 0;
        for (int i = 0; i < 3000; i++)
        {
            string pattern = RandomPattern(rnd, 3, out _);
            string options = rnd.Next(4) switch { 0 => "i", 1 => "m", 2 => "s", _ => "" };
            foreach (var input in inputs)
            {
                string? expected;
                try { expected = Oracle(pattern, options, input); }
                catch (Exception) { break; } // a pattern .NET rejects (or crashes on: IndexOutOfRange seen)
                if (expected == null)
                    continue;
                Assert.True(expected == Ours(pattern, options, input),
                    $"/{pattern}/{options} on \"{input.Replace("\n", "\\n")}\": .NET {expected}, ours {Ours(pattern, options, input)}");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 25000);
    }

    [Theory]
    // expectations from Haxe 4.2.5's interpreter (PCRE) where .NET differs or lacks the syntax
    [InlineData("^$", "m", "a\n", "no match")]            // no line start after a final newline
    [InlineData("^b", "m", "a\nb\n", "2-3")]
    [InlineData("a$", "", "ba\n", "1-2")]                  // $ before a final newline
    [InlineData("a$", "", "a\nb", "no match")]
    [InlineData("a*+a", "", "aaa", "no match")]            // possessive
    [InlineData("a++b", "", "aab", "0-3")]
    [InlineData("(?:ab)*+b", "", "ababb", "0-5")]
    [InlineData("a{,2}", "", "a{,2}", "0-5")]              // not a quantifier: literal
    [InlineData("\\x{42}\\x41", "", "BA", "0-2")]
    [InlineData("(a)|b", "", "b", "0-1 -")]
    [InlineData("(a\\1?)+", "", "aaa", "0-3 1-3")]          // a group in progress refers to its previous value
    [InlineData("(((?:\\2aa|$b{0,})?)+?)[^a]", "", "aab", "2-3 2-2 2-2")] // an empty iteration ends a loop
    [InlineData("\\bfoo", "", "xfoo", "no match")]
    [InlineData("[[:x]+", "", "[:x", "0-3")]
    [InlineData("\\h+\\v", "", "a \t\n", "1-4")]
    [InlineData("\\Qa.b\\E", "", "xa.b", "1-4")]
    [InlineData("x\\Z", "", "x\n", "0-1")]
    [InlineData("x\\z", "", "x\n", "no match")]
    [InlineData("(?s).(?-s).", "", "\n\n", "no match")]
    [InlineData("(?i:A)a", "", "aA", "no match")]
    public void FollowsPcre(string pattern, string options, string input, string expected) =>
        Assert.Equal(expected, Ours(pattern, options, input));

    [Fact]
    public void MatchSubSeesTextBeforePosButNothingAfterTheWindow()
    {
        Assert.Equal("1-2", Ours("b$", "", "abc", 0, 2));
        Assert.Equal("no match", Ours("c", "", "abc", 0, 2));
        Assert.Equal("no match", Ours("^b", "", "ab", 1));
        Assert.Equal("no match", Ours("\\bb", "", "ab", 1));
        Assert.Equal("1-2", Ours("(?<=a)b", "", "ab", 1));
    }

    [Theory]
    [InlineData("(a", "missing closing parenthesis")]
    [InlineData("a)", "unmatched closing parenthesis")]
    [InlineData("[b-a]", "range out of order in character class")]
    [InlineData("[a", "missing terminating ] for character class")]
    [InlineData("a**", "quantifier does not follow a repeatable item")]
    [InlineData("*a", "quantifier does not follow a repeatable item")]
    [InlineData("^*", "quantifier does not follow a repeatable item")]
    [InlineData("\\", "\\ at end of pattern")]
    [InlineData("\\2(a)", "reference to non-existent subpattern")]
    [InlineData("x{3,2}", "numbers out of order in {} quantifier")]
    [InlineData("x{70000}", "number too big in {} quantifier")]
    [InlineData("(?<=a+)b", "lookbehind assertion is not fixed length")]
    [InlineData("(?x)", "unrecognized character after (? or (?-")]
    [InlineData("\\p{L}", "unrecognized character follows \\")]
    [InlineData("[[:alpha:]]", "POSIX character classes are not supported")]
    [InlineData("\\u12", "\\u must be followed by four hexadecimal digits")]
    [InlineData("(?<1a>x)", "subpattern name expected")]
    [InlineData("(?#x", "missing ) after (?# comment")]
    [InlineData("((a|b){1000}){1000}", "regular expression is too large")]
    public void RejectsInvalidPatterns(string pattern, string error) => Assert.Equal(error, CompileError(pattern));

    [Fact]
    public void RejectsUnknownOptionsAndDeepNesting()
    {
        Assert.Equal("option", CompileError("a", "x"));
        Assert.Null(CompileError("a", "gimsu"));
        Assert.Equal("parentheses are too deeply nested", CompileError(new string('(', 300) + new string(')', 300)));
        Assert.Null(CompileError(new string('(', 200) + "a" + new string(')', 200)));
    }

    [Fact]
    public void CatastrophicPatternsStopAtTheStepLimit()
    {
        Assert.Equal("limit", Ours("^(a+)+$", "", new string('a', 40) + "!"));
        Assert.Equal("limit", Ours("(x+x+)+$", "", new string('x', 40) + "y"));
        Assert.Equal("no match", Ours("(x+x+)+y", "", new string('x', 40))); // no 'y' in the subject
        Assert.Equal("0-41 0-41", Ours("^(a+)+$", "", new string('a', 41)));
    }

    [Fact]
    public void LongSubjectsUseTheHeapStackNotRecursion()
    {
        string ab = string.Concat(Enumerable.Repeat("ab", 200_000));
        Assert.Equal("0-400000 399998-400000", Ours("(ab)*", "", ab));
        Assert.Equal("0-400000", Ours(".*", "", ab));
        Assert.Equal("0-400001", Ours("[ab]*c", "", ab + "c"));
        Assert.Equal("stack", Ours("(a|b)*$", "", string.Concat(Enumerable.Repeat("ab", 1_000_000)) + "!"));
        // [ab]* cannot give back to 'c': no backtracking (PCRE's auto-possessification)
        // (without it: 5e7 steps, over the limit)
        Assert.Equal("10001-10002", Ours("[ab]*c", "", string.Concat(Enumerable.Repeat("ab", 5000)) + "!c"));
    }

    /// <summary>The runtime never allocates managed memory (its throws longjmp over its frames):
    /// compiling and matching, errors included, allocate nothing on the managed heap.</summary>
    [Fact]
    public void AllocatesNoManagedMemory()
    {
        string[] patterns = ["(\\w+)@(\\w+)\\.com", "(?i)a(?=b)|[^\\d\\s]{2,}?", "(a|b)*?c\\1", "(?<=x)y+$", "(a", "[b-a]"];
        var hp = patterns.Select(p => (nint)Str(p)).ToArray();
        var subject = Str("xx Bob@mail.com ab abac xyyy");
        var options = Str("im");
        var caps = stackalloc int[64];
        void Run()
        {
            foreach (var p in hp)
            {
                HString* code = RegexOps.TryCompile((HString*)p, options, out _);
                if (code != null)
                    RegexMatcher.Exec((int*)((byte*)code + HString.CharsOffset), (char*)((byte*)subject + HString.CharsOffset), 0, subject->Length, caps);
            }
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
            Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>A random pattern over a, b, c with groups, classes, alternation, quantifiers,
    /// anchors, lookaheads and back references to groups already closed.</summary>
    private static string RandomPattern(Random rnd, int depth, out int groups)
    {
        var sb = new StringBuilder();
        groups = 0;
        Sequence(rnd, depth, sb, ref groups);
        if (rnd.Next(4) == 0)
        {
            sb.Append('|');
            Sequence(rnd, depth, sb, ref groups);
        }
        return sb.ToString();
    }

    private static void Sequence(Random rnd, int depth, StringBuilder sb, ref int groups)
    {
        int n = rnd.Next(1, 4);
        for (int i = 0; i < n; i++)
        {
            int k = rnd.Next(depth > 0 ? 16 : 9);
            bool repeatable = true;
            switch (k)
            {
                case 0 or 1 or 2: sb.Append("abc"[rnd.Next(3)]); break;
                case 3: sb.Append('.'); break;
                case 4: sb.Append(rnd.Next(2) == 0 ? "[ab]" : "[^a]"); break;
                case 5: sb.Append(rnd.Next(3) switch { 0 => "\\w", 1 => "\\s", _ => "\\W" }); break;
                case 6: sb.Append(rnd.Next(4) switch { 0 => "^", 1 => "$", 2 => "\\b", _ => "\\B" }); repeatable = false; break;
                case 7 when groups > 0: sb.Append('\\').Append(rnd.Next(1, groups + 1)); break;
                case 7 or 8: sb.Append('A'); break;
                case 9 or 10 or 11:
                {
                    sb.Append('(');
                    int open = groups + 1;
                    groups++;
                    SubAlternation(rnd, depth, sb, ref groups);
                    sb.Append(')');
                    break;
                }
                case 12 or 13:
                    sb.Append("(?:");
                    SubAlternation(rnd, depth, sb, ref groups);
                    sb.Append(')');
                    break;
                case 14:
                    sb.Append(rnd.Next(2) == 0 ? "(?=" : "(?!");
                    SubAlternation(rnd, depth, sb, ref groups);
                    sb.Append(')');
                    repeatable = false;
                    break;
                default:
                    sb.Append(rnd.Next(2) == 0 ? "(?>" : "(?:");
                    SubAlternation(rnd, depth, sb, ref groups);
                    sb.Append(')');
                    break;
            }
            if (repeatable && rnd.Next(3) == 0)
            {
                sb.Append(rnd.Next(7) switch { 0 => "*", 1 => "+", 2 => "?", 3 => "{2}", 4 => "{1,2}", 5 => "{0,}", _ => "{2,}" });
                if (rnd.Next(4) == 0)
                    sb.Append('?');
            }
        }
    }

    private static void SubAlternation(Random rnd, int depth, StringBuilder sb, ref int groups)
    {
        Sequence(rnd, depth - 1, sb, ref groups);
        if (rnd.Next(3) == 0)
        {
            sb.Append('|');
            Sequence(rnd, depth - 1, sb, ref groups);
        }
    }
}
