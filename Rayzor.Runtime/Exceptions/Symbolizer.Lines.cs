namespace Rayzor.Runtime.Exceptions;

/// <summary>DWARF 2–4 line programs (.debug_line): address to file and line.</summary>
internal static unsafe partial class Symbolizer
{
    private struct LineHeader
    {
        public byte* Program, End, StdLengths, IncludeDirs, FileNames;
        public byte MinInstLength, LineRange, OpcodeBase;
        public sbyte LineBase;
    }

    private static bool ReadLineHeader(in Image img, ulong offset, out LineHeader h)
    {
        h = default;
        if (offset >= (ulong)(img.Line.End - img.Line.Start))
            return false;
        var r = new DwarfReader(img.Line.Start + offset, img.Line.End);
        ulong length = r.U32();
        if (length >= 0xFFFFFFF0 || r.Bad || length > (ulong)(r.End - r.Pos))
            return false;
        h.End = r.Pos + length;
        r.End = h.End;
        ushort version = r.U16();
        if (version is < 2 or > 4)
            return false;
        ulong headerLength = r.U32();
        if (r.Bad || headerLength > (ulong)(r.End - r.Pos))
            return false;
        h.Program = r.Pos + headerLength;
        h.MinInstLength = r.U8();
        if (version >= 4)
            r.U8(); // maximum_operations_per_instruction (VLIW only)
        r.U8();     // default_is_stmt
        h.LineBase = (sbyte)r.U8();
        h.LineRange = r.U8();
        h.OpcodeBase = r.U8();
        if (h.LineRange == 0 || h.OpcodeBase == 0)
            return false;
        h.StdLengths = r.Pos;
        r.Skip((ulong)h.OpcodeBase - 1);
        h.IncludeDirs = r.Pos;
        while (true)
        {
            byte* dir = r.CString();
            if (r.Bad)
                return false;
            if (*dir == 0)
                break;
        }
        h.FileNames = r.Pos;
        return !r.Bad;
    }

    /// <summary>File <paramref name="index"/> (1-based) of the line program's table, and its include
    /// directory when it has one (index 0 is the compile directory: null).</summary>
    private static void FileName(in LineHeader h, ulong index, out byte* name, out byte* dir)
    {
        name = null;
        dir = null;
        var r = new DwarfReader(h.FileNames, h.Program);
        for (ulong i = 1; ; i++)
        {
            byte* s = r.CString();
            if (r.Bad || *s == 0)
                return;
            ulong dirIndex = r.Uleb();
            r.Uleb(); // modification time
            r.Uleb(); // length
            if (i != index)
                continue;
            name = s;
            if (dirIndex > 0)
            {
                var d = new DwarfReader(h.IncludeDirs, h.FileNames);
                for (ulong k = 1; k <= dirIndex; k++)
                {
                    byte* entry = d.CString();
                    if (d.Bad || *entry == 0)
                        return;
                    if (k == dirIndex)
                        dir = entry;
                }
            }
            return;
        }
    }

    /// <summary>Runs the line program to the row covering <paramref name="pc"/>.</summary>
    private static bool LookupLine(in LineHeader h, byte addressSize, ulong pc, out ulong file, out ulong line)
    {
        file = 0;
        line = 0;
        var r = new DwarfReader(h.Program, h.End);
        ulong address = 0, rowFile = 1;
        long rowLine = 1;
        bool havePrevious = false;
        ulong prevAddress = 0, prevFile = 0;
        long prevLine = 0;
        while (!r.AtEnd)
        {
            byte op = r.U8();
            bool emit = false, endSequence = false;
            if (op >= h.OpcodeBase)
            {
                int adjusted = op - h.OpcodeBase;
                address += (ulong)(adjusted / h.LineRange * h.MinInstLength);
                rowLine += h.LineBase + adjusted % h.LineRange;
                emit = true;
            }
            else if (op == 0)
            {
                ulong length = r.Uleb();
                if (r.Bad || length == 0 || length > (ulong)(r.End - r.Pos))
                    return false;
                byte* next = r.Pos + length;
                byte sub = r.U8();
                if (sub == 1) // end_sequence
                {
                    emit = true;
                    endSequence = true;
                }
                else if (sub == 2) // set_address
                    address = r.Sized((int)length - 1);
                r.Pos = next;
            }
            else
            {
                switch (op)
                {
                    case 1: emit = true; break;                                                   // copy
                    case 2: address += r.Uleb() * h.MinInstLength; break;                         // advance_pc
                    case 3: rowLine += r.Sleb(); break;                                           // advance_line
                    case 4: rowFile = r.Uleb(); break;                                            // set_file
                    case 8: address += (ulong)((255 - h.OpcodeBase) / h.LineRange * h.MinInstLength); break; // const_add_pc
                    case 9: address += r.U16(); break;                                            // fixed_advance_pc
                    case 6 or 7 or 10 or 11: break;                                               // flags only
                    default:
                        for (int k = h.StdLengths[op - 1]; k > 0; k--)
                            r.Uleb();
                        break;
                }
            }
            if (r.Bad)
                return false;
            if (!emit)
                continue;
            if (havePrevious && prevAddress <= pc && pc < address)
            {
                file = prevFile;
                line = prevLine > 0 ? (ulong)prevLine : 0;
                return true;
            }
            if (endSequence)
            {
                havePrevious = false;
                address = 0;
                rowFile = 1;
                rowLine = 1;
            }
            else
            {
                havePrevious = true;
                prevAddress = address;
                prevFile = rowFile;
                prevLine = rowLine;
            }
        }
        return false;
    }
}
