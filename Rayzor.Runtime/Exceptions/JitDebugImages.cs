using System.Runtime.InteropServices;
using System.Text;

namespace Rayzor.Runtime.Exceptions;

/// <summary>
/// The DWARF of code compiled in this process (`rayzor run --tier auto|max`): each JIT object is
/// copied before it is linked (the JIT loads its code and data, not its debug sections), its code
/// sections placed where the JIT put them and its debug sections relocated there
/// (<see cref="Symbolizer.OpenObject"/>), so a compiled frame's return address resolves to its
/// function, the calls inlined into it and their lines, as an executable's does. Images are
/// added by the compiling thread and read by the thread printing a report.
/// </summary>
public static unsafe class JitDebugImages
{
    private sealed class Entry
    {
        public Symbolizer.Image Image;
        public ulong Start, End;
    }

    private static volatile Entry[] s_entries = [];
    private static readonly object s_gate = new();

    /// <summary>
    /// Adds the relocatable object <paramref name="obj"/>; <paramref name="addressOf"/> gives the
    /// address of one of its global functions by name (0 when unknown). False when it has no DWARF
    /// or none of its code could be placed (its frames then resolve to nothing).
    /// </summary>
    public static bool Add(ReadOnlySpan<byte> obj, Func<string, ulong> addressOf)
    {
        byte* copy = (byte*)NativeMemory.Alloc((nuint)obj.Length);
        obj.CopyTo(new Span<byte>(copy, obj.Length));
        if (!Symbolizer.OpenObject(copy, (nuint)obj.Length, addressOf, out var img, out var start, out var end))
        {
            NativeMemory.Free(copy);
            return false;
        }
        // (never freed: compiled code stays for the whole run)
        lock (s_gate)
            s_entries = [.. s_entries, new Entry { Image = img, Start = start, End = end }];
        return true;
    }

    /// <summary>Whether any object was added.</summary>
    public static bool Any => s_entries.Length > 0;

    /// <summary>The Haxe frames at code address <paramref name="pc"/>, innermost first (see <see cref="Symbolizer.Resolve"/>); 0 when no added object covers it.</summary>
    internal static int Resolve(ulong pc, SourceFrame* frames, int max)
    {
        foreach (var e in s_entries)
            if (pc >= e.Start && pc < e.End)
                return Symbolizer.Resolve(e.Image, pc, frames, max);
        return 0;
    }

    private const int MaxInlined = 64;

    /// <summary>
    /// The Haxe frames at the return address <paramref name="returnAddress"/> of compiled code
    /// (the call is the byte before it), innermost (inlined) first: MIR function names, files as
    /// the compiler was given them, lines; empty when no added object covers it.
    /// </summary>
    public static List<(string Name, string? File, int Line)> FramesAt(nint returnAddress)
    {
        var result = new List<(string, string?, int)>();
        SourceFrame* frames = stackalloc SourceFrame[MaxInlined];
        int n = Resolve((ulong)returnAddress - 1, frames, MaxInlined);
        for (int k = 0; k < n; k++)
            if (frames[k].Name != null)
                result.Add((Utf8(frames[k].Name), FileOf(frames[k]), (int)frames[k].Line));
        return result;
    }

    /// <summary>The file as an executable's report prints it (its directory entry before a relative name).</summary>
    private static string? FileOf(in SourceFrame f)
    {
        if (f.File == null)
            return null;
        var file = Utf8(f.File);
        return f.Dir != null && f.File[0] != (byte)'/' ? Utf8(f.Dir) + "/" + file : file;
    }

    private static string Utf8(byte* s) => Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(s));
}
