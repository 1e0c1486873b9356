using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Where each instruction of the code stream came from: the MIR instruction (its line and the
/// calls the MIR inliner replaced by it), for the `Called from` lines of an uncaught exception.
/// </summary>
internal sealed unsafe partial class Decoder
{
    private readonly List<int> _positionOffsets = [];
    private readonly List<SourcePosition> _positions = [];

    // the call being replaced by its callee's body (Inline), while that body is emitted
    private Instruction? _inlinedCall;

    /// <summary>The code emitted from here on is <paramref name="i"/>'s (of the function being emitted).</summary>
    private void Mark(Instruction i) => Mark(new SourcePosition(i, _cf, _cf == _f ? null : _inlinedCall));

    private void Mark(SourcePosition p)
    {
        _positionOffsets.Add(_code.Count);
        _positions.Add(p);
    }

    /// <summary>Marks a branch a compare may fuse with (its code is the branch's when it does); always true.</summary>
    private bool MarkBranch(Instruction branch)
    {
        Mark(branch);
        return true;
    }

    /// <summary>The position of the code being emitted, if any.</summary>
    private SourcePosition? Current() => _positions.Count > 0 ? _positions[^1] : null;

    private CodePositions Positions() => new([.. _positionOffsets], [.. _positions]);
}

/// <summary>
/// The MIR instruction of a code position: <see cref="Owner"/> is the function it belongs to, the
/// decoded function's own or, when the decoder copied a small callee into it, that callee's, with
/// <see cref="Outer"/> the call it replaced.
/// </summary>
internal readonly record struct SourcePosition(Instruction Inst, MirFunction Owner, Instruction? Outer);

/// <summary>The source positions of a decoded function's code stream, by code offset.</summary>
internal sealed class CodePositions(int[] offsets, SourcePosition[] positions)
{
    /// <summary>The position of the instruction whose code holds <paramref name="offset"/>, if any.</summary>
    public SourcePosition? At(int offset)
    {
        // the last instruction starting at or before the offset (an instruction emitting no code shares its offset with the next)
        int lo = 0, hi = offsets.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (offsets[mid] <= offset) (found, lo) = (mid, mid + 1);
            else hi = mid - 1;
        }
        return found < 0 ? null : positions[found];
    }
}
