using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Regex;

/// <summary>
/// Runs a <see cref="RegexCode"/> program by backtracking, with an explicit stack (native memory,
/// bounded) instead of recursion, and a bound on the backtracking steps (PCRE's match limit), so a
/// catastrophic pattern ends with an error instead of a stack overflow or a hang.
/// </summary>
public unsafe ref partial struct RegexMatcher
{
    public const int Matched = 1, NoMatch = 0, LimitExceeded = -1, StackExhausted = -2;

    /// <summary>Backtracking steps one exec may take (PCRE2's default match limit).</summary>
    public const long StepLimit = 10_000_000;

    private const int InitialStack = 128;
    private const int MaxStack = 1 << 21; // entries of 16 bytes: 32 MB

    private const int KAlt = 0, KRestore = 1, KRepGreedy = 2, KRepLazy = 3, KLookMark = 4;

    /// <summary>A backtrack record: where to resume (Alt), a register to restore, a repetition
    /// that can give back or take one more unit, or the start of a lookaround.</summary>
    private struct Entry
    {
        public int Kind;
        public int Pc;
        public int Pos;
        public int Extra;
    }

    private readonly int* _code;
    private readonly char* _s;
    private readonly int _end;
    private readonly int* _regs;
    // registers: start/end of each group, then the groups' pending starts, then loop registers
    private readonly int _pendingBase;
    private readonly int _loopBase;
    private Entry* _stack;
    private int _sp;
    private int _cap;
    private bool _stackOwned;
    private long _budget;
    private int _look;               // the innermost open lookaround's marker, or -1

    private RegexMatcher(int* code, char* s, int end, int* regs, Entry* stack, int cap)
    {
        _code = code;
        _s = s;
        _end = end;
        _regs = regs;
        _pendingBase = 2 * code[RegexCode.HeaderGroups];
        _loopBase = 3 * code[RegexCode.HeaderGroups];
        _stack = stack;
        _cap = cap;
        _budget = StepLimit;
        _look = -1;
    }

    /// <summary>Capture groups of the program, group 0 (the whole match) included.</summary>
    public static int GroupCount(int* code) => code[RegexCode.HeaderGroups];

    /// <summary>
    /// Searches <paramref name="s"/>[<paramref name="pos"/>, <paramref name="end"/>) — the subject is
    /// <paramref name="s"/>[0, end): anchors and \b see the text before pos, nothing after end. On
    /// <see cref="Matched"/>, <paramref name="caps"/> (2 per group) holds start/end of each group, -1
    /// for a group that did not take part.
    /// </summary>
    public static int Exec(int* code, char* s, int pos, int end, int* caps)
    {
        int nregs = 3 * code[RegexCode.HeaderGroups] + code[RegexCode.HeaderLoopRegs];
        int* small = stackalloc int[64];
        int* regs = nregs <= 64 ? small : (int*)NativeMemory.Alloc((nuint)nregs * 4);
        Entry* stack = stackalloc Entry[InitialStack];
        var m = new RegexMatcher(code, s, end, regs, stack, InitialStack);
        int result = m.Search(pos, nregs);
        if (result == Matched)
            new ReadOnlySpan<int>(regs, 2 * code[RegexCode.HeaderGroups]).CopyTo(new Span<int>(caps, 2 * code[RegexCode.HeaderGroups]));
        if (m._stackOwned)
            NativeMemory.Free(m._stack);
        if (nregs > 64)
            NativeMemory.Free(regs);
        return result;
    }

    private int Search(int pos, int nregs)
    {
        int pc0 = RegexCode.HeaderSize;
        bool anchored = (_code[RegexCode.HeaderFlags] & RegexCode.FlagAnchored) != 0;
        int firstChar = _code[pc0] == RegexCode.Char ? _code[pc0 + 1] : -1;
        int required = _code[RegexCode.HeaderRequired];
        if (required >= 0 && new ReadOnlySpan<char>(_s + pos, _end - pos).IndexOf((char)required) < 0)
            return NoMatch; // PCRE's "last literal" check
        for (int start = pos; start <= _end; start++)
        {
            if (anchored && start > 0)
                return NoMatch;
            if (firstChar >= 0)
            {
                int k = new ReadOnlySpan<char>(_s + start, _end - start).IndexOf((char)firstChar);
                if (k < 0)
                    return NoMatch;
                start += k;
            }
            new Span<int>(_regs, nregs).Fill(-1);
            _regs[0] = start;
            int r = Run(pc0, start);
            if (r != NoMatch)
                return r;
        }
        return NoMatch;
    }

    private bool Push(int kind, int pc, int pos, int extra)
    {
        if (_sp == _cap && !Grow())
            return false;
        Entry* e = _stack + _sp++;
        e->Kind = kind;
        e->Pc = pc;
        e->Pos = pos;
        e->Extra = extra;
        return true;
    }

    private bool Grow()
    {
        if (_cap >= MaxStack)
            return false;
        int cap = _cap * 2;
        var stack = (Entry*)NativeMemory.Alloc((nuint)cap * (nuint)sizeof(Entry));
        new ReadOnlySpan<Entry>(_stack, _sp).CopyTo(new Span<Entry>(stack, cap));
        if (_stackOwned)
            NativeMemory.Free(_stack);
        _stack = stack;
        _cap = cap;
        _stackOwned = true;
        return true;
    }

    /// <summary>Sets a register, remembering its old value for backtracking.</summary>
    private bool SetReg(int reg, int pos)
    {
        if (!Push(KRestore, reg, _regs[reg], 0))
            return false;
        _regs[reg] = pos;
        return true;
    }
}
