using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.Interp.Execution;

/// <summary>
/// The Haxe frames of a throw (`Called from` lines of an uncaught exception), for two stores per
/// call in the dispatch loop and nothing else until a throw. Each frame is linked to its caller by its header,
/// the two slots before it (<c>r[-2]</c>, <c>r[-1]</c>): the <c>src</c> and <c>ops</c> its call
/// was made with. A direct call passes the caller's frame and its operands (the call instruction
/// is 4 ints before them); a closure call passes its outgoing arguments and
/// <see cref="_closureIdentity"/>, and the caller wrote its frame and the call's position in the two
/// slots before those arguments; an entry from native code (<see cref="Execute"/>) passes an
/// argument block and <see cref="_identity"/>, with the link of the interpreted code that left for
/// native or compiled code in the two slots before it (<see cref="_outSrc"/>, null at the top).
/// A throw walks the links from the throwing frame once, recording code positions; they become
/// names and lines only when printed.
/// </summary>
public sealed unsafe partial class Interpreter
{
    /// <summary>How many frames a throw records (as many as a native program's report walks).</summary>
    private const int MaxTraceFrames = 256;

    // operands 0, 1, 2, ... of a closure or dynamic call (the arguments gathered in the caller's scratch slots)
    private readonly int* _closureIdentity;

    /// <summary>
    /// The link of the interpreted frame that called into native or compiled code last (a runtime
    /// function, compiled code): where a throw raised there, or an entry back into the interpreter,
    /// continues the chain. Set before each such call; an entry from native code restores it when it
    /// returns.
    /// </summary>
    private long* _outSrc;
    private int* _outOps;

    // the code positions of the last throw, innermost first (they stay valid: code streams never move)
    private readonly nint* _trace;
    private int _traceCount;

    // the uncaught exception's positions, kept while its report runs (a toString may throw again)
    private nint[] _uncaught = [];

    // the highest address a frame may have (a link beyond it, or not above the one before, ends a walk)
    private nint _stackTop;

    /// <summary>A new Haxe exception raised at the link (<paramref name="src"/>, <paramref name="ops"/>): its frames are recorded.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private HaxeThrow Throw(void* value, long* src, int* ops)
    {
        *_exception = value;
        Capture(src, ops);
        return new HaxeThrow();
    }

    /// <summary>A Haxe exception whose frames were recorded where it was raised (thrown on across compiled code).</summary>
    private HaxeThrow Raise(void* value)
    {
        *_exception = value;
        return new HaxeThrow();
    }

    /// <summary>Records the code positions of the frames from the link (<paramref name="src"/>, <paramref name="ops"/>) up.</summary>
    private void Capture(long* src, int* ops) => _traceCount = Walk(src, ops, _trace, MaxTraceFrames);

    /// <summary>
    /// Writes the code positions of the frames from a link up into <paramref name="into"/>, with
    /// the compiled frames among them in a tiered run; returns how many.
    /// </summary>
    private int Walk(long* src, int* ops, nint* into, int max)
    {
        var addresses = stackalloc nint[max];
        var n = WalkInterpreted(src, ops, into, addresses, max);
        return Image.Tiered ? WithCompiledFrames(into, addresses, n, max) : n;
    }

    private int WalkInterpreted(long* src, int* ops, nint* into, nint* addresses, int max)
    {
        var n = 0;
        nint last = 0;
        while (n < max && src != null && (nint)src > last && (nint)src < _stackTop)
        {
            last = (nint)src;
            long* frame;
            int* at;
            if (ops == _identity)
            {
                // an argument block of an entry from native code: the link of the interpreted code that left for it
                ops = (int*)src[-1];
                src = (long*)src[-2];
                continue;
            }
            if (ops == _closureIdentity)
            {
                frame = (long*)src[-2];
                at = (int*)src[-1];
            }
            else
            {
                frame = src;
                at = ops - 4;
            }
            addresses[n] = (nint)frame;
            into[n++] = (nint)at;
            src = (long*)frame[-2];
            ops = (int*)frame[-1];
        }
        return n;
    }

    /// <summary>Set when a recorded exception is left pending for compiled code, which throws it on: no new record then.</summary>
    private bool _traceContinues;

    /// <summary>
    /// <c>rz_throw_prepare</c> under compiled code (tiered run): a throw of compiled code records the
    /// interpreted frames from the one that called into it; compiled code throwing on an exception
    /// of the interpreter keeps that one's record.
    /// </summary>
    private static void ThrowPrepared(void* value)
    {
        var interp = Current!;
        if (interp._traceContinues) interp._traceContinues = false;
        else interp.Capture(interp._outSrc, interp._outOps);
    }

    /// <summary>Keeps the recorded frames of the uncaught exception for its report (<see cref="PrintUncaught"/>).</summary>
    private void KeepUncaught() => _uncaught = new ReadOnlySpan<nint>(_trace, _traceCount).ToArray();

    /// <summary>The runtime's report of an uncaught exception: the `Called from` lines of its interpreted frames.</summary>
    private static void PrintUncaught()
    {
        var interp = Current!;
        foreach (var at in interp._uncaught)
            foreach (var (name, file, line) in interp.FramesAt((int*)at))
                StackTrace.WriteFrame(name, file, line);
    }

    /// <summary>The frames of one code position (MIR names): the function's own and those of calls inlined into it, innermost first.</summary>
    private List<(string Name, string? File, int Line)> FramesAt(int* at)
    {
        var frames = new List<(string, string?, int)>();
        if ((nint)at < 0)
        {
            // a compiled frame (its return address, negated): its function and inlined calls with
            // their lines, or its function alone
            var returnAddress = -(nint)at;
            // (a loop entry's own frame, `Main.run.$osr3`, prints as its function: StackTrace.HaxeName)
            frames.AddRange(JitDebugImages.FramesAt(returnAddress));
            if (frames.Count == 0 && _compiledReturns.TryGetValue(returnAddress, out var compiled))
                frames.Add((compiled.Name, compiled.Mir.SourceFile, 0));
            return frames;
        }
        if (FuncAt(at) is not { Positions: { } positions } f || positions.At((int)(at - f.Code)) is not { } p) return frames;
        AddFrames(frames, p.Inst, p.Owner);
        if (p.Outer != null) AddFrames(frames, p.Outer, f.Mir);
        // a frame at a back-edge goes on in compiled code entered at the loop (tiering): where in
        // the loop is not known, so no line rather than the back-edge's
        if ((Op)(*at) is Op.JmpBack or Op.JmpMovesBack) frames[0] = (frames[0].Item1, frames[0].Item2, 0);
        return frames;
    }

    private static void AddFrames(List<(string, string?, int)> frames, Instruction i, MirFunction owner)
    {
        var line = i.Line;
        for (var site = i.Inlined; site != null; site = site.Parent)
        {
            frames.Add((site.Callee, site.SourceFile, line));
            line = site.CallLine;
        }
        frames.Add((owner.Name, owner.SourceFile, line));
    }

    // the decoded functions by code address, remade when more were decoded
    private Func[] _byCode = [];

    /// <summary>The decoded function whose code stream holds <paramref name="at"/>, or null.</summary>
    private Func? FuncAt(int* at)
    {
        var decoded = _funcs.Count(f => f.Code != null);
        if (decoded != _byCode.Length)
            _byCode = [.. _funcs.Where(f => f.Code != null).OrderBy(f => (nint)f.Code)];
        int lo = 0, hi = _byCode.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var f = _byCode[mid];
            if (at < f.Code) hi = mid - 1;
            else if (at >= f.Code + f.CodeLength) lo = mid + 1;
            else return f;
        }
        return null;
    }

    /// <summary>Allocates an identity operand list of <paramref name="count"/> operands.</summary>
    private static int* Identity(int count)
    {
        var ops = (int*)NativeMemory.Alloc((nuint)(4 * count));
        for (var k = 0; k < count; k++) ops[k] = k;
        return ops;
    }
}
