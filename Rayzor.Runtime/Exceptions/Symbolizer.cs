using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Exceptions;

/// <summary>One Haxe frame at a code address: the function's DWARF name and the .hx position.</summary>
internal unsafe struct SourceFrame
{
    /// <summary>The function (NUL-terminated UTF-8, e.g. <c>Main.parse</c>), null when unknown.</summary>
    public byte* Name;

    /// <summary>The source file as the compiler was given it, and its directory entry (or null).</summary>
    public byte* File;
    public byte* Dir;
    public ulong Line;
}

/// <summary>
/// Maps code addresses of the running executable to Haxe frames by reading its own DWARF
/// (<c>/proc/self/exe</c>, mapped read-only): the compile units Rayzor emitted (producer
/// <c>Rayzor</c>, DWARF 4: see Rayzor.LlvmBackend/Emit/ModuleEmitter.Debug.cs), their subprograms
/// and inlined subroutines (so a call LLVM inlined is still a frame), and their line programs.
/// Other units (the runtime, libgc, the C library) are skipped: their addresses are not Haxe frames.
/// A stripped executable has no .debug_info, so it resolves nothing.
/// Used only on the way out of an uncaught exception; it allocates no managed memory (see Traps).
/// </summary>
internal static unsafe partial class Symbolizer
{
    internal struct Section
    {
        public byte* Start;
        public byte* End;
    }

    /// <summary>The mapped executable, its debug sections and the load bias of this process.</summary>
    public struct Image
    {
        public byte* Base;
        public nuint Size;
        public ulong Bias;
        internal Section Info, Abbrev, Line, Str, Ranges, Symbols, SymbolNames;
    }

    private const ushort TagCompileUnit = 0x11, TagSubprogram = 0x2e, TagInlined = 0x1d, TagLexicalBlock = 0x0b;
    private const ushort AtName = 0x03, AtStmtList = 0x10, AtLowPc = 0x11, AtHighPc = 0x12, AtProducer = 0x25,
        AtAbstractOrigin = 0x31, AtSpecification = 0x47, AtRanges = 0x55, AtCallFile = 0x58, AtCallLine = 0x59,
        AtLinkageName = 0x6e, AtMipsLinkageName = 0x2007;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "lseek")]
    private static partial long LSeek(int fd, long offset, int whence);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int MUnmap(void* addr, nuint length);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "getauxval")]
    private static partial nuint GetAuxVal(nuint type);

    /// <summary>Maps the executable and finds its debug sections; false when there is nothing to read.</summary>
    public static bool Open(out Image img)
    {
        if (!Map(out img))
            return false;
        if (ReadElf(ref img))
            return true;
        CloseImage(ref img);
        return false;
    }

    /// <summary>
    /// Where the executable's section <paramref name="name"/> is in memory (its address plus the
    /// load bias) and its size; false when it has none (or the executable cannot be read).
    /// </summary>
    public static bool FindSection(ReadOnlySpan<byte> name, out nint start, out nint length)
    {
        (start, length) = (0, 0);
        if (!Map(out var img))
            return false;
        try
        {
            if (!ReadLayout(ref img, out var l))
                return false;
            var r = new DwarfReader(img.Base, img.Base + img.Size);
            for (ulong i = 0; i < l.Count; i++)
            {
                ulong sh = l.Sections + i * l.EntrySize, n = At(r, sh, 4);
                if (n < l.NamesSize && NameIs(img.Base + l.Names + n, name))
                {
                    (start, length) = ((nint)(img.Bias + At(r, sh + 16, 8)), (nint)At(r, sh + 32, 8));
                    return true;
                }
            }
            return false;
        }
        finally
        {
            CloseImage(ref img);
        }
    }

    /// <summary>Maps the executable (read-only).</summary>
    private static bool Map(out Image img)
    {
        img = default;
        const int SeekEnd = 2, ProtRead = 1, MapPrivate = 2;
        ReadOnlySpan<byte> path = "/proc/self/exe\0"u8;
        int fd;
        fixed (byte* p = path)
            fd = Open(p, 0);
        if (fd < 0)
            return false;
        long size = LSeek(fd, 0, SeekEnd);
        void* map = size > 64 ? Std.LibC.MMap(null, (nuint)size, ProtRead, MapPrivate, fd, 0) : (void*)-1;
        Close(fd);
        if (map == (void*)-1)
            return false;
        img.Base = (byte*)map;
        img.Size = (nuint)size;
        return true;
    }

    public static void CloseImage(ref Image img)
    {
        if (img.Base != null)
            MUnmap(img.Base, img.Size);
        img = default;
    }

    /// <summary>The section headers of an ELF image: where, how many, how big, and their names' table.</summary>
    private struct Layout
    {
        public ulong Sections, EntrySize, Count, Names, NamesSize;
    }

    /// <summary>Checks the ELF header, sets the load bias and finds the section headers.</summary>
    private static bool ReadLayout(ref Image img, out Layout l)
    {
        if (!ReadSectionHeaders(img, out l))
            return false;
        byte* b = img.Base;
        var r = new DwarfReader(b, b + img.Size);
        ulong phoff = At(r, 32, 8), phentsize = At(r, 54, 2), phnum = At(r, 56, 2);
        if (phentsize < 56 || phoff > img.Size || phnum * phentsize > img.Size - phoff)
            return false;

        // load bias: where the program headers are in memory minus where the file says they are
        ulong atPhdr = GetAuxVal(3);
        if (atPhdr == 0)
            return false;
        bool found = false;
        for (ulong i = 0; i < phnum && !found; i++)
        {
            ulong ph = phoff + i * phentsize;
            uint type = (uint)At(r, ph, 4);
            ulong offset = At(r, ph + 8, 8), vaddr = At(r, ph + 16, 8), filesz = At(r, ph + 32, 8);
            if (type == 6) // PT_PHDR
            {
                img.Bias = atPhdr - vaddr;
                found = true;
            }
            else if (type == 1 && offset <= phoff && phoff < offset + filesz) // PT_LOAD holding the headers
            {
                img.Bias = atPhdr - (vaddr + phoff - offset);
                found = true;
            }
        }
        return found;
    }

    /// <summary>Checks the ELF header (64-bit, little-endian) and finds the section headers and their names.</summary>
    private static bool ReadSectionHeaders(in Image img, out Layout l)
    {
        l = default;
        byte* b = img.Base;
        if (img.Size < 64 || b[0] != 0x7F || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F' || b[4] != 2 || b[5] != 1)
            return false;
        var r = new DwarfReader(b, b + img.Size);
        ulong shoff = At(r, 40, 8), shentsize = At(r, 58, 2), shnum = At(r, 60, 2), shstrndx = At(r, 62, 2);
        if (shentsize < 64 || shoff > img.Size || shnum * shentsize > img.Size - shoff || shstrndx >= shnum)
            return false;
        ulong strtab = shoff + shstrndx * shentsize;
        ulong namesOff = At(r, strtab + 24, 8), namesSize = At(r, strtab + 32, 8);
        if (namesOff > img.Size || namesSize > img.Size - namesOff)
            return false;
        l = new Layout { Sections = shoff, EntrySize = shentsize, Count = shnum, Names = namesOff, NamesSize = namesSize };
        return true;
    }

    private static bool ReadElf(ref Image img) => ReadLayout(ref img, out var l) && ReadSections(ref img, l);

    /// <summary>Finds the debug sections and the symbol table of an ELF image whose section headers are <paramref name="l"/>.</summary>
    private static bool ReadSections(ref Image img, in Layout l)
    {
        byte* b = img.Base;
        var r = new DwarfReader(b, b + img.Size);
        ulong shoff = l.Sections, shentsize = l.EntrySize, shnum = l.Count, namesOff = l.Names, namesSize = l.NamesSize;
        for (ulong i = 0; i < shnum; i++)
        {
            ulong sh = shoff + i * shentsize;
            ulong name = At(r, sh, 4), flags = At(r, sh + 8, 8), offset = At(r, sh + 24, 8), size = At(r, sh + 32, 8);
            const ulong ShfCompressed = 0x800;
            uint type = (uint)At(r, sh + 4, 4);
            if (name >= namesSize || type == 8 /* SHT_NOBITS */ || (flags & ShfCompressed) != 0
                || offset > img.Size || size > img.Size - offset)
                continue;
            var s = new Section { Start = b + offset, End = b + offset + size };
            byte* n = b + namesOff + name;
            if (NameIs(n, ".debug_info"u8)) img.Info = s;
            else if (NameIs(n, ".debug_abbrev"u8)) img.Abbrev = s;
            else if (NameIs(n, ".debug_line"u8)) img.Line = s;
            else if (NameIs(n, ".debug_str"u8)) img.Str = s;
            else if (NameIs(n, ".debug_ranges"u8)) img.Ranges = s;
            else if (type == 2 /* SHT_SYMTAB */)
            {
                ulong link = At(r, sh + 40, 4);
                ulong strOff = At(r, shoff + link * shentsize + 24, 8), strSize = At(r, shoff + link * shentsize + 32, 8);
                if (link < shnum && strOff <= img.Size && strSize <= img.Size - strOff)
                {
                    img.Symbols = s;
                    img.SymbolNames = new Section { Start = b + strOff, End = b + strOff + strSize };
                }
            }
        }
        return img.Info.Start != null && img.Abbrev.Start != null && img.Line.Start != null;
    }

    private static ulong At(DwarfReader r, ulong offset, int size)
    {
        if (offset > (ulong)(r.End - r.Pos))
            return 0;
        r.Pos += offset;
        return r.Sized(size);
    }

    private static bool NameIs(byte* s, ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < name.Length; i++)
            if (s[i] != name[i])
                return false;
        return s[name.Length] == 0;
    }

    /// <summary>True when the NUL-terminated <paramref name="s"/> starts with <paramref name="prefix"/>.</summary>
    internal static bool StartsWith(byte* s, ReadOnlySpan<byte> prefix)
    {
        if (s == null)
            return false;
        for (int i = 0; i < prefix.Length; i++)
            if (s[i] != prefix[i])
                return false;
        return true;
    }

    /// <summary>
    /// The function symbol (.symtab) holding file address <paramref name="pc"/>: line-tables-only
    /// DWARF describes only functions that have calls inlined into them.
    /// </summary>
    private static byte* SymbolAt(in Image img, ulong pc)
    {
        const int SymSize = 24;
        var names = img.SymbolNames;
        for (byte* sym = img.Symbols.Start; sym != null && sym + SymSize <= img.Symbols.End; sym += SymSize)
        {
            if ((sym[4] & 0xF) != 2) // STT_FUNC
                continue;
            var r = new DwarfReader(sym, sym + SymSize);
            ulong name = r.U32();
            r.Skip(4);
            ulong value = r.U64(), size = r.U64();
            if (pc >= value && pc - value < size && name < (ulong)(names.End - names.Start))
                return names.Start + name;
        }
        return null;
    }

    /// <summary>
    /// The Haxe frames at file address <paramref name="pc"/>, innermost (inlined) first, into
    /// <paramref name="frames"/>; the count, 0 when the address is not in Rayzor-generated code.
    /// </summary>
    public static int Resolve(in Image img, ulong pc, SourceFrame* frames, int max)
    {
        var r = new DwarfReader(img.Info.Start, img.Info.End);
        while (!r.AtEnd)
        {
            byte* unitStart = r.Pos;
            ulong length = r.U32();
            bool dwarf64 = length == 0xFFFFFFFF;
            if (dwarf64)
                length = r.U64();
            if (r.Bad || length > (ulong)(r.End - r.Pos))
                return 0;
            byte* unitEnd = r.Pos + length;
            if (dwarf64)
            {
                r.Pos = unitEnd; // Rayzor's units are 32-bit DWARF
                continue;
            }
            ushort version = r.U16();
            if (version is >= 2 and <= 4)
            {
                var u = new Unit { Start = unitStart, End = unitEnd, Version = version };
                u.AbbrevOffset = r.U32();
                u.AddressSize = r.U8();
                u.Dies = r.Pos;
                int n = ResolveInUnit(img, ref u, pc, frames, max);
                if (n != 0)
                    return n < 0 ? 0 : n;
            }
            r.Pos = unitEnd;
        }
        return 0;
    }
}
