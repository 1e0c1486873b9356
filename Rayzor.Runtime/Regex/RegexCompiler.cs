using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Regex;

/// <summary>
/// Compiles a PCRE-style pattern (the subset Haxe code uses, README) into a <see cref="RegexCode"/>
/// program by recursive descent, emitting into GC memory (an error simply abandons it). Nesting is
/// bounded, so the parser's own recursion is too. No managed allocation: errors are string literals.
/// </summary>
internal unsafe ref partial struct RegexCompiler
{
    private const int MaxCode = 1 << 20;   // ints; PCRE2's default limit is of the same order
    private const int MaxDepth = 250;      // PCRE2's parentheses nesting limit
    private const int MaxGroups = 65535;
    private const int MaxCount = 65535;    // largest {n,m}

    // pattern flags
    private const int FIgnoreCase = 1, FMultiline = 2, FDotAll = 4;

    private readonly char* _pat;
    private readonly int _len;
    private int _pos;
    private int* _code;
    private int _n;
    private int _cap;
    private int _flags;
    private int _groups;      // capture groups opened so far (group 0 excluded)
    private int _loopRegs;
    private int _maxBackref;
    private int _depth;
    private int _required = -1;   // a literal unit outside groups and optional parts
    private bool _topAlternation;
    private string? _error;

    private RegexCompiler(char* pat, int len, int flags)
    {
        _pat = pat;
        _len = len;
        _flags = flags;
        _cap = 64;
        _code = (int*)Heap.AllocAtomic((nuint)_cap * 4);
    }

    /// <summary>
    /// The program for <paramref name="pattern"/> (<paramref name="flags"/>: <see cref="ParseOptions"/>),
    /// packed into a String's code units; null with a PCRE-style <paramref name="error"/> when the
    /// pattern is invalid.
    /// </summary>
    public static HString* Compile(ReadOnlySpan<char> pattern, int flags, out string? error)
    {
        fixed (char* p = pattern)
        {
            var c = new RegexCompiler(p, pattern.Length, flags);
            return c.Run(out error);
        }
    }

    /// <summary>EReg's option letters as pattern flags (g is EReg's own business, u is implied:
    /// strings are UTF-16); the first unknown letter in <paramref name="bad"/>, else -1.</summary>
    public static int ParseOptions(ReadOnlySpan<char> options, out int bad)
    {
        int flags = 0;
        bad = -1;
        foreach (char o in options)
        {
            switch (o)
            {
                case 'i': flags |= FIgnoreCase; break;
                case 'm': flags |= FMultiline; break;
                case 's': flags |= FDotAll; break;
                case 'u' or 'g': break;
                default:
                    bad = o;
                    return flags;
            }
        }
        return flags;
    }

    private HString* Run(out string? error)
    {
        for (int i = 0; i < RegexCode.HeaderSize; i++)
            Emit(0);
        if (ParseAlternation(out _) && _pos < _len)
            Fail("unmatched closing parenthesis"); // the only thing that stops the top level early
        if (_error == null && _maxBackref > _groups)
            Fail("reference to non-existent subpattern");
        Emit(RegexCode.Match);
        if (_error != null)
        {
            error = _error;
            return null;
        }
        _code[RegexCode.HeaderGroups] = _groups + 1;
        _code[RegexCode.HeaderLoopRegs] = _loopRegs;
        int first = _code[RegexCode.HeaderSize];
        _code[RegexCode.HeaderFlags] = first is RegexCode.Bol or RegexCode.Bos ? RegexCode.FlagAnchored : 0;
        _code[RegexCode.HeaderRequired] = _topAlternation ? -1 : _required;
        Possessify();
        HString* s = HString.Allocate(_n * 2);
        new ReadOnlySpan<int>(_code, _n).CopyTo(MemoryMarshal.Cast<char, int>(HString.Chars(s)));
        error = null;
        return s;
    }

    /// <summary>Records the first error; parsing unwinds through the false returns.</summary>
    private bool Fail(string message)
    {
        _error ??= message;
        return false;
    }

    private bool More => _pos < _len && _error == null;

    private char Peek(int k = 0) => _pos + k < _len ? _pat[_pos + k] : '\0';

    private void Reserve(int extra)
    {
        if (_n + extra <= _cap)
            return;
        // quantifiers check their expansion before emitting it, so past the limit only a few more
        // ints come before the parse unwinds
        if (_n + extra > MaxCode)
            Fail("regular expression is too large");
        int cap = _cap;
        while (cap < _n + extra)
            cap *= 2;
        var code = (int*)Heap.AllocAtomic((nuint)cap * 4);
        new ReadOnlySpan<int>(_code, _n).CopyTo(new Span<int>(code, cap));
        _code = code;
        _cap = cap;
    }

    private void Emit(int a)
    {
        Reserve(1);
        _code[_n++] = a;
    }

    private void Emit(int a, int b)
    {
        Reserve(2);
        _code[_n++] = a;
        _code[_n++] = b;
    }

    private void Emit(int a, int b, int c)
    {
        Reserve(3);
        _code[_n++] = a;
        _code[_n++] = b;
        _code[_n++] = c;
    }

    /// <summary>Opens <paramref name="count"/> ints at <paramref name="at"/>, shifting the code after
    /// it (relative jumps inside the shifted code stay valid).</summary>
    private void Insert(int at, int count)
    {
        Reserve(count);
        new ReadOnlySpan<int>(_code + at, _n - at).CopyTo(new Span<int>(_code + at + count, _n - at));
        _n += count;
    }
}
