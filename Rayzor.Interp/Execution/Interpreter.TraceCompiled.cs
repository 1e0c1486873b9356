using Rayzor.Runtime.Exceptions;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Compiled frames of a tiered run in a throw's record: JIT code's unwind tables are registered
/// with the unwinder, so the native stack is walked (<see cref="NativeFrames"/>) and each frame
/// whose function starts where a compiled Haxe function starts is that function's frame. Frames go
/// in order of their stack address with the interpreted ones (the stack grows down: the innermost
/// has the lowest address). A compiled frame is recorded as its return address, negated; it prints
/// as the JIT object's line tables say (<see cref="JitDebugImages"/>: the function, the calls
/// inlined into it, lines), or as its function without a line when they do not cover it.
/// </summary>
public sealed unsafe partial class Interpreter
{
    // compiled functions by the address of their code (written by the compiler thread)
    private readonly Dictionary<nint, Func> _compiledAt = [];

    // the function of each return address recorded in compiled code (as many as call sites that threw)
    private readonly Dictionary<nint, Func> _compiledReturns = [];

    // loop entries of functions by the address of their code (written by the compiler thread)
    private readonly Dictionary<nint, Func> _loopCodeAt = [];

    /// <summary>Records where compiled code of <paramref name="f"/> starts (compiler thread).</summary>
    internal void AddCompiledCode(Func f, nint code)
    {
        lock (_compiledAt) _compiledAt[code] = f;
    }

    /// <summary>Records where the code of a loop entry of <paramref name="f"/> starts (compiler thread).</summary>
    internal void AddLoopCode(Func f, nint code)
    {
        lock (_compiledAt) _loopCodeAt[code] = f;
    }

    private const int MaxNativeFrames = 1024;

    /// <summary>Calls into compiled code running now (entries on the stack).</summary>
    private int _compiledSections;

    /// <summary>
    /// Merges the compiled frames on the native stack into the <paramref name="n"/> interpreted
    /// positions of <paramref name="into"/> (whose frames' addresses are <paramref name="addresses"/>);
    /// returns the new count.
    /// </summary>
    private int WithCompiledFrames(nint* into, nint* addresses, int n, int max)
    {
        // (the unwinder's walk costs a few microseconds a frame: a throw with no compiled code on the stack skips it)
        if (_compiledSections == 0) return n;
        var starts = stackalloc nint[MaxNativeFrames];
        var cfas = stackalloc nint[MaxNativeFrames];
        var ips = stackalloc nint[MaxNativeFrames];
        var count = NativeFrames.Collect(starts, cfas, MaxNativeFrames, ips);
        var merged = new List<(nint Address, nint Entry)>(n + 8);
        for (var k = 0; k < n; k++) merged.Add((addresses[k], into[k]));
        var loops = new HashSet<nint>();
        lock (_compiledAt)
            for (var k = 0; k < count; k++)
            {
                if (starts[k] == 0 || ips[k] <= 0) continue;
                if (_compiledAt.TryGetValue(starts[k], out var f)) { }
                else if (_loopCodeAt.TryGetValue(starts[k], out f)) loops.Add(-ips[k]);
                else continue;
                _compiledReturns[ips[k]] = f;
                merged.Add((cfas[k], -ips[k]));
            }
        // (OrderBy is stable: frames at one address keep their order)
        var ordered = merged.OrderBy(m => m.Address).ToList();
        // a loop entry's code is the frame that entered it (interpreted, at a back-edge of the loop): its lines are the code's
        for (var k = ordered.Count - 2; k >= 0; k--)
            if (loops.Contains(ordered[k].Entry) && ordered[k + 1].Entry > 0 && (Op)(*(int*)ordered[k + 1].Entry) is Op.JmpBack or Op.JmpMovesBack)
                ordered.RemoveAt(k + 1);
        var total = Math.Min(ordered.Count, max);
        for (var k = 0; k < total; k++) into[k] = ordered[k].Entry;
        return total;
    }
}
