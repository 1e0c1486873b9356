using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Regex;

internal unsafe ref partial struct RegexCompiler
{
    /// <summary>An atom and the quantifier after it, if any.</summary>
    private bool ParseQuantifiedAtom(out int width)
    {
        int atomStart = _n;
        if (!ParseAtom(out width, out bool single, out bool repeatable))
            return false;
        if (_depth == 0 && single && _code[atomStart] == RegexCode.Char && !(_pos < _len && _pat[_pos] is '*' or '?')
            && !(Peek() == '{' && IsCountedQuantifier() && Peek(1) == '0'))
            _required = _code[atomStart + 1];
        if (_pos >= _len)
            return true;
        int min, max;
        switch (_pat[_pos])
        {
            case '*': min = 0; max = -1; _pos++; break;
            case '+': min = 1; max = -1; _pos++; break;
            case '?': min = 0; max = 1; _pos++; break;
            case '{' when IsCountedQuantifier():
                if (!ParseCount(out min, out max))
                    return false;
                break;
            default:
                return true;
        }
        if (!repeatable)
            return Fail("quantifier does not follow a repeatable item");
        int mode = RegexCode.Greedy;
        if (Peek() == '?')
        {
            _pos++;
            mode = RegexCode.Lazy;
        }
        else if (Peek() == '+')
        {
            _pos++;
            mode = RegexCode.Possessive;
        }
        width = min == max && width >= 0 ? width * min : -1;
        if (single)
        {
            Insert(atomStart, 4);
            _code[atomStart] = RegexCode.Rep;
            _code[atomStart + 1] = min;
            _code[atomStart + 2] = max;
            _code[atomStart + 3] = mode;
            return true;
        }
        if (!Repeat(atomStart, min, max, mode == RegexCode.Lazy))
            return false;
        if (mode == RegexCode.Possessive)
        {
            // x*+ is (?>x*)
            Insert(atomStart, 4);
            _code[atomStart] = RegexCode.Look;
            _code[atomStart + 1] = RegexCode.Atomic;
            _code[atomStart + 3] = 0;
            Emit(RegexCode.LookEnd);
            _code[atomStart + 2] = _n - atomStart;
        }
        return true;
    }

    /// <summary>Whether <c>{</c> at the current position starts {n}, {n,} or {n,m}; otherwise it is
    /// a literal (PCRE).</summary>
    private bool IsCountedQuantifier()
    {
        int i = _pos + 1;
        int digits = 0;
        while (i < _len && RegexChars.IsDigit(_pat[i])) { i++; digits++; }
        if (digits == 0)
            return false;
        if (i < _len && _pat[i] == '}')
            return true;
        if (i >= _len || _pat[i] != ',')
            return false;
        i++;
        while (i < _len && RegexChars.IsDigit(_pat[i]))
            i++;
        return i < _len && _pat[i] == '}';
    }

    private bool ParseCount(out int min, out int max)
    {
        _pos++;
        min = ReadNumber();
        max = min;
        if (_pat[_pos] == ',')
        {
            _pos++;
            max = _pat[_pos] == '}' ? -1 : ReadNumber();
        }
        _pos++; // '}'
        if (min > MaxCount || max > MaxCount)
            return Fail("number too big in {} quantifier");
        if (max >= 0 && max < min)
            return Fail("numbers out of order in {} quantifier");
        return true;
    }

    private int ReadNumber()
    {
        int v = 0;
        while (RegexChars.IsDigit(_pat[_pos]))
        {
            v = Math.Min(v * 10 + (_pat[_pos] - '0'), MaxCount + 1);
            _pos++;
        }
        return v;
    }

    /// <summary>
    /// Repeats the general atom at <paramref name="atomStart"/> (A). Unbounded: min-1 copies of A
    /// then <c>L: Mark(r) A LoopChk(r, exit) Split(L, exit) exit:</c>, or for min 0
    /// <c>L: Split(M, exit) M: Mark(r) A LoopChk(r, exit) Jmp(L) exit:</c> (an iteration that
    /// matched nothing ends the loop, as in PCRE). Bounded: min copies, then max-min nested optional
    /// copies <c>Split(A, end) A Split(A, end) A ... end:</c>. Lazy swaps the Split preferences.
    /// </summary>
    private bool Repeat(int atomStart, int min, int max, bool lazy)
    {
        int len = _n - atomStart;
        long copies = min + (max < 0 ? 1 : max - min);
        if (_n + copies * (len + 6) > MaxCode)
            return Fail("regular expression is too large");
        var atom = (int*)Heap.AllocAtomic((nuint)len * 4);
        new ReadOnlySpan<int>(_code + atomStart, len).CopyTo(new Span<int>(atom, len));
        _n = atomStart;
        if (max < 0 && min > 0)
        {
            // the last required copy loops: an empty iteration ends it (so a group that matched
            // nothing is not retried, as in PCRE's repeated brackets)
            for (int i = 0; i < min - 1; i++)
                Append(atom, len);
            int top = _n;
            int r = _loopRegs++;
            Emit(RegexCode.Mark, r);
            Append(atom, len);
            int chk = _n;
            Emit(RegexCode.LoopChk, r, 0);
            int split = _n;
            EmitSplit(lazy, top - split, 3);
            _code[chk + 2] = _n - chk;
            return true;
        }
        for (int i = 0; i < min; i++)
            Append(atom, len);
        if (max < 0)
        {
            int loop = _n;
            int reg = _loopRegs++;
            EmitSplit(lazy, 3, 0); // the exit offset is patched below
            Emit(RegexCode.Mark, reg);
            Append(atom, len);
            int check = _n;
            Emit(RegexCode.LoopChk, reg, 0);
            Emit(RegexCode.Jmp, loop - _n);
            int exit = _n;
            _code[check + 2] = exit - check;
            _code[loop + (lazy ? 1 : 2)] = exit - loop;
            return true;
        }
        int optional = max - min;
        int first = _n;
        for (int i = 0; i < optional; i++)
        {
            EmitSplit(lazy, 3, 0);
            Append(atom, len);
        }
        int end = _n;
        for (int i = 0, at = first; i < optional; i++, at += 3 + len)
            _code[at + (lazy ? 1 : 2)] = end - at;
        return true;
    }

    /// <summary>Split preferring <paramref name="next"/> (greedy) or <paramref name="other"/> (lazy).</summary>
    private void EmitSplit(bool lazy, int next, int other)
    {
        if (lazy)
            Emit(RegexCode.Split, other, next);
        else
            Emit(RegexCode.Split, next, other);
    }

    private void Append(int* code, int len)
    {
        Reserve(len);
        new ReadOnlySpan<int>(code, len).CopyTo(new Span<int>(_code + _n, len));
        _n += len;
    }

    /// <summary>
    /// PCRE's auto-possessification: a greedy single-unit repetition followed by something that
    /// cannot match a unit it took (a different literal, or an end anchor when it takes no '\n')
    /// would only backtrack in vain, so it keeps what it took.
    /// </summary>
    private void Possessify()
    {
        for (int pc = RegexCode.HeaderSize; pc < _n;)
        {
            int op = _code[pc];
            if (op != RegexCode.Rep)
            {
                pc += Length(pc);
                continue;
            }
            int* unit = _code + pc + 4;
            int next = pc + 4 + RegexCode.SingleLength(unit);
            if (_code[pc + 3] == RegexCode.Greedy && _code[next] switch
            {
                RegexCode.Char => !RegexChars.SingleMatches(unit, _code[next + 1]),
                RegexCode.Eol or RegexCode.MEol or RegexCode.EosNl => !RegexChars.SingleMatches(unit, '\n'),
                RegexCode.Eos => true,
                _ => false,
            })
                _code[pc + 3] = RegexCode.Possessive;
            pc = next;
        }
    }

    /// <summary>The length of the instruction at <paramref name="pc"/> (a Rep without its unit).</summary>
    private int Length(int pc) => _code[pc] switch
    {
        RegexCode.Char or RegexCode.CharI or RegexCode.Jmp or RegexCode.Open or RegexCode.Close or RegexCode.Mark => 2,
        RegexCode.Class => _code[pc + 1],
        RegexCode.Split or RegexCode.LoopChk or RegexCode.BackRef => 3,
        RegexCode.Rep or RegexCode.Look => 4,
        _ => 1,
    };
}
