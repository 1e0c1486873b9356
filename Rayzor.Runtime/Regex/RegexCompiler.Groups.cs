namespace Rayzor.Runtime.Regex;

internal unsafe ref partial struct RegexCompiler
{
    /// <summary>
    /// <c>a|b|c</c> up to the closing parenthesis or the end: <c>Split(a, next) a Jmp(end) Split(b, next)
    /// b Jmp(end) c</c>. <paramref name="width"/>: the fixed length of every branch, or -1.
    /// </summary>
    private bool ParseAlternation(out int width)
    {
        int altStart = _n;
        int chain = -1; // the Jmp(end) placeholders, linked through their operands
        if (!ParseSequence(out width))
            return false;
        while (More && Peek() == '|')
        {
            _pos++;
            if (_depth == 0)
                _topAlternation = true;
            Insert(altStart, 3);
            _code[altStart] = RegexCode.Split;
            _code[altStart + 1] = 3;
            Emit(RegexCode.Jmp, chain);
            chain = _n - 2;
            _code[altStart + 2] = _n - altStart;
            altStart = _n;
            if (!ParseSequence(out int w))
                return false;
            if (w != width)
                width = -1;
        }
        while (chain >= 0)
        {
            int next = _code[chain + 1];
            _code[chain + 1] = _n - chain;
            chain = next;
        }
        return _error == null;
    }

    /// <summary>Quantified atoms up to <c>|</c>, <c>)</c> or the end.</summary>
    private bool ParseSequence(out int width)
    {
        width = 0;
        while (More && Peek() != '|' && Peek() != ')')
        {
            if (!ParseQuantifiedAtom(out int w))
                return false;
            width = width < 0 || w < 0 ? -1 : width + w;
        }
        return _error == null;
    }

    /// <summary>After <c>(</c>: a group of any kind, or an option setting such as <c>(?i)</c>
    /// (<paramref name="repeatable"/> false, nothing emitted).</summary>
    private bool ParseGroup(out int width, out bool repeatable)
    {
        width = 0;
        repeatable = true;
        if (++_depth > MaxDepth)
            return Fail("parentheses are too deeply nested");
        int savedFlags = _flags;
        bool ok;
        if (Peek() != '?')
            ok = ParseCapture(out width);
        else
        {
            _pos++;
            char k = Peek();
            switch (k)
            {
                case ':':
                    _pos++;
                    ok = ParseAlternation(out width) && Close();
                    break;
                case '=' or '!':
                    _pos++;
                    ok = ParseLook(k == '=' ? RegexCode.Ahead : RegexCode.NotAhead);
                    repeatable = false;
                    width = 0;
                    break;
                case '>':
                    _pos++;
                    ok = ParseLook(RegexCode.Atomic, out width);
                    break;
                case '<' when Peek(1) is '=' or '!':
                    _pos += 2;
                    ok = ParseLook(Peek(-1) == '=' ? RegexCode.Behind : RegexCode.NotBehind);
                    repeatable = false;
                    width = 0;
                    break;
                case '<' or '\'' or 'P':
                    ok = SkipGroupName() && ParseCapture(out width);
                    break;
                case '#':
                    while (_pos < _len && _pat[_pos] != ')')
                        _pos++;
                    ok = _pos < _len ? Close() : Fail("missing ) after (?# comment");
                    repeatable = false;
                    break;
                default:
                    ok = ParseOptionSetting(savedFlags, out bool scoped);
                    if (ok && scoped)
                        ok = ParseAlternation(out width) && Close();
                    else
                    {
                        repeatable = false;
                        _depth--;
                        return ok; // (?i): the options stay on to the end of the enclosing group
                    }
                    break;
            }
        }
        _flags = savedFlags;
        _depth--;
        return ok;
    }

    private bool Close()
    {
        if (_pos >= _len || _pat[_pos] != ')')
            return Fail("missing closing parenthesis");
        _pos++;
        return true;
    }

    private bool ParseCapture(out int width)
    {
        width = -1;
        if (_groups >= MaxGroups)
            return Fail("too many capturing groups");
        int g = ++_groups;
        Emit(RegexCode.Open, g);
        if (!ParseAlternation(out width) || !Close())
            return false;
        Emit(RegexCode.Close, g);
        return true;
    }

    /// <summary><c>&lt;name&gt;</c>, <c>'name'</c> or <c>P&lt;name&gt;</c>: named groups are numbered
    /// like the others (EReg reads groups by number only).</summary>
    private bool SkipGroupName()
    {
        if (Peek() == 'P')
        {
            _pos++;
            if (Peek() != '<')
                return Fail("unrecognized character after (?P");
        }
        char end = Peek() == '\'' ? '\'' : '>';
        _pos++;
        int start = _pos;
        while (_pos < _len && RegexChars.IsWord(_pat[_pos]))
            _pos++;
        if (_pos == start || RegexChars.IsDigit(_pat[start]))
            return Fail("subpattern name expected");
        if (Peek() != end)
            return Fail("syntax error in subpattern name (missing terminator?)");
        _pos++;
        return true;
    }

    private bool ParseLook(int kind) => ParseLook(kind, out _);

    /// <summary>Lookahead, lookbehind (fixed length) or atomic group: <c>Look(kind, end, width) body
    /// LookEnd</c>.</summary>
    private bool ParseLook(int kind, out int width)
    {
        int start = _n;
        Emit(RegexCode.Look, kind, 0);
        Emit(0);
        if (!ParseAlternation(out width) || !Close())
            return false;
        if (kind is RegexCode.Behind or RegexCode.NotBehind)
        {
            if (width < 0)
                return Fail("lookbehind assertion is not fixed length");
            _code[start + 3] = width;
        }
        Emit(RegexCode.LookEnd);
        _code[start + 2] = _n - start;
        return true;
    }

    /// <summary><c>(?imsx-imsx)</c> or <c>(?i:</c>; <paramref name="scoped"/> for the latter.</summary>
    private bool ParseOptionSetting(int savedFlags, out bool scoped)
    {
        scoped = false;
        bool negate = false;
        int flags = _flags;
        while (_pos < _len)
        {
            char c = _pat[_pos++];
            int bit = c switch { 'i' => FIgnoreCase, 'm' => FMultiline, 's' => FDotAll, _ => 0 };
            if (bit != 0)
                flags = negate ? flags & ~bit : flags | bit;
            else if (c == '-' && !negate)
                negate = true;
            else if (c is ')' or ':')
            {
                _flags = flags;
                scoped = c == ':';
                return true;
            }
            else
                return Fail("unrecognized character after (? or (?-");
        }
        _flags = savedFlags;
        return Fail("missing closing parenthesis");
    }
}
