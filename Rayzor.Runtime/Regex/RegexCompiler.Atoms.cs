namespace Rayzor.Runtime.Regex;

internal unsafe ref partial struct RegexCompiler
{
    /// <summary>One atom (a character, class, group, assertion...): its code, its fixed width (-1:
    /// variable), whether it is a single-unit instruction (repeated by <c>Rep</c>) and whether a
    /// quantifier may follow it.</summary>
    private bool ParseAtom(out int width, out bool single, out bool repeatable)
    {
        width = 1;
        single = false;
        repeatable = true;
        char c = _pat[_pos++];
        switch (c)
        {
            case '(':
                return ParseGroup(out width, out repeatable);
            case ')':
                return Fail("unmatched closing parenthesis");
            case '[':
                single = true;
                return ParseClass();
            case '.':
                single = true;
                Emit((_flags & FDotAll) != 0 ? RegexCode.AnyNl : RegexCode.Any);
                return true;
            case '^':
                width = 0;
                repeatable = false;
                Emit((_flags & FMultiline) != 0 ? RegexCode.MBol : RegexCode.Bol);
                return true;
            case '$':
                width = 0;
                repeatable = false;
                Emit((_flags & FMultiline) != 0 ? RegexCode.MEol : RegexCode.Eol);
                return true;
            case '*' or '+' or '?':
                return Fail("quantifier does not follow a repeatable item");
            case '{':
                _pos--;
                bool quantifier = IsCountedQuantifier();
                _pos++;
                if (quantifier)
                    return Fail("quantifier does not follow a repeatable item");
                single = true;
                EmitChar(c); // not a quantifier: a literal (PCRE)
                return true;
            case '\\':
                return ParseEscape(out width, out single, out repeatable);
            default:
                single = true;
                EmitChar(c);
                return true;
        }
    }

    private void EmitChar(int c)
    {
        if ((_flags & FIgnoreCase) != 0 && RegexChars.Fold(c) != RegexChars.Upper(c))
            Emit(RegexCode.CharI, RegexChars.Fold(c));
        else
            Emit(RegexCode.Char, c);
    }

    /// <summary>After a backslash outside a class.</summary>
    private bool ParseEscape(out int width, out bool single, out bool repeatable)
    {
        width = 1;
        single = true;
        repeatable = true;
        if (_pos >= _len)
            return Fail("\\ at end of pattern");
        char c = _pat[_pos];
        int set = SetOf(c);
        if (set != 0)
        {
            _pos++;
            Emit(RegexCode.Class, 6, 0);
            Emit(1, set, 0);
            return true;
        }
        int assertion = c switch
        {
            'b' => RegexCode.WordB, 'B' => RegexCode.NWordB, 'A' => RegexCode.Bos, 'z' => RegexCode.Eos,
            'Z' => RegexCode.EosNl, _ => -1,
        };
        if (assertion >= 0)
        {
            _pos++;
            width = 0;
            single = false;
            repeatable = false;
            Emit(assertion);
            return true;
        }
        if (c is >= '1' and <= '9')
        {
            // \1..\9; two digits when that many groups are open already (PCRE also reads octal here)
            int n = c - '0';
            _pos++;
            if (RegexChars.IsDigit(Peek()) && n * 10 + (Peek() - '0') <= _groups)
                n = n * 10 + (_pat[_pos++] - '0');
            _maxBackref = Math.Max(_maxBackref, n);
            width = -1;
            single = false;
            Emit(RegexCode.BackRef, n, (_flags & FIgnoreCase) != 0 ? 1 : 0);
            return true;
        }
        if (c == 'Q')
        {
            // \Q...\E: literal text
            _pos++;
            width = 0;
            single = false;
            repeatable = false; // PCRE repeats the last character; not worth it
            while (_pos < _len && !(_pat[_pos] == '\\' && Peek(1) == 'E'))
            {
                EmitChar(_pat[_pos++]);
                width++;
            }
            if (_pos < _len)
                _pos += 2;
            return true;
        }
        if (c == 'E')
        {
            _pos++;
            width = 0;
            single = false;
            repeatable = false;
            return true;
        }
        if (!ParseCharEscape(out int value))
            return false;
        EmitChar(value);
        return true;
    }

    /// <summary>The built-in set of \d \D \w \W \s \S \h \H \v \V, or 0.</summary>
    private static int SetOf(char c) => c switch
    {
        'd' => RegexCode.SetDigit, 'D' => RegexCode.SetNotDigit, 'w' => RegexCode.SetWord,
        'W' => RegexCode.SetNotWord, 's' => RegexCode.SetSpace, 'S' => RegexCode.SetNotSpace,
        'h' => RegexCode.SetHSpace, 'H' => RegexCode.SetNotHSpace, 'v' => RegexCode.SetVSpace,
        'V' => RegexCode.SetNotVSpace, _ => 0,
    };

    /// <summary>An escape that stands for one code unit (after the backslash, also inside classes):
    /// \t \n \r \f \e \a \0oo \xhh \x{h..} \uhhhh \cX, or a non-alphanumeric character itself.</summary>
    private bool ParseCharEscape(out int value)
    {
        char c = _pat[_pos++];
        value = c;
        switch (c)
        {
            case 't': value = '\t'; return true;
            case 'n': value = '\n'; return true;
            case 'r': value = '\r'; return true;
            case 'f': value = '\f'; return true;
            case 'e': value = 0x1B; return true;
            case 'a': value = 7; return true;
            case '0':
                value = 0;
                for (int i = 0; i < 2 && Peek() is >= '0' and <= '7'; i++)
                    value = value * 8 + (_pat[_pos++] - '0');
                return true;
            case 'x':
                if (Peek() == '{')
                {
                    int start = ++_pos;
                    value = 0;
                    while (_pos < _len && HexValue(_pat[_pos]) >= 0 && _pos - start < 6)
                        value = value * 16 + HexValue(_pat[_pos++]);
                    if (_pos == start || Peek() != '}')
                        return Fail("missing } after \\x{");
                    _pos++;
                    return value <= 0xFFFF || Fail("character code point value in \\x{} is too large (code units are UTF-16)");
                }
                value = 0;
                for (int i = 0; i < 2 && HexValue(Peek()) >= 0; i++)
                    value = value * 16 + HexValue(_pat[_pos++]);
                return true;
            case 'u':
                value = 0;
                for (int i = 0; i < 4; i++)
                {
                    if (HexValue(Peek()) < 0)
                        return Fail("\\u must be followed by four hexadecimal digits");
                    value = value * 16 + HexValue(_pat[_pos++]);
                }
                return true;
            case 'c':
                if (_pos >= _len || _pat[_pos] > 127)
                    return Fail("\\c must be followed by a printable ASCII character");
                value = char.ToUpperInvariant(_pat[_pos++]) ^ 0x40;
                return true;
            default:
                if (char.IsAsciiLetterOrDigit(c))
                    return Fail("unrecognized character follows \\");
                return true;
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
