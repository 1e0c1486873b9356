namespace Rayzor.Runtime.Exceptions;

/// <summary>Relocatable objects (a JIT's, before it links them): their DWARF placed where their code went.</summary>
internal static unsafe partial class Symbolizer
{
    private const ulong ShfAlloc = 2, ShfExecInstr = 4;
    private const uint ShtRela = 4;
    private const int MachineX86_64 = 62, MachineAArch64 = 183;

    /// <summary>
    /// Makes an image of the relocatable ELF object at <paramref name="b"/> (a copy the caller owns,
    /// rewritten in place): each code section is placed where <paramref name="addressOf"/> says one
    /// of its global functions is (that function's address minus its offset in the section), the
    /// relocations of the debug sections are applied with those places, and the symbols of placed
    /// sections get their addresses (those of sections not placed get size 0, so they match
    /// nothing). Then <see cref="Resolve"/> takes addresses of the running code (no load bias).
    /// <paramref name="codeStart"/>..<paramref name="codeEnd"/> spans the placed code. False when
    /// the object is not a 64-bit little-endian x86-64 or AArch64 ELF object with DWARF, or no code
    /// section could be placed.
    /// </summary>
    internal static bool OpenObject(byte* b, nuint size, Func<string, ulong> addressOf, out Image img, out ulong codeStart, out ulong codeEnd)
    {
        img = new Image { Base = b, Size = size };
        (codeStart, codeEnd) = (ulong.MaxValue, 0);
        if (!ReadSectionHeaders(img, out var l))
            return false;
        var r = new DwarfReader(b, b + size);
        int machine = (int)At(r, 18, 2);
        if (At(r, 16, 2) != 1 /* ET_REL */ || machine is not (MachineX86_64 or MachineAArch64))
            return false;

        // the symbol table: a section of type SHT_SYMTAB and its names
        ulong symtab = 0, symCount = 0;
        byte* names = null;
        ulong namesSize = 0;
        for (ulong i = 0; i < l.Count; i++)
        {
            ulong sh = l.Sections + i * l.EntrySize;
            if ((uint)At(r, sh + 4, 4) != 2)
                continue;
            ulong offset = At(r, sh + 24, 8), bytes = At(r, sh + 32, 8), link = At(r, sh + 40, 4);
            if (offset > size || bytes > size - offset || link >= l.Count)
                return false;
            ulong strOff = At(r, l.Sections + link * l.EntrySize + 24, 8), strSize = At(r, l.Sections + link * l.EntrySize + 32, 8);
            if (strOff > size || strSize > size - strOff)
                return false;
            (symtab, symCount, namesSize) = (offset, bytes / 24, strSize);
            names = b + strOff;
        }
        if (symtab == 0)
            return false;

        // where each code section went
        var bases = new ulong[l.Count];
        var placed = new bool[l.Count];
        for (ulong i = 0; i < l.Count; i++)
        {
            ulong sh = l.Sections + i * l.EntrySize;
            ulong flags = At(r, sh + 8, 8), bytes = At(r, sh + 32, 8);
            if ((flags & (ShfAlloc | ShfExecInstr)) != (ShfAlloc | ShfExecInstr) || bytes == 0)
                continue;
            for (ulong k = 1; k < symCount && !placed[i]; k++)
            {
                byte* sym = b + symtab + k * 24;
                int bind = sym[4] >> 4, type = sym[4] & 0xF;
                uint name = *(uint*)sym;
                if (*(ushort*)(sym + 6) != i || type != 2 /* STT_FUNC */ || bind is not (1 or 2) || name == 0 || name >= namesSize)
                    continue;
                ulong address = addressOf(new string((sbyte*)names + name));
                if (address == 0)
                    continue;
                (bases[i], placed[i]) = (address - *(ulong*)(sym + 8), true);
                codeStart = Math.Min(codeStart, bases[i]);
                codeEnd = Math.Max(codeEnd, bases[i] + bytes);
            }
        }
        if (codeEnd == 0)
            return false;

        // the debug sections' relocations (JITLink applies those of the loaded sections, not these)
        for (ulong i = 0; i < l.Count; i++)
        {
            ulong sh = l.Sections + i * l.EntrySize;
            if ((uint)At(r, sh + 4, 4) != ShtRela)
                continue;
            ulong offset = At(r, sh + 24, 8), bytes = At(r, sh + 32, 8), target = At(r, sh + 44, 4);
            if (offset > size || bytes > size - offset || target >= l.Count)
                continue;
            ulong th = l.Sections + target * l.EntrySize;
            ulong tflags = At(r, th + 8, 8), toff = At(r, th + 24, 8), tsize = At(r, th + 32, 8);
            if ((tflags & ShfAlloc) != 0 || toff > size || tsize > size - toff)
                continue;
            for (ulong e = offset; e + 24 <= offset + bytes; e += 24)
            {
                ulong at = *(ulong*)(b + e), info = *(ulong*)(b + e + 8);
                long addend = *(long*)(b + e + 16);
                ulong symIndex = info >> 32;
                uint kind = (uint)info;
                int width = machine == MachineX86_64
                    ? kind switch { 1 => 8, 10 or 11 => 4, _ => 0 }
                    : kind switch { 257 => 8, 258 => 4, _ => 0 };
                if (width == 0 || symIndex >= symCount || at > tsize || (ulong)width > tsize - at)
                    continue;
                byte* sym = b + symtab + symIndex * 24;
                ushort section = *(ushort*)(sym + 6);
                ulong value = *(ulong*)(sym + 8);
                if (section == 0 || section >= 0xFF00 && section != 0xFFF1 /* SHN_ABS */)
                    continue;
                if (section < l.Count && (At(r, l.Sections + section * l.EntrySize + 8, 8) & ShfAlloc) != 0)
                {
                    if (!placed[section])
                        continue;
                    value += bases[section];
                }
                ulong result = value + (ulong)addend;
                if (width == 8)
                    *(ulong*)(b + toff + at) = result;
                else
                    *(uint*)(b + toff + at) = (uint)result;
            }
        }

        // function symbols at their addresses (SymbolAt names functions line tables leave out)
        for (ulong k = 1; k < symCount; k++)
        {
            byte* sym = b + symtab + k * 24;
            ushort section = *(ushort*)(sym + 6);
            if ((sym[4] & 0xF) != 2)
                continue;
            if (section < l.Count && placed[section])
                *(ulong*)(sym + 8) += bases[section];
            else
                *(ulong*)(sym + 16) = 0;
        }
        return ReadSections(ref img, l);
    }
}
