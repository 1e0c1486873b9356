using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Regex;

/// <summary>The logic behind the rz_regex_* exports (docs/abi.md, EReg): compile a pattern, run it.
/// Errors are Haxe exceptions (String messages, HashLink's wording).</summary>
public static unsafe class RegexOps
{
    /// <summary>The compiled program of <paramref name="pattern"/>; throws on an invalid pattern or
    /// option.</summary>
    public static HString* Compile(HString* pattern, HString* options)
    {
        if (pattern == null)
            Fail.NullAccess();
        string? error;
        HString* code = TryCompile(pattern, options, out error);
        if (code == null)
            Traps.Throw(error == "option" ? OptionError(options) : Message("Regexp compilation error : ", error!, " in ", HString.Chars(pattern)));
        return code;
    }

    /// <summary><see cref="Compile"/> without throwing: null and the error message (PCRE2's wording),
    /// or "option" for an unknown option letter.</summary>
    public static HString* TryCompile(HString* pattern, HString* options, out string? error)
    {
        int bad = -1;
        int flags = options == null ? 0 : RegexCompiler.ParseOptions(HString.Chars(options), out bad);
        if (bad >= 0)
        {
            error = "option";
            return null;
        }
        return RegexCompiler.Compile(HString.Chars(pattern), flags, out error);
    }

    private static HString* OptionError(HString* options)
    {
        RegexCompiler.ParseOptions(HString.Chars(options), out int bad);
        char c = (char)bad;
        return Message("Unsupported regexp option '", new ReadOnlySpan<char>(&c, 1), "'", "");
    }

    /// <summary>Capture groups of <paramref name="code"/>, the whole match (group 0) included.</summary>
    public static int Groups(HString* code)
    {
        if (code == null)
            Fail.NullAccess();
        fixed (char* p = HString.Chars(code))
            return RegexMatcher.GroupCount((int*)p);
    }

    /// <summary>
    /// Searches <paramref name="s"/> from <paramref name="pos"/> within its first pos+len units
    /// (HashLink's regexp_match); on a match, stores start/end of every group (-1: unset) in
    /// <paramref name="caps"/>, an Array&lt;Int&gt; grown to 2 × groups. An out-of-range window matches
    /// nothing; a runaway match throws.
    /// </summary>
    public static bool Exec(HString* code, HString* s, int pos, int len, HArray* caps)
    {
        if (code == null || s == null || caps == null)
            Fail.NullAccess();
        if (pos < 0 || len < 0 || pos > s->Length || len > s->Length - pos)
            return false;
        int* prog = (int*)((byte*)code + HString.CharsOffset);
        int groups = RegexMatcher.GroupCount(prog);
        if (caps->ElemKind != ElemKind.I32)
            Traps.Throw(Message("EReg: capture positions need an Array<Int>", "", "", ""));
        if (caps->Length < 2 * groups)
            ArrayOps.Resize(caps, 2 * groups);
        int r = RegexMatcher.Exec(prog, (char*)((byte*)s + HString.CharsOffset), pos, pos + len, (int*)caps->Data);
        if (r < 0)
            Traps.Throw(Message("An error occurred while running the regular expression: ",
                r == RegexMatcher.LimitExceeded ? "backtracking limit exceeded" : "backtracking stack exhausted", "", ""));
        return r == RegexMatcher.Matched;
    }

    private static HString* Message(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c, ReadOnlySpan<char> d)
    {
        HString* m = HString.Allocate(a.Length + b.Length + c.Length + d.Length);
        Span<char> dst = HString.Chars(m);
        a.CopyTo(dst);
        b.CopyTo(dst[a.Length..]);
        c.CopyTo(dst[(a.Length + b.Length)..]);
        d.CopyTo(dst[(a.Length + b.Length + c.Length)..]);
        return m;
    }
}
