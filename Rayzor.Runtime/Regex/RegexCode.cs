namespace Rayzor.Runtime.Regex;

/// <summary>
/// The instruction set of a compiled regular expression: a flat int program (header, then
/// instructions). Jump operands are relative to the instruction that holds them, so a piece of
/// code can be copied (counted repetition) or shifted (an inserted loop header) without relocation.
/// </summary>
internal static class RegexCode
{
    // Header: group count (group 0 included), loop registers, flags, required unit.
    public const int HeaderGroups = 0;
    public const int HeaderLoopRegs = 1;
    public const int HeaderFlags = 2;
    public const int HeaderRequired = 3; // a unit every match contains, or -1
    public const int HeaderSize = 4;

    /// <summary>Header flag: the program starts with <c>^</c> (outside multiline) or <c>\A</c>, so it
    /// can only match at position 0.</summary>
    public const int FlagAnchored = 1;

    public const int Match = 0;      // []
    public const int Char = 1;       // [c]
    public const int CharI = 2;      // [folded c]: case-insensitive
    public const int Any = 3;        // []: any unit but '\n'
    public const int AnyNl = 4;      // []: any unit (dotall)
    public const int Class = 5;      // [total length, flags, item count, (lo, hi)*]; lo < 0: a built-in set
    public const int Bol = 6;        // ^
    public const int Eol = 7;        // $
    public const int MBol = 8;       // ^ multiline
    public const int MEol = 9;       // $ multiline
    public const int Bos = 10;       // \A
    public const int Eos = 11;       // \z
    public const int EosNl = 12;     // \Z
    public const int WordB = 13;     // \b
    public const int NWordB = 14;    // \B
    public const int Split = 15;     // [preferred offset, alternative offset]
    public const int Jmp = 16;       // [offset]
    public const int Open = 17;      // [group]: the group's pending start = position
    public const int Close = 24;     // [group]: the group = pending start .. position
    public const int Mark = 18;      // [loop register]: register = position
    public const int LoopChk = 19;   // [loop register, exit offset]: an empty iteration leaves the loop
    public const int Rep = 20;       // [min, max (-1 = none), mode] then one single-unit instruction
    public const int BackRef = 21;   // [group, case-insensitive]
    public const int Look = 22;      // [kind, end offset (past LookEnd), width (lookbehind)]
    public const int LookEnd = 23;   // []

    // Rep modes
    public const int Greedy = 0, Lazy = 1, Possessive = 2;

    // Look kinds
    public const int Ahead = 0, NotAhead = 1, Atomic = 2, Behind = 3, NotBehind = 4;

    // Class flags
    public const int ClassNegated = 1, ClassIgnoreCase = 2;

    // Built-in sets (negative `lo` of a class item)
    public const int SetDigit = -1, SetNotDigit = -2, SetWord = -3, SetNotWord = -4, SetSpace = -5,
        SetNotSpace = -6, SetHSpace = -7, SetNotHSpace = -8, SetVSpace = -9, SetNotVSpace = -10;

    /// <summary>The length in ints of the single-unit instruction at <paramref name="p"/>.</summary>
    public static unsafe int SingleLength(int* p) => *p switch
    {
        Char or CharI => 2,
        Class => p[1],
        _ => 1,
    };
}
