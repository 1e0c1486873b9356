using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Edits the passes share: predecessors, use counts, replacing values, dropping block parameters,
/// removing unreachable blocks.
public static class FunctionEdit
{
    /// The blocks jumping to each block (a block appears once per edge: `brif c, bb1, bb1` twice).
    public static List<int>[] Predecessors(MirFunction f)
    {
        var preds = new List<int>[f.Blocks.Count];
        for (var i = 0; i < preds.Length; i++) preds[i] = [];
        foreach (var b in f.Blocks)
            if (b.Terminator is { } t)
                foreach (var s in t.Targets) preds[s.Block.Index].Add(b.Id.Index);
        return preds;
    }

    /// Which blocks the entry reaches.
    public static bool[] Reachable(MirFunction f)
    {
        var seen = new bool[f.Blocks.Count];
        foreach (var b in Cfg.ReversePostOrder(f)) seen[b.Id.Index] = true;
        return seen;
    }

    /// How often each value is read (operands and jump arguments).
    public static int[] UseCounts(MirFunction f)
    {
        var uses = new int[f.Values.Count];
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
            {
                foreach (var a in i.Args) uses[a.Index]++;
                foreach (var t in i.Targets)
                    foreach (var a in t.Args) uses[a.Index]++;
            }
        return uses;
    }

    /// Rewrites every read of a key of <paramref name="map"/> to its value (following chains).
    public static void Replace(MirFunction f, Dictionary<ValueId, ValueId> map)
    {
        if (map.Count == 0) return;
        ValueId Resolve(ValueId v)
        {
            var n = 0;
            while (map.TryGetValue(v, out var to) && n++ < map.Count) v = to;
            return v;
        }
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
            {
                for (var k = 0; k < i.Args.Count; k++) i.Args[k] = Resolve(i.Args[k]);
                foreach (var t in i.Targets)
                    for (var k = 0; k < t.Args.Count; k++) t.Args[k] = Resolve(t.Args[k]);
            }
    }

    /// Removes parameter <paramref name="k"/> of a block (not the entry) and the argument every jump passes for it.
    public static void RemoveParam(MirFunction f, Block b, int k)
    {
        b.Params.RemoveAt(k);
        foreach (var p in f.Blocks)
            if (p.Terminator is { } t)
                foreach (var c in t.Targets)
                    if (c.Block == b.Id) c.Args.RemoveAt(k);
    }

    /// A copy of <paramref name="i"/> as another instruction defining the same value (folding).
    public static Instruction Constant(Instruction i, Opcode op, long imm = 0, double fimm = 0) =>
        new() { Op = op, Type = i.Type, Imm = imm, FImm = fimm, Result = i.Result, Line = i.Line };

    /// A copy of <paramref name="i"/> with another opcode of the same operands (a checked access made unchecked).
    public static Instruction WithOp(Instruction i, Opcode op) =>
        new() { Op = op, Type = i.Type, Args = i.Args, Imm = i.Imm, FImm = i.FImm, Sym = i.Sym, Targets = i.Targets, Result = i.Result, Line = i.Line, Inlined = i.Inlined };

    /// Drops the blocks the entry does not reach and numbers the rest in their order; true when
    /// any was dropped. Jumps from dropped blocks go with them.
    public static bool RemoveUnreachable(MirFunction f)
    {
        var reach = Reachable(f);
        if (reach.All(r => r)) return false;
        var renumber = new int[f.Blocks.Count];
        var kept = new List<Block>();
        for (var i = 0; i < f.Blocks.Count; i++)
        {
            renumber[i] = reach[i] ? kept.Count : -1;
            if (!reach[i]) continue;
            var old = f.Blocks[i];
            var nb = new Block(new BlockId(kept.Count));
            nb.Params.AddRange(old.Params);
            nb.Insts.AddRange(old.Insts);
            kept.Add(nb);
        }
        f.Blocks.Clear();
        f.Blocks.AddRange(kept);
        foreach (var b in f.Blocks)
        {
            foreach (var p in b.Params) f.Values[p.Index] = f.Values[p.Index] with { Block = b.Id };
            foreach (var i in b.Insts)
            {
                if (!i.Result.IsNone) f.Values[i.Result.Index] = f.Values[i.Result.Index] with { Block = b.Id };
                for (var k = 0; k < i.Targets.Count; k++)
                    i.Targets[k] = new BlockCall(new BlockId(renumber[i.Targets[k].Block.Index]), i.Targets[k].Args);
            }
        }
        return true;
    }

    /// Whether an unused result of <paramref name="op"/> may be dropped: the opcode table says it
    /// is pure, or it reads a global (which cannot trap). Loads through objects are null-checked.
    public static bool Removable(Opcode op) => op.Info().Effects == Effects.None || op == Opcode.GLoad;
}
