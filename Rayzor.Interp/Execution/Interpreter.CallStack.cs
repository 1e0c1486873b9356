using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Strings;

namespace Rayzor.Interp.Execution;

/// <summary>
/// <c>haxe.CallStack</c> under the interpreter (the runtime's <see cref="CallStack"/> hooks): a
/// stack is the code positions of the interpreted frames from the one calling the runtime up,
/// as an <c>Array&lt;Float&gt;</c>, resolved to `name \t file \t line` frames when asked for.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private static HArray* CaptureStack()
    {
        var interp = Current!;
        var positions = stackalloc nint[MaxTraceFrames];
        var n = interp.Walk(interp._outSrc, interp._outOps, positions, MaxTraceFrames);
        var a = ArrayOps.New(ElemKind.F64, 0);
        for (var k = 0; k < n; k++) ArrayOps.PushF64(a, positions[k]);
        return a;
    }

    private static HArray* ResolveStack(HArray* positions)
    {
        var interp = Current!;
        var result = ArrayOps.New(ElemKind.Ptr, 0);
        for (var k = 0; positions != null && k < positions->Length; k++)
            foreach (var (name, file, line) in interp.FramesAt((int*)(nint)((double*)positions->Data)[k]))
                if (StackTrace.HaxeName(name) is { } shown)
                    ArrayOps.PushPtr(result, HString.FromChars($"{shown}\t{file}\t{line}"));
        return result;
    }
}
