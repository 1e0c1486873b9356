using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Copy propagation. MIR has no move instruction; its copies are block parameters that receive the
/// same value on every reachable incoming edge (not counting the parameter passed back to itself
/// around a loop), as SSA construction and the other passes leave them. Such a parameter is that
/// value: its reads are rewritten and it is removed. The value dominates the block, because the
/// first arrival at the block comes from an edge that passes it. Repeats until none is left (one
/// removal can make another parameter trivial).
public sealed class CopyProp : FunctionPass
{
    public override string Name => "copyprop";

    public override bool Run(MirFunction f, MirModule module)
    {
        var changed = false;
        var reach = FunctionEdit.Reachable(f);
        while (true)
        {
            var incoming = Incoming(f, reach);
            var map = new Dictionary<ValueId, ValueId>();
            var removals = new List<(Block Block, int K)>();
            foreach (var b in f.Blocks)
            {
                if (b.Id.Index == 0 || !reach[b.Id.Index]) continue;
                var calls = incoming[b.Id.Index];
                for (var k = 0; k < b.Params.Count; k++)
                {
                    var p = b.Params[k];
                    ValueId? same = null;
                    var trivial = true;
                    foreach (var c in calls)
                    {
                        var a = c.Args[k];
                        if (a == p || a == same) continue;
                        if (same != null) { trivial = false; break; }
                        same = a;
                    }
                    // no other value at all: the block is only reached from itself (not from the entry)
                    if (!trivial || same is not { } v) continue;
                    map[p] = v;
                    removals.Add((b, k));
                }
            }
            if (removals.Count == 0) return changed;
            // highest index first keeps the indices of a block's other parameters valid
            foreach (var (b, k) in removals.OrderByDescending(r => r.K)) FunctionEdit.RemoveParam(f, b, k);
            FunctionEdit.Replace(f, map);
            changed = true;
        }
    }

    /// The jumps into each block from reachable blocks.
    private static List<BlockCall>[] Incoming(MirFunction f, bool[] reach)
    {
        var incoming = new List<BlockCall>[f.Blocks.Count];
        for (var i = 0; i < incoming.Length; i++) incoming[i] = [];
        foreach (var b in f.Blocks)
            if (reach[b.Id.Index] && b.Terminator is { } t)
                foreach (var c in t.Targets) incoming[c.Block.Index].Add(c);
        return incoming;
    }
}
