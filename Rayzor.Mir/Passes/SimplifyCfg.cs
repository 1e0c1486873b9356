using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// CFG simplification, repeated until nothing changes:
/// - `brif` on a `bconst`, or to the same block with the same arguments twice, becomes `br`;
/// - blocks the entry does not reach are removed (the rest renumbered in order);
/// - a jump to a block that only jumps on (`br T(args)`, its parameters read by nothing else)
///   goes to T directly, its arguments substituted — unless that would make one terminator jump to T twice with different
///   arguments (LLVM phis cannot tell such edges apart), or the edge is a `tryenter`'s;
/// - a block whose only predecessor ends in `br` to it is appended to that predecessor, its
///   parameters replaced by the jump's arguments.
/// Parameters left receiving one value everywhere are copy propagation's business.
public sealed class SimplifyCfg : FunctionPass
{
    public override string Name => "simplifycfg";

    public override bool Run(MirFunction f, MirModule module)
    {
        var changed = false;
        while (true)
        {
            var round = FoldBranches(f);
            round |= FunctionEdit.RemoveUnreachable(f);
            round |= ForwardJumps(f);
            round |= MergeChains(f);
            round |= FunctionEdit.RemoveUnreachable(f);
            if (!round) return changed;
            changed = true;
        }
    }

    private static bool FoldBranches(MirFunction f)
    {
        var consts = new Dictionary<ValueId, bool>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (i.Op == Opcode.BConst) consts[i.Result] = i.Imm != 0;
        var changed = false;
        foreach (var b in f.Blocks)
        {
            if (b.Terminator is not { Op: Opcode.BrIf } t) continue;
            BlockCall? to = consts.TryGetValue(t.Args[0], out var c) ? t.Targets[c ? 0 : 1]
                : SameCall(t.Targets[0], t.Targets[1]) ? t.Targets[0] : null;
            if (to == null) continue;
            b.Insts[^1] = new Instruction { Op = Opcode.Br, Targets = [to], Line = t.Line };
            changed = true;
        }
        return changed;
    }

    private static bool SameCall(BlockCall a, BlockCall b) => a.Block == b.Block && a.Args.SequenceEqual(b.Args);

    /// Blocks that are the target of a `tryenter` (their edges are a trap's, left alone).
    private static HashSet<BlockId> TrapTargets(MirFunction f) =>
        [.. f.Blocks.Select(b => b.Terminator).Where(t => t is { Op: Opcode.TryEnter }).SelectMany(t => t!.Targets.Select(c => c.Block))];

    private static bool ForwardJumps(MirFunction f)
    {
        var traps = TrapTargets(f);
        var uses = FunctionEdit.UseCounts(f);
        // an empty block: only `br`, not the entry, not a trap's, not jumping to itself, its
        // parameters read only by that `br` (not by the blocks it dominates)
        bool Empty(Block e) => e.Id.Index != 0 && e.Insts.Count == 1 && e.Insts[0] is { Op: Opcode.Br } eb
            && eb.Targets[0].Block != e.Id && !traps.Contains(e.Id)
            && e.Params.All(p => uses[p.Index] == eb.Targets[0].Args.Count(a => a == p));
        var changed = false;
        foreach (var b in f.Blocks)
        {
            if (b.Terminator is not { Op: Opcode.Br or Opcode.BrIf } t) continue;
            for (var k = 0; k < t.Targets.Count; k++)
            {
                var call = t.Targets[k];
                var e = f[call.Block];
                // a chain of empty blocks shortens from its end (E jumps on to a block that is not
                // empty), so that a cycle of empty blocks is left as it is instead of chased forever
                if (!Empty(e) || Empty(f[e.Insts[0].Targets[0].Block])) continue;
                var next = e.Insts[0].Targets[0];
                var args = next.Args.Select(a => e.Params.IndexOf(a) is var p and >= 0 ? call.Args[p] : a).ToList();
                var forwarded = new BlockCall(next.Block, args);
                if (t.Targets.Where((o, j) => j != k && o.Block == next.Block).Any(o => !SameCall(o, forwarded))) continue;
                t.Targets[k] = forwarded;
                changed = true;
            }
        }
        return changed;
    }

    private static bool MergeChains(MirFunction f)
    {
        var preds = FunctionEdit.Predecessors(f);
        var map = new Dictionary<ValueId, ValueId>();
        var changed = false;
        foreach (var b in f.Blocks)
        {
            while (b.Terminator is { Op: Opcode.Br } t)
            {
                var s = f[t.Targets[0].Block];
                if (s.Id.Index == 0 || s == b || preds[s.Id.Index].Count != 1) break;
                for (var k = 0; k < s.Params.Count; k++) map[s.Params[k]] = t.Targets[0].Args[k];
                b.Insts.RemoveAt(b.Insts.Count - 1);
                foreach (var i in s.Insts)
                {
                    if (!i.Result.IsNone) f.Values[i.Result.Index] = f.Values[i.Result.Index] with { Block = b.Id };
                    b.Insts.Add(i);
                }
                s.Params.Clear();
                s.Insts.Clear();
                // the husk left behind has no predecessor; RemoveUnreachable drops it
                s.Insts.Add(new Instruction { Op = Opcode.Unreachable });
                preds[s.Id.Index].Clear();
                foreach (var c in b.Terminator!.Targets)
                {
                    var ps = preds[c.Block.Index];
                    for (var j = 0; j < ps.Count; j++) if (ps[j] == s.Id.Index) ps[j] = b.Id.Index;
                }
                changed = true;
            }
        }
        FunctionEdit.Replace(f, map);
        return changed;
    }
}
