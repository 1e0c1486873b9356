namespace Rayzor.Runtime.Exceptions;

/// <summary>
/// A bounds-checked cursor over bytes of a mapped file (little-endian, as on x86-64 and AArch64).
/// A read past the end sets <see cref="Bad"/> and returns 0, so malformed debug info ends a lookup
/// instead of crashing the report of an uncaught exception.
/// </summary>
internal unsafe struct DwarfReader
{
    public byte* Pos;
    public byte* End;
    public bool Bad;

    public DwarfReader(byte* start, byte* end)
    {
        Pos = start;
        End = end;
        Bad = start == null || end < start;
    }

    public readonly bool AtEnd => Bad || Pos >= End;

    private bool Need(long n)
    {
        if (!Bad && n >= 0 && End - Pos >= n)
            return true;
        Bad = true;
        return false;
    }

    public void Skip(ulong n)
    {
        if (n <= long.MaxValue && Need((long)n))
            Pos += (long)n;
    }

    public byte U8() => Need(1) ? *Pos++ : (byte)0;

    public ushort U16()
    {
        if (!Need(2))
            return 0;
        ushort v = (ushort)(Pos[0] | Pos[1] << 8);
        Pos += 2;
        return v;
    }

    public uint U32()
    {
        if (!Need(4))
            return 0;
        uint v = (uint)(Pos[0] | Pos[1] << 8 | Pos[2] << 16 | Pos[3] << 24);
        Pos += 4;
        return v;
    }

    public ulong U64()
    {
        ulong lo = U32();
        ulong hi = U32();
        return lo | hi << 32;
    }

    /// <summary>An unsigned value of <paramref name="size"/> bytes (1, 2, 4 or 8).</summary>
    public ulong Sized(int size) => size switch
    {
        1 => U8(),
        2 => U16(),
        4 => U32(),
        8 => U64(),
        _ => Fail(),
    };

    private ulong Fail()
    {
        Bad = true;
        return 0;
    }

    public ulong Uleb()
    {
        ulong v = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (!Need(1))
                return 0;
            byte b = *Pos++;
            if (shift < 64)
                v |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return v;
        }
    }

    public long Sleb()
    {
        long v = 0;
        int shift = 0;
        byte b;
        do
        {
            if (!Need(1))
                return 0;
            b = *Pos++;
            if (shift < 64)
                v |= (long)(b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0)
            v |= -1L << shift;
        return v;
    }

    /// <summary>A NUL-terminated string in place (null when unterminated).</summary>
    public byte* CString()
    {
        byte* s = Pos;
        while (Pos < End && *Pos != 0)
            Pos++;
        if (Pos >= End)
        {
            Bad = true;
            return null;
        }
        Pos++;
        return s;
    }
}
