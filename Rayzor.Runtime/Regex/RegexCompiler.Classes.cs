namespace Rayzor.Runtime.Regex;

internal unsafe ref partial struct RegexCompiler
{
    /// <summary>After <c>[</c>: <c>Class(length, flags, count, (lo, hi)*)</c>.</summary>
    private bool ParseClass()
    {
        int start = _n;
        int flags = (_flags & FIgnoreCase) != 0 ? RegexCode.ClassIgnoreCase : 0;
        if (Peek() == '^')
        {
            _pos++;
            flags |= RegexCode.ClassNegated;
        }
        Emit(RegexCode.Class, 0, flags);
        Emit(0);
        int count = 0;
        bool first = true;
        while (true)
        {
            if (_pos >= _len)
                return Fail("missing terminating ] for character class");
            char c = _pat[_pos];
            if (c == ']' && !first)
            {
                _pos++;
                break;
            }
            first = false;
            if (c == '[' && Peek(1) is ':' or '=' or '.' && PosixClassEnds())
                return Fail("POSIX character classes are not supported");
            if (!ParseClassUnit(out int lo, out int set))
                return false;
            if (set != 0)
            {
                Emit(set, 0);
                count++;
                continue;
            }
            int hi = lo;
            if (Peek() == '-' && Peek(1) != ']' && _pos + 1 < _len)
            {
                int save = _pos;
                _pos++;
                if (!ParseClassUnit(out hi, out int hiSet))
                    return false;
                if (hiSet != 0)
                {
                    // [a-\d]: the '-' is literal (PCRE)
                    Emit(lo, lo);
                    Emit('-', '-');
                    Emit(hiSet, 0);
                    count += 3;
                    continue;
                }
                if (hi < lo)
                {
                    _pos = save;
                    return Fail("range out of order in character class");
                }
            }
            Emit(lo, hi);
            count++;
        }
        _code[start + 1] = _n - start;
        _code[start + 3] = count;
        return true;
    }

    /// <summary>One class member: a code unit (<paramref name="value"/>) or a built-in set.</summary>
    private bool ParseClassUnit(out int value, out int set)
    {
        set = 0;
        char c = _pat[_pos++];
        value = c;
        if (c != '\\')
            return true;
        if (_pos >= _len)
            return Fail("\\ at end of pattern");
        set = SetOf(_pat[_pos]);
        if (set != 0)
        {
            _pos++;
            return true;
        }
        if (_pat[_pos] == 'b')
        {
            _pos++;
            value = '\b';
            return true;
        }
        return ParseCharEscape(out value);
    }

    /// <summary>Whether <c>[:name:]</c> (or [= =], [. .]) closes before the class does.</summary>
    private bool PosixClassEnds()
    {
        char kind = _pat[_pos + 1];
        for (int i = _pos + 2; i + 1 < _len && _pat[i] != ']'; i++)
            if (_pat[i] == kind && _pat[i + 1] == ']')
                return true;
        return false;
    }
}
