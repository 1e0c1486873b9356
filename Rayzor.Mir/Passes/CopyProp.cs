using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Copy propagation. MIR has no move instruction; its copies are block parameters that receive the
/// same value on every reachable incoming edge (not counting the parameter passed back to itself
/// around a loop), as SSA construction and the other passes leave them. Such a parameter is that
/// value: its reads are rewritten and it is removed. The value dominates the block, because the
/// first arrival at the block comes from an edge that passes it. Repeats until none is left (one
/// removal can make another parameter trivial). Int operations that give back an operand (`x | 0`,
/// `x + 0`, `x * 1`, `x << 0`, `x & -1`, ...) are copies too.
public sealed class CopyProp : FunctionPass
{
    public override string Name => "copyprop";

    public override bool Run(MirFunction f, MirModule module)
    {
        var changed = Identities(f);
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

    /// Removes Int operations whose result is one of their operands, whatever that operand is.
    private static bool Identities(MirFunction f)
    {
        var consts = new Dictionary<ValueId, int>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (i.Op == Opcode.IConst && i.Type == MirType.I32) consts[i.Result] = (int)i.Imm;
        var map = new Dictionary<ValueId, ValueId>();
        foreach (var b in f.Blocks)
        {
            b.Insts.RemoveAll(i =>
            {
                if (i.Type != MirType.I32 || i.Args.Count != 2) return false;
                int? c0 = consts.TryGetValue(i.Args[0], out var a) ? a : null, c1 = consts.TryGetValue(i.Args[1], out var c) ? c : null;
                var same = i.Op switch
                {
                    Opcode.IAdd or Opcode.IOr or Opcode.IXor => c1 == 0 ? 0 : c0 == 0 ? 1 : -1,
                    Opcode.ISub => c1 == 0 ? 0 : -1,
                    Opcode.IMul => c1 == 1 ? 0 : c0 == 1 ? 1 : -1,
                    Opcode.IAnd => c1 == -1 ? 0 : c0 == -1 ? 1 : -1,
                    // the count is masked to 0..31: 32 shifts by 0
                    Opcode.IShl or Opcode.IShr or Opcode.IUShr => (c1 & 31) == 0 ? 0 : -1,
                    _ => -1,
                };
                if (same < 0) return false;
                map[i.Result] = i.Args[same];
                return true;
            });
        }
        FunctionEdit.Replace(f, map);
        return map.Count > 0;
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
