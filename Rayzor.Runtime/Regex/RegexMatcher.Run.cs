using static Rayzor.Runtime.Regex.RegexChars;
using C = Rayzor.Runtime.Regex.RegexCode;

namespace Rayzor.Runtime.Regex;

public unsafe ref partial struct RegexMatcher
{
    /// <summary>Matches from <paramref name="pc"/> at <paramref name="pos"/> until Match or until
    /// every alternative failed.</summary>
    private int Run(int pc, int pos)
    {
        _sp = 0;
        _look = -1;
        char* s = _s;
        int end = _end;
        while (true)
        {
            int* p = _code + pc;
            switch (*p)
            {
                case C.Match:
                    _regs[1] = pos;
                    return Matched;
                case C.Char:
                    if (pos < end && s[pos] == p[1]) { pos++; pc += 2; continue; }
                    break;
                case C.CharI:
                    if (pos < end && Fold(s[pos]) == p[1]) { pos++; pc += 2; continue; }
                    break;
                case C.Any:
                    if (pos < end && s[pos] != '\n') { pos++; pc++; continue; }
                    break;
                case C.AnyNl:
                    if (pos < end) { pos++; pc++; continue; }
                    break;
                case C.Class:
                    if (pos < end && ClassMatches(p, s[pos])) { pos++; pc += p[1]; continue; }
                    break;
                case C.Bol or C.Bos:
                    if (pos == 0) { pc++; continue; }
                    break;
                case C.MBol:
                    // PCRE: after internal newlines only, not after one that ends the subject
                    if (pos == 0 || (s[pos - 1] == '\n' && pos < end)) { pc++; continue; }
                    break;
                case C.Eol or C.EosNl:
                    if (pos == end || (pos == end - 1 && s[pos] == '\n')) { pc++; continue; }
                    break;
                case C.MEol:
                    if (pos == end || s[pos] == '\n') { pc++; continue; }
                    break;
                case C.Eos:
                    if (pos == end) { pc++; continue; }
                    break;
                case C.WordB or C.NWordB:
                {
                    bool before = pos > 0 && IsWord(s[pos - 1]);
                    bool after = pos < end && IsWord(s[pos]);
                    if ((before != after) == (*p == C.WordB)) { pc++; continue; }
                    break;
                }
                case C.Split:
                    if (!Push(KAlt, pc + p[2], pos, 0))
                        return StackExhausted;
                    pc += p[1];
                    continue;
                case C.Jmp:
                    pc += p[1];
                    continue;
                case C.Open:
                    if (!SetReg(_pendingBase + p[1], pos))
                        return StackExhausted;
                    pc += 2;
                    continue;
                case C.Close:
                    // a group's value changes when it closes (a back reference inside it still
                    // sees the previous iteration's value, as in PCRE)
                    if (!SetReg(2 * p[1], _regs[_pendingBase + p[1]]) || !SetReg(2 * p[1] + 1, pos))
                        return StackExhausted;
                    pc += 2;
                    continue;
                case C.Mark:
                    if (!SetReg(_loopBase + p[1], pos))
                        return StackExhausted;
                    pc += 2;
                    continue;
                case C.LoopChk:
                    pc += _regs[_loopBase + p[1]] == pos ? p[2] : 3;
                    continue;
                case C.Rep:
                {
                    int r = Repeat(p, pc, ref pos);
                    if (r == 1) { pc += 4 + C.SingleLength(p + 4); continue; }
                    if (r < 0)
                        return StackExhausted;
                    break;
                }
                case C.BackRef:
                    if (BackRef(p, ref pos)) { pc += 3; continue; }
                    break;
                case C.Look:
                {
                    int kind = p[1];
                    bool behind = kind is C.Behind or C.NotBehind;
                    if (behind && pos < p[3])
                    {
                        // not enough text before: the body cannot match
                        if (kind == C.NotBehind) { pc += p[2]; continue; }
                        break;
                    }
                    if (!Push(KLookMark, pc, pos, _look))
                        return StackExhausted;
                    _look = _sp - 1;
                    if (behind)
                        pos -= p[3];
                    pc += 4;
                    continue;
                }
                case C.LookEnd:
                {
                    Entry mark = _stack[_look];
                    // the body's alternatives are dropped (assertions and atomic groups do not
                    // backtrack into); its register changes stay undoable
                    int w = _look;
                    for (int i = _look + 1; i < _sp; i++)
                        if (_stack[i].Kind == KRestore)
                            _stack[w++] = _stack[i];
                    _sp = w;
                    _look = mark.Extra;
                    int kind = _code[mark.Pc + 1];
                    if (kind is C.NotAhead or C.NotBehind)
                        break;
                    if (kind != C.Atomic)
                        pos = mark.Pos;
                    pc = mark.Pc + _code[mark.Pc + 2];
                    continue;
                }
            }
            // failure: resume the most recent alternative
            int b = Backtrack(ref pc, ref pos);
            if (b != Matched)
                return b;
        }
    }

    /// <summary>Rep: 1 when the minimum matched (the rest recorded for backtracking), 0 when not,
    /// -1 when the stack is full.</summary>
    private int Repeat(int* p, int pc, ref int pos)
    {
        int min = p[1], max = p[2], mode = p[3];
        int* op = p + 4;
        int avail = _end - pos;
        if (mode != C.Lazy)
        {
            int limit = max < 0 || max > avail ? avail : max;
            int n = 0;
            while (n < limit && SingleMatches(op, _s[pos + n]))
                n++;
            if (n < min)
                return 0;
            if (mode == C.Greedy && n > min && !Push(KRepGreedy, pc, pos + n, pos + min))
                return -1;
            pos += n;
            return 1;
        }
        if (avail < min)
            return 0;
        for (int i = 0; i < min; i++)
            if (!SingleMatches(op, _s[pos + i]))
                return 0;
        pos += min;
        if ((max < 0 || max > min) && !Push(KRepLazy, pc, pos, max < 0 ? int.MaxValue : max - min))
            return -1;
        return 1;
    }

    private bool BackRef(int* p, ref int pos)
    {
        int start = _regs[2 * p[1]], stop = _regs[2 * p[1] + 1];
        if (start < 0 || stop < start)
            return false; // an unset group matches nothing (PCRE)
        int len = stop - start;
        if (len > _end - pos)
            return false;
        for (int i = 0; i < len; i++)
        {
            int a = _s[start + i], b = _s[pos + i];
            if (a != b && (p[2] == 0 || Fold(a) != Fold(b)))
                return false;
        }
        pos += len;
        return true;
    }

    /// <summary>Pops to the most recent alternative and resumes it (<see cref="Matched"/>), or
    /// <see cref="NoMatch"/> when there is none, or <see cref="LimitExceeded"/>.</summary>
    private int Backtrack(ref int pc, ref int pos)
    {
        while (_sp > 0)
        {
            Entry* e = _stack + _sp - 1;
            switch (e->Kind)
            {
                case KRestore:
                    _regs[e->Pc] = e->Pos;
                    _sp--;
                    continue;
                case KAlt:
                    if (--_budget < 0)
                        return LimitExceeded;
                    _sp--;
                    pc = e->Pc;
                    pos = e->Pos;
                    return Matched;
                case KRepGreedy:
                {
                    if (--_budget < 0)
                        return LimitExceeded;
                    int np = e->Pos - 1;
                    if (np <= e->Extra)
                        _sp--;
                    else
                        e->Pos = np;
                    int* p = _code + e->Pc;
                    pc = e->Pc + 4 + C.SingleLength(p + 4);
                    pos = np;
                    return Matched;
                }
                case KRepLazy:
                {
                    if (--_budget < 0)
                        return LimitExceeded;
                    int* p = _code + e->Pc;
                    if (e->Pos < _end && SingleMatches(p + 4, _s[e->Pos]))
                    {
                        pos = ++e->Pos;
                        if (--e->Extra == 0)
                            _sp--;
                        pc = e->Pc + 4 + C.SingleLength(p + 4);
                        return Matched;
                    }
                    _sp--;
                    continue;
                }
                default: // KLookMark: the lookaround's body failed
                {
                    _sp--;
                    _look = e->Extra;
                    int kind = _code[e->Pc + 1];
                    if (kind is C.NotAhead or C.NotBehind)
                    {
                        pos = e->Pos;
                        pc = e->Pc + _code[e->Pc + 2];
                        return Matched;
                    }
                    continue;
                }
            }
        }
        return NoMatch;
    }
}
