using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Exceptions;

/// <summary>DWARF 2–4 compile units: abbreviations, DIEs, address ranges and names.</summary>
internal static unsafe partial class Symbolizer
{
    private struct Unit
    {
        public byte* Start, End, Dies;
        public ushort Version;
        public ulong AbbrevOffset;
        public byte AddressSize;

        /// <summary>The unit's low_pc: the base address of its range lists.</summary>
        public ulong Base;

        /// <summary>Abbreviation declarations by code (null until indexed), and how many.</summary>
        public byte** Abbrevs;
        public ulong AbbrevCount;
        public byte* AbbrevTable, AbbrevEnd;
        public Section Str, Info;
    }

    /// <summary>The attributes of one DIE that the symbolizer uses.</summary>
    private struct Die
    {
        public ulong Tag;
        public bool HasChildren;
        public byte* Name, LinkageName, Producer;

        /// <summary>The DIE named by DW_AT_abstract_origin or DW_AT_specification.</summary>
        public byte* Origin;
        public ulong LowPc, HighPc, Ranges, CallFile, CallLine, StmtList;
        public bool HasLow, HasHigh, HighIsAddress, HasRanges, HasStmtList;
    }

    private const int MaxScopeDepth = 64;

    /// <summary>Frames at <paramref name="pc"/> when <paramref name="u"/> is a Rayzor unit holding
    /// it; 0 when the unit is another one, -1 when it holds the address but no frame resolves.</summary>
    private static int ResolveInUnit(in Image img, ref Unit u, ulong pc, SourceFrame* frames, int max)
    {
        if (u.AbbrevOffset >= (ulong)(img.Abbrev.End - img.Abbrev.Start))
            return 0;
        u.AbbrevTable = img.Abbrev.Start + u.AbbrevOffset;
        u.AbbrevEnd = img.Abbrev.End;
        u.Str = img.Str;
        u.Info = img.Info;
        var r = new DwarfReader(u.Dies, u.End);
        if (ReadDie(ref r, ref u, out Die cu) != 1 || cu.Tag != TagCompileUnit || !StartsWith(cu.Producer, "Rayzor"u8))
            return 0;
        u.Base = cu.HasLow ? cu.LowPc : 0;
        if (!Contains(img, u, cu, pc))
            return 0;
        if (!cu.HasStmtList)
            return -1;
        IndexAbbrevs(ref u);
        try
        {
            Die* chain = stackalloc Die[MaxScopeDepth];
            int n = cu.HasChildren ? FindScopes(img, ref u, ref r, pc, chain) : 0;
            if (n < 0 || !ReadLineHeader(img, cu.StmtList, out LineHeader lines))
                return -1;
            if (!LookupLine(lines, u.AddressSize, pc, out ulong file, out ulong line))
                return -1;
            if (n == 0 || chain[0].Tag != TagSubprogram)
            {
                // a function nothing was inlined into has no DIE in line-tables-only DWARF
                frames[0].Name = SymbolAt(img, pc);
                FileName(lines, file, out frames[0].File, out frames[0].Dir);
                frames[0].Line = line;
                return frames[0].Name != null ? 1 : -1;
            }
            int count = 0;
            for (int i = n - 1; i >= 0 && count < max; i--)
            {
                if (chain[i].Tag == TagLexicalBlock)
                    continue;
                SourceFrame* f = &frames[count++];
                f->Name = NameOf(ref u, chain[i]);
                FileName(lines, file, out f->File, out f->Dir);
                f->Line = line;
                if (chain[i].Tag == TagInlined)
                {
                    file = chain[i].CallFile;
                    line = chain[i].CallLine;
                }
            }
            return count > 0 ? count : -1;
        }
        finally
        {
            NativeMemory.Free(u.Abbrevs);
            u.Abbrevs = null;
        }
    }

    /// <summary>
    /// The nest of subprogram, inlined-subroutine and lexical-block DIEs holding <paramref name="pc"/>,
    /// outermost first, read from the unit's children on; returns how many.
    /// </summary>
    private static int FindScopes(in Image img, ref Unit u, ref DwarfReader r, ulong pc, Die* chain)
    {
        int n = 0;
        int depth = 1, want = 1; // the depth of the next DIE; the depth searched (children of chain[n-1])
        while (true)
        {
            int k = ReadDie(ref r, ref u, out Die d);
            if (k < 0)
                return -1;
            if (k == 0)
            {
                depth--;
                if (depth < want)
                    return n;
                continue;
            }
            if (depth == want && d.Tag is TagSubprogram or TagInlined or TagLexicalBlock && Contains(img, u, d, pc))
            {
                if (n == MaxScopeDepth)
                    return n;
                chain[n++] = d;
                want = depth + 1;
                if (!d.HasChildren)
                    return n;
            }
            if (d.HasChildren)
                depth++;
        }
    }

    /// <summary>A function's name: its own, else its abstract origin's or declaration's (same unit).</summary>
    private static byte* NameOf(ref Unit u, Die d)
    {
        for (int hops = 0; hops < 8; hops++)
        {
            if (d.Name != null)
                return d.Name;
            if (d.LinkageName != null)
                return d.LinkageName;
            if (d.Origin == null || d.Origin < u.Dies || d.Origin >= u.End)
                return null;
            var r = new DwarfReader(d.Origin, u.End);
            if (ReadDie(ref r, ref u, out d) != 1)
                return null;
        }
        return null;
    }

    private static bool Contains(in Image img, in Unit u, in Die d, ulong pc)
    {
        if (d.HasRanges)
        {
            if (img.Ranges.Start == null || d.Ranges >= (ulong)(img.Ranges.End - img.Ranges.Start))
                return false;
            var r = new DwarfReader(img.Ranges.Start + d.Ranges, img.Ranges.End);
            ulong baseAddress = u.Base;
            ulong selector = u.AddressSize == 4 ? 0xFFFFFFFF : ulong.MaxValue;
            while (!r.AtEnd)
            {
                ulong begin = r.Sized(u.AddressSize), end = r.Sized(u.AddressSize);
                if (r.Bad || begin == 0 && end == 0)
                    return false;
                if (begin == selector)
                    baseAddress = end;
                else if (pc >= baseAddress + begin && pc < baseAddress + end)
                    return true;
            }
            return false;
        }
        if (!d.HasLow || !d.HasHigh)
            return false;
        ulong high = d.HighIsAddress ? d.HighPc : d.LowPc + d.HighPc;
        return pc >= d.LowPc && pc < high;
    }

    /// <summary>Reads one DIE: 1, or 0 for the null entry that ends a list of children, -1 on damage.</summary>
    private static int ReadDie(ref DwarfReader r, ref Unit u, out Die d)
    {
        d = default;
        ulong code = r.Uleb();
        if (r.Bad)
            return -1;
        if (code == 0)
            return 0;
        byte* decl = Abbrev(ref u, code);
        if (decl == null)
            return -1;
        var a = new DwarfReader(decl, u.AbbrevEnd);
        d.Tag = a.Uleb();
        d.HasChildren = a.U8() != 0;
        while (true)
        {
            ulong attr = a.Uleb(), form = a.Uleb();
            if (a.Bad)
                return -1;
            if (attr == 0 && form == 0)
                return r.Bad ? -1 : 1;
            if (!ReadAttribute(ref r, u, attr, form, ref d))
                return -1;
        }
    }

    private static bool ReadAttribute(ref DwarfReader r, in Unit u, ulong attr, ulong form, ref Die d)
    {
        if (!ReadForm(ref r, u, form, out ulong v, out byte* p))
            return false;
        switch (attr)
        {
            case AtName: d.Name = p; break;
            case AtLinkageName or AtMipsLinkageName: d.LinkageName = p; break;
            case AtProducer: d.Producer = p; break;
            case AtLowPc: d.LowPc = v; d.HasLow = true; break;
            case AtHighPc: d.HighPc = v; d.HasHigh = true; d.HighIsAddress = form == 0x01; break;
            case AtRanges: d.Ranges = v; d.HasRanges = true; break;
            case AtStmtList: d.StmtList = v; d.HasStmtList = true; break;
            case AtAbstractOrigin or AtSpecification: d.Origin = p; break;
            case AtCallFile: d.CallFile = v; break;
            case AtCallLine: d.CallLine = v; break;
        }
        return true;
    }

    /// <summary>
    /// Reads an attribute value of DWARF 2–4 form <paramref name="form"/>: a number in
    /// <paramref name="v"/>, a string or a referenced DIE in <paramref name="p"/> (null when none).
    /// False for a form this reader does not know (DWARF 5 forms).
    /// </summary>
    private static bool ReadForm(ref DwarfReader r, in Unit u, ulong form, out ulong v, out byte* p)
    {
        v = 0;
        p = null;
        switch (form)
        {
            case 0x01: v = r.Sized(u.AddressSize); break;          // addr
            case 0x03: r.Skip(r.U16()); break;                    // block2
            case 0x04: r.Skip(r.U32()); break;                    // block4
            case 0x05: v = r.U16(); break;                        // data2
            case 0x06: v = r.U32(); break;                        // data4
            case 0x07: v = r.U64(); break;                        // data8
            case 0x08: p = r.CString(); break;                    // string
            case 0x09 or 0x18: r.Skip(r.Uleb()); break;           // block, exprloc
            case 0x0a: r.Skip(r.U8()); break;                     // block1
            case 0x0b or 0x0c: v = r.U8(); break;                 // data1, flag
            case 0x0d: v = (ulong)r.Sleb(); break;                // sdata
            case 0x0e: p = At(u.Str, r.U32()); break;             // strp
            case 0x0f: v = r.Uleb(); break;                       // udata
            case 0x10: p = At(u.Info, u.Version <= 2 ? r.Sized(u.AddressSize) : r.U32()); break; // ref_addr
            case 0x11: p = InUnit(u, r.U8()); break;              // ref1
            case 0x12: p = InUnit(u, r.U16()); break;             // ref2
            case 0x13: p = InUnit(u, r.U32()); break;             // ref4
            case 0x14: p = InUnit(u, r.U64()); break;             // ref8
            case 0x15: p = InUnit(u, r.Uleb()); break;            // ref_udata
            case 0x16: return ReadForm(ref r, u, r.Uleb(), out v, out p); // indirect
            case 0x17: v = r.U32(); break;                        // sec_offset
            case 0x19: v = 1; break;                              // flag_present
            case 0x20: v = r.U64(); break;                        // ref_sig8
            default: return false;
        }
        return !r.Bad;
    }

    private static byte* At(Section s, ulong offset) =>
        s.Start != null && offset < (ulong)(s.End - s.Start) ? s.Start + offset : null;

    private static byte* InUnit(in Unit u, ulong offset) =>
        offset < (ulong)(u.End - u.Start) ? u.Start + offset : null;

    /// <summary>The declaration of abbreviation <paramref name="code"/> (after its code), or null.</summary>
    private static byte* Abbrev(ref Unit u, ulong code)
    {
        if (u.Abbrevs != null)
            return code < u.AbbrevCount ? u.Abbrevs[code] : null;
        // before indexing (the unit's first DIE): a scan
        var a = new DwarfReader(u.AbbrevTable, u.AbbrevEnd);
        while (!a.AtEnd)
        {
            ulong c = a.Uleb();
            if (c == 0 || a.Bad)
                return null;
            if (c == code)
                return a.Pos;
            SkipDeclaration(ref a);
        }
        return null;
    }

    private static void SkipDeclaration(ref DwarfReader a)
    {
        a.Uleb(); // tag
        a.U8();   // children
        while (!a.Bad)
        {
            ulong attr = a.Uleb(), form = a.Uleb();
            if (attr == 0 && form == 0)
                return;
        }
    }

    /// <summary>Indexes the unit's abbreviations by code, for reading all of its DIEs.</summary>
    private static void IndexAbbrevs(ref Unit u)
    {
        ulong maxCode = 0;
        var a = new DwarfReader(u.AbbrevTable, u.AbbrevEnd);
        while (!a.AtEnd)
        {
            ulong c = a.Uleb();
            if (c == 0 || a.Bad)
                break;
            maxCode = Math.Max(maxCode, c);
            SkipDeclaration(ref a);
        }
        if (maxCode == 0 || maxCode > 1 << 20)
            return;
        var index = (byte**)NativeMemory.AllocZeroed((nuint)(maxCode + 1), (nuint)sizeof(byte*));
        a = new DwarfReader(u.AbbrevTable, u.AbbrevEnd);
        while (!a.AtEnd)
        {
            ulong c = a.Uleb();
            if (c == 0 || a.Bad)
                break;
            if (index[c] == null)
                index[c] = a.Pos;
            SkipDeclaration(ref a);
        }
        u.Abbrevs = index;
        u.AbbrevCount = maxCode + 1;
    }
}
