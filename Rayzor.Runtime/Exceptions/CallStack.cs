using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exceptions;

/// <summary>
/// <c>haxe.CallStack</c> and <c>haxe.Exception.stack</c> (Rayzor's _std haxe/NativeStackTrace.hx):
/// <see cref="Capture"/> records the return addresses of the current native stack (cheap: no
/// symbols), <see cref="Resolve"/> turns them into Haxe frames through the executable's DWARF when
/// the program asks for them, as the uncaught-exception report does (<see cref="StackTrace"/>), or,
/// in a JIT host (`rayzor run --tier max`), through the JIT objects' (<see cref="JitDebugImages"/>).
/// The MIR interpreter takes and resolves stacks of its own frames (<see cref="CaptureHook"/>).
/// </summary>
internal static unsafe class CallStack
{
    /// <summary>Set by a host that runs Haxe code in frames of its own (the MIR interpreter): takes and resolves its stacks instead.</summary>
    public static delegate*<HArray*> CaptureHook;

    /// <inheritdoc cref="CaptureHook"/>
    public static delegate*<HArray*, HArray*> ResolveHook;

    private const int MaxNativeFrames = StackTrace.MaxNativeFrames, MaxInlinedFrames = StackTrace.MaxInlinedFrames, MaxFrameChars = 1024;

    /// <summary>The return addresses, innermost first, as an <c>Array&lt;Float&gt;</c> (user-space
    /// addresses are below 2^53, so a double holds them exactly).</summary>
    public static HArray* Capture()
    {
        if (CaptureHook != null)
            return CaptureHook();
        void** pcs = stackalloc void*[MaxNativeFrames];
        int n = StackTrace.Backtrace(pcs, MaxNativeFrames);
        HArray* a = ArrayOps.New(ElemKind.F64, 0);
        for (int i = 0; i < n; i++)
            ArrayOps.PushF64(a, (ulong)pcs[i]);
        return a;
    }

    /// <summary>The Haxe frames of captured addresses, innermost first, each a string
    /// <c>Class.method \t file \t line</c> (inlined calls are frames of their own; runtime and
    /// helper frames are left out).</summary>
    public static HArray* Resolve(HArray* pcs)
    {
        if (ResolveHook != null)
            return ResolveHook(pcs);
        HArray* result = ArrayOps.New(ElemKind.Ptr, 0);
        if (pcs == null || pcs->Length == 0)
            return result;
        // (a JIT host's own executable has no Rayzor units: its frames are the JIT's)
        bool opened = Symbolizer.Open(out Symbolizer.Image img);
        if (!opened && !JitDebugImages.Any)
            return result;
        SourceFrame* frames = stackalloc SourceFrame[MaxInlinedFrames];
        char* text = stackalloc char[MaxFrameChars];
        for (int i = 0; i < pcs->Length; i++)
        {
            // a return address: the call is the byte before it
            ulong pc = (ulong)((double*)pcs->Data)[i] - 1;
            int k = opened ? Symbolizer.Resolve(img, pc - img.Bias, frames, MaxInlinedFrames) : 0;
            if (k == 0)
                k = JitDebugImages.Resolve(pc, frames, MaxInlinedFrames);
            for (int j = 0; j < k; j++)
            {
                int nameLength = StackTrace.HaxeNameLength(frames[j].Name);
                if (nameLength > 0)
                    ArrayOps.PushPtr(result, Describe(frames[j], nameLength, text));
            }
        }
        Symbolizer.CloseImage(ref img);
        return result;
    }

    private static HString* Describe(in SourceFrame f, int nameLength, char* text)
    {
        int n = 0;
        void Add(byte* s, int count)
        {
            for (int i = 0; i < count && s[i] != 0 && n < MaxFrameChars; i++)
                text[n++] = (char)s[i]; // DWARF names and paths: the compiler writes them as given (ASCII in practice)
        }
        Add(f.Name, nameLength);
        if (n < MaxFrameChars) text[n++] = '\t';
        if (f.File != null)
        {
            if (f.Dir != null && f.File[0] != (byte)'/')
            {
                Add(f.Dir, int.MaxValue);
                if (n < MaxFrameChars) text[n++] = '/';
            }
            Add(f.File, int.MaxValue);
        }
        if (n < MaxFrameChars) text[n++] = '\t';
        foreach (char c in f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture))
            if (n < MaxFrameChars) text[n++] = c;
        return HString.FromChars(new ReadOnlySpan<char>(text, n));
    }
}
