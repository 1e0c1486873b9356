using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Control flow of the decoded code: jumps carrying the moves of their block arguments, branches
/// fused with the compares they test, and blocks that only branch on a parameter threaded into
/// their predecessors.
/// </summary>
internal sealed unsafe partial class Decoder
{
    /// <summary>
    /// The parameter a block only branches on (its one instruction is `brif` on it, and nothing else
    /// reads its parameters), or -1: a jump to it becomes that branch on the passed value.
    /// </summary>
    private int ParamBranch(BlockId id)
    {
        var b = _f[id];
        if (b.Insts.Count != 1 || b.Insts[0] is not { Op: Opcode.BrIf } br) return -1;
        var k = b.Params.IndexOf(br.Args[0]);
        if (k < 0 || _rawUses[br.Args[0].Index] != 1) return -1;
        for (var j = 0; j < b.Params.Count; j++)
            if (j != k && _rawUses[b.Params[j].Index] != 0) return -1;
        return k;
    }

    /// <summary>
    /// A jump with its moves: one instruction, `target n (dst src)*`; <paramref name="back"/>: a
    /// stub's jump is laid out after every block, so the edge it stands for tells whether it is a
    /// back-edge (decided where the edge is).
    /// </summary>
    private void Jump(BlockCall call, bool? back = null)
    {
        var moves = Moves(call);
        var backward = back ?? IsBackEdge(call);
        if (moves.Count == 0)
        {
            // the block emitted next: fall into it
            if (call.Block.Index == _fallthrough) return;
            // a back-edge counts towards tiering up (when tiering); otherwise a jump to a loop's
            // header can be a copy of the header
            if (!backward && _cf == _f && BranchOnly(call.Block) is { } header)
            {
                EmitBlockBody(header);
                return;
            }
            _code.Add((int)(backward ? Op.JmpBack : Op.Jmp));
            Label(call.Block.Index);
            if (backward) _code.Add(call.Block.Index);
            return;
        }
        _code.Add((int)(backward ? Op.JmpMovesBack : Op.JmpMoves));
        Label(call.Block.Index);
        if (backward) _code.Add(call.Block.Index);
        _code.Add(moves.Count);
        foreach (var (dst, src) in moves)
        {
            _code.Add(dst);
            _code.Add(src);
        }
    }

    /// <summary>
    /// The label an edge jumps to: the block itself when it passes nothing, else a stub doing the
    /// moves, or for a block that only branches on a parameter, that branch on the passed value —
    /// resolved here when the value is <paramref name="known"/> on this edge.
    /// </summary>
    private int EdgeLabel(BlockCall call, ValueId known, bool knownValue, int depth = 0)
    {
        var k = ParamBranch(call.Block);
        if (k >= 0)
        {
            var br = _f[call.Block].Insts[0];
            var cond = call.Args[k];
            // (the depth bounds a chain of such blocks that loops forever on a known value)
            if (cond == known && depth < 8) return EdgeLabel(br.Targets[knownValue ? 0 : 1], known, knownValue, depth + 1);
            return Stub(() => CondBranch(cond, br.Targets[0], br.Targets[1]));
        }
        // a branch back to a loop's header counts towards tiering up too (through a stub: a `brif`
        // names no header; `do {} while (c)`, `while (true) { ... if (c) break; }`)
        var back = IsBackEdge(call);
        if (call.Args.Count == 0 && !back) return call.Block.Index;
        return Stub(() => Jump(call, back));
    }

    /// <summary>Whether a jump emitted here goes back to a block laid out already (tiering only; a stub's jump never tells).</summary>
    private bool IsBackEdge(BlockCall call) => _image.Tiered && _labels[call.Block.Index] >= 0 && !_inStubs;

    private int Stub(Action emit)
    {
        _labels.Add(-1);
        // a stub's code (laid out after the blocks) is the position of the branch that needs it
        var at = Current();
        _stubs.Add((_labels.Count - 1, at is { } p ? () => { Mark(p); emit(); } : emit));
        return _labels.Count - 1;
    }

    /// <summary>`brif cond` to two edges.</summary>
    private void CondBranch(ValueId cond, BlockCall then, BlockCall els)
    {
        Put(Op.BrIf, S(cond));
        Label(EdgeLabel(then, cond, true));
        Label(EdgeLabel(els, cond, false));
    }

    /// <summary>Block arguments to parameters as a parallel move, sequentialized (a cycle goes through a temporary).</summary>
    private List<(int Dst, int Src)> Moves(BlockCall call)
    {
        var target = _f[call.Block];
        var moves = new List<(int Src, int Dst)>();
        for (var k = 0; k < call.Args.Count; k++)
            if (S(call.Args[k]) != S(target.Params[k])) moves.Add((S(call.Args[k]), S(target.Params[k])));
        var seq = new List<(int Dst, int Src)>();
        var temps = 0;
        while (moves.Count > 0)
        {
            var ready = moves.FindIndex(m => !moves.Any(o => o.Src == m.Dst && o != m));
            if (ready >= 0)
            {
                seq.Add((moves[ready].Dst, moves[ready].Src));
                moves.RemoveAt(ready);
                continue;
            }
            // a cycle: save the first move's destination, then read it from the temporary
            var saved = moves[0].Dst;
            var temp = Temp(temps++);
            seq.Add((temp, saved));
            for (var k = 0; k < moves.Count; k++)
                if (moves[k].Src == saved) moves[k] = (temp, moves[k].Dst);
        }
        return seq;
    }

    /// <summary>The branch a terminator makes on a Bool: its own `brif`, or a jump to a block that only branches on what it passes.</summary>
    private (ValueId Cond, BlockCall Then, BlockCall Else)? BranchOf(Instruction term)
    {
        if (term.Op == Opcode.BrIf) return (term.Args[0], term.Targets[0], term.Targets[1]);
        if (term.Op == Opcode.Br && ParamBranch(term.Targets[0].Block) is var k and >= 0)
        {
            var br = _f[term.Targets[0].Block].Insts[0];
            return (term.Targets[0].Args[k], br.Targets[0], br.Targets[1]);
        }
        return null;
    }

    private bool FusedBranch(Instruction cmp, Instruction term)
    {
        if (cmp.Result.IsNone || BranchOf(term) is not var (cv, then, els) || cv != cmp.Result || _uses[cmp.Result.Index] != 1) return false;
        Op op;
        var cond = (Cond)cmp.Imm;
        if (cmp.Op == Opcode.ICmp && _f.TypeOf(cmp.Args[0]) == MirType.I32)
            op = cond switch { Cond.Lt => Op.BrILt, Cond.Le => Op.BrILe, Cond.Gt => Op.BrIGt, Cond.Ge => Op.BrIGe, Cond.Eq => Op.BrIEq, _ => Op.BrINe };
        else if (cmp.Op == Opcode.FCmp && cond is not (Cond.Eq or Cond.Ne))
            op = cond switch { Cond.Lt => Op.BrFLt, Cond.Le => Op.BrFLe, Cond.Gt => Op.BrFGt, _ => Op.BrFGe };
        else return false;
        Put(op, S(cmp.Args[0]), S(cmp.Args[1]));
        Label(EdgeLabel(then, cmp.Result, true));
        Label(EdgeLabel(els, cmp.Result, false));
        return true;
    }

    /// <summary>
    /// A block that computes a condition and branches on it (a loop's header: `i < n`): a jump to
    /// it without moves becomes a copy of its code, so a loop's back edge costs no jump of its own.
    /// </summary>
    private Block? BranchOnly(BlockId id)
    {
        var b = _f[id];
        if (b == _f.Entry || b.Insts.Count is 0 or > 4 || b.Insts[^1].Op != Opcode.BrIf) return null;
        for (var k = 0; k < b.Insts.Count - 1; k++)
            if (!ReadsAtMost(b.Insts[k])) return null;
        return b;
    }

    /// <summary>Emits a block's instructions here (constants are frame slots; a compare fuses with its branch).</summary>
    private void EmitBlockBody(Block b)
    {
        EmitClearsAtStart(b);
        for (var k = 0; k < b.Insts.Count; k++)
        {
            var i = b.Insts[k];
            if (IsConstant(i) || _absorbed.Contains(i)) continue;
            if (k + 1 < b.Insts.Count && MarkBranch(b.Insts[k + 1]) && FusedBranch(i, b.Insts[k + 1]))
            {
                k++;
                continue;
            }
            Emit(i);
            EmitClears(i);
        }
    }
}
