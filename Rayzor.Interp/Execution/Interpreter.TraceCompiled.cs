using Rayzor.Runtime.Exceptions;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Compiled frames of a tiered run in a throw's record: JIT code has no debug information, but
/// its unwind tables are registered with the unwinder, so the native stack is walked
/// (<see cref="NativeFrames"/>) and each frame whose function starts where a compiled Haxe function
/// starts is that function's frame. Frames go in order of their stack address with the
/// interpreted ones (the stack grows down: the innermost has the lowest address). A compiled
/// frame is recorded as its function's index, negated less one; it prints without a line.
/// </summary>
public sealed unsafe partial class Interpreter
{
    // compiled functions by the address of their code (written by the compiler thread)
    private readonly Dictionary<nint, Func> _compiledAt = [];

    /// <summary>Records where compiled code of <paramref name="f"/> starts (compiler thread).</summary>
    internal void AddCompiledCode(Func f, nint code)
    {
        lock (_compiledAt) _compiledAt[code] = f;
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
        var count = NativeFrames.Collect(starts, cfas, MaxNativeFrames);
        var merged = new List<(nint Address, nint Entry)>(n + 8);
        for (var k = 0; k < n; k++) merged.Add((addresses[k], into[k]));
        lock (_compiledAt)
            for (var k = 0; k < count; k++)
                if (starts[k] != 0 && _compiledAt.TryGetValue(starts[k], out var f))
                    merged.Add((cfas[k], -1 - (nint)f.Index));
        // (OrderBy is stable: frames at one address keep their order)
        var ordered = merged.OrderBy(m => m.Address).ToList();
        var total = Math.Min(ordered.Count, max);
        for (var k = 0; k < total; k++) into[k] = ordered[k].Entry;
        return total;
    }
}
