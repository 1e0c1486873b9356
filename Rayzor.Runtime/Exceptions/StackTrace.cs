using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Exceptions;

/// <summary>
/// The <c>Called from</c> lines of an uncaught exception, HashLink's format, innermost first:
/// <c>Called from Main.parse (Main.hx line 4)</c>. Nothing is recorded while a program runs: the
/// native stack is captured (glibc <c>backtrace</c>, through the unwind tables every generated
/// function has) only when a throw finds no trap, then resolved through the executable's DWARF
/// (<see cref="Symbolizer"/>). Frames of the runtime and of generated helpers are left out; a local
/// function shows as the method that contains it. A stripped executable prints no frames.
/// </summary>
public static unsafe class StackTrace
{
    internal const int MaxNativeFrames = 256, MaxInlinedFrames = 64;
    private const int LineBytes = 1024;

    /// <summary>glibc's <c>backtrace</c>: the return addresses of the current stack, innermost first.</summary>
    [DllImport("libc", EntryPoint = "backtrace", ExactSpelling = true)]
    internal static extern int Backtrace(void** buffer, int size);

    /// <summary>
    /// Set by a host that runs Haxe code in frames of its own (the MIR interpreter): writes the
    /// frames of the uncaught exception instead of the native stack's. Never set in a native program.
    /// </summary>
    public static delegate*<void> PrintHook;

    /// <summary>Writes the Haxe frames of the current native stack (or the host's, <see cref="PrintHook"/>) to stderr.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Print()
    {
        if (PrintHook != null)
        {
            PrintHook();
            return;
        }
        void** pcs = stackalloc void*[MaxNativeFrames];
        int n = Backtrace(pcs, MaxNativeFrames);
        if (n <= 0 || !Symbolizer.Open(out Symbolizer.Image img))
            return;
        SourceFrame* frames = stackalloc SourceFrame[MaxInlinedFrames];
        byte* line = stackalloc byte[LineBytes];
        for (int i = 0; i < n; i++)
        {
            // a return address: the call is the byte before it
            ulong pc = (ulong)pcs[i] - 1 - img.Bias;
            int k = Symbolizer.Resolve(img, pc, frames, MaxInlinedFrames);
            for (int j = 0; j < k; j++)
                Write(frames[j], line);
        }
        Symbolizer.CloseImage(ref img);
    }

    private static void Write(in SourceFrame f, byte* buf)
    {
        int nameLength = HaxeNameLength(f.Name);
        if (nameLength <= 0)
            return;
        var line = new LineBuilder(buf, LineBytes);
        line.Add("Called from "u8);
        line.Add(f.Name, nameLength);
        line.Add(" ("u8);
        if (f.File == null)
            line.Add("?"u8);
        else
        {
            if (f.Dir != null && f.File[0] != (byte)'/')
            {
                line.Add(f.Dir, Length(f.Dir));
                line.Add("/"u8);
            }
            line.Add(f.File, Length(f.File));
        }
        End(ref line, f.Line, buf);
    }

    /// <summary>
    /// Writes one <c>Called from</c> line of a frame the host knows (<see cref="PrintHook"/>):
    /// <paramref name="name"/> is a MIR function name (left out or shortened as
    /// <see cref="HaxeNameLength"/> says), <paramref name="file"/> null when unknown, no line when
    /// <paramref name="lineNumber"/> is 0.
    /// </summary>
    public static void WriteFrame(string name, string? file, int lineNumber)
    {
        if (HaxeName(name) is not { } shown)
            return;
        byte* buf = stackalloc byte[LineBytes];
        byte* cname = stackalloc byte[LineBytes];
        int nameLength = System.Text.Encoding.UTF8.GetBytes(shown.AsSpan(0, Math.Min(shown.Length, LineBytes / 4)), new Span<byte>(cname, LineBytes));
        var line = new LineBuilder(buf, LineBytes);
        line.Add("Called from "u8);
        line.Add(cname, nameLength);
        line.Add(" ("u8);
        if (file == null)
            line.Add("?"u8);
        else
        {
            byte* cfile = stackalloc byte[LineBytes];
            int k = System.Text.Encoding.UTF8.GetBytes(file.AsSpan(0, Math.Min(file.Length, LineBytes / 4)), new Span<byte>(cfile, LineBytes));
            line.Add(cfile, k);
        }
        End(ref line, (ulong)Math.Max(0, lineNumber), buf);
    }

    private static void End(ref LineBuilder line, ulong lineNumber, byte* buf)
    {
        if (lineNumber > 0)
        {
            line.Add(" line "u8);
            line.AddNumber(lineNumber);
        }
        line.Add(")\n"u8);
        LibC.WriteAll(2, new ReadOnlySpan<byte>(buf, line.Length));
    }

    /// <summary>
    /// How much of a generated function's name is its Haxe frame name, or 0 to leave the frame out.
    /// Names are the MIR function names: `Main.parse`, `Main.new`; local functions are
    /// `Main.main.$lambda1`, shown as `Main.main`, like a tiered run's loop entries (`Main.run.$osr3`); other `$` names are helpers the compiler made
    /// (`$bound`, `$bridge`, `$toString`, `$dyncall.ii`, ...), hidden like the entry (`__rz_entry`)
    /// and `main`.
    /// </summary>
    internal static int HaxeNameLength(byte* name)
    {
        if (name == null || name[0] == (byte)'$' || Symbolizer.StartsWith(name, "__rz_"u8) || Symbolizer.StartsWith(name, "main\0"u8))
            return 0;
        int n = Length(name);
        for (int i = 0; i + 1 < n; i++)
            if (name[i] == (byte)'.' && name[i + 1] == (byte)'$')
                return Symbolizer.StartsWith(name + i + 1, "$lambda"u8) || Symbolizer.StartsWith(name + i + 1, "$osr"u8) ? i : 0;
        return n;
    }

    /// <summary>The Haxe frame name of a MIR function name (see <see cref="HaxeNameLength"/>), or null to leave the frame out.</summary>
    public static string? HaxeName(string name)
    {
        if (name.StartsWith('$') || name.StartsWith("__rz_", StringComparison.Ordinal) || name == "main")
            return null;
        int i = name.IndexOf(".$", StringComparison.Ordinal);
        if (i < 0)
            return name;
        return name.AsSpan(i + 1).StartsWith("$lambda") || name.AsSpan(i + 1).StartsWith("$osr") ? name[..i] : null;
    }

    private static int Length(byte* s)
    {
        int n = 0;
        while (s[n] != 0)
            n++;
        return n;
    }

    /// <summary>Appends to a fixed buffer, dropping what does not fit.</summary>
    private ref struct LineBuilder(byte* buf, int capacity)
    {
        public int Length;

        public void Add(ReadOnlySpan<byte> s)
        {
            foreach (byte b in s)
                if (Length < capacity)
                    buf[Length++] = b;
        }

        public void Add(byte* s, int n)
        {
            for (int i = 0; i < n && Length < capacity; i++)
                buf[Length++] = s[i];
        }

        public void AddNumber(ulong v)
        {
            byte* digits = stackalloc byte[20];
            int n = 0;
            do
            {
                digits[n++] = (byte)('0' + v % 10);
                v /= 10;
            } while (v != 0);
            while (n > 0 && Length < capacity)
                buf[Length++] = digits[--n];
        }
    }
}
