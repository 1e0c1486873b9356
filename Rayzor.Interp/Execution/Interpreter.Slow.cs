using System.Runtime.CompilerServices;
using Rayzor.Interp.Natives;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Memory;

namespace Rayzor.Interp.Execution;

/// <summary>
/// What the dispatch loop does out of line: allocation (a P/Invoke into the collector) and the
/// building of error messages. Inlined into <c>Run</c>, a P/Invoke makes every interpreted call set
/// up a P/Invoke frame and a string builder makes it zero a GC-tracked frame area; kept here, a
/// call of an interpreted function costs only its own frame.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private enum FaultKind { MissingMethod, TooManyTraps, Unreachable, MissingNative, BadOpcode }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void* NewObject(int cls)
    {
        var o = (TypeDesc**)Heap.Alloc((nuint)Math.Max(Image.Module.Classes[cls].Size, 8));
        *o = Image.ClassDescs[cls];
        return o;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void* Allocate(int size) => Heap.Alloc((nuint)Math.Max(size, 8));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private HClosure* NewClosure(Func fn, void* env)
    {
        var clo = (HClosure*)Heap.Alloc((nuint)sizeof(HClosure));
        clo->Td = fn.ClosureDesc != null ? fn.ClosureDesc : Image.ClosureDesc(fn);
        clo->Fn = (void*)(fn.CodePointer != 0 ? fn.CodePointer : Image.CodeOf(fn));
        clo->Env = env;
        return clo;
    }

    /// <summary>An error of the interpreter or of the program's MIR met while running <paramref name="f"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InterpreterException Fault(Func f, FaultKind kind, int a, nint b) => new(kind switch
    {
        FaultKind.MissingMethod => $"@{f.Name}: interface method {a} missing in {Loading.Image.NameOf((TypeDesc*)b)}",
        FaultKind.TooManyTraps => $"@{f.Name}: more traps open than tryenter instructions",
        FaultKind.Unreachable => $"@{f.Name}: reached unreachable code",
        FaultKind.MissingNative => $"@{f.Name}: the interpreter has no native @{NativeTable.Missing(a)}",
        _ => $"@{f.Name}: bad opcode {a} at {b}",
    });
}
