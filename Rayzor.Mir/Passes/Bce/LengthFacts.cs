using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Bce;

/// Where an array's length is known to be at least a constant, for loops with a constant bound
/// (`for (t in 0...64) w[t]` over a `Vector<Int>(64)`): right after `rz_array_new` of a constant
/// length (which makes exactly that many elements; bce then reads the length there, for the verifier
/// and for its region), or under a test of a length read against a constant (`if (w.length >= 64)`,
/// `== 64`, `> 63`, or the false side of `< 64`).
/// The fact holds in the blocks <see cref="Block"/> dominates (after the allocation in its own);
/// the length is read at (ReadBlock, before ReadFrom); an allocation's read is <see cref="Insert"/>,
/// an `alen` to put at ReadFrom when a loop uses the fact.
internal sealed record LengthFact(ValueId Array, long Min, int Block, int ReadBlock, int ReadFrom, Instruction? Insert)
{
    /// The facts of a function.
    public static List<LengthFact> Find(MirFunction f, DomTree cfg, Instruction?[] defs)
    {
        var facts = new List<LengthFact>();
        foreach (var b in f.Blocks)
        {
            if (!cfg.IsReachable(b.Id.Index)) continue;
            for (var k = 0; k < b.Insts.Count; k++)
                if (b.Insts[k] is { Op: Opcode.CallNative, Sym: "rz_array_new", Args: [_, var n] } alloc
                    && defs[n.Index] is { Op: Opcode.IConst, Imm: > 0 } len)
                {
                    var read = new Instruction { Op = Opcode.ALen, Type = MirType.I32, Args = [alloc.Result], Result = f.NewValue(MirType.I32, b.Id, false), Line = alloc.Line, Inlined = alloc.Inlined };
                    facts.Add(new LengthFact(alloc.Result, len.Imm, b.Id.Index, b.Id.Index, k + 1, read));
                }
            if (b.Terminator is not { Op: Opcode.BrIf } br || defs[br.Args[0].Index] is not { Op: Opcode.ICmp } cmp) continue;
            if (Test(cmp, defs) is not ({ } read2, var min, var side)) continue;
            var t = br.Targets[side].Block.Index;
            if (cfg.Preds[t].Count != 1 || min <= 0) continue;
            var (rb, ri) = Position(f, read2);
            facts.Add(new LengthFact(read2.Args[0], min, t, rb, ri, null));
        }
        return facts;
    }

    /// The length read, the least length it proves and the side of the `brif` (0: true) where it holds.
    private static (Instruction?, long, int) Test(Instruction cmp, Instruction?[] defs)
    {
        var (a, b) = (defs[cmp.Args[0].Index], defs[cmp.Args[1].Index]);
        var cond = (Cond)cmp.Imm;
        // put the length on the left
        if (a is not { Op: Opcode.ALen })
        {
            (a, b) = (b, a);
            cond = cond switch { Cond.Lt => Cond.Gt, Cond.Gt => Cond.Lt, Cond.Le => Cond.Ge, Cond.Ge => Cond.Le, _ => cond };
        }
        if (a is not { Op: Opcode.ALen } || b is not { Op: Opcode.IConst } c || c.Type != MirType.I32) return (null, 0, 0);
        return cond switch
        {
            Cond.Ge or Cond.Eq => (a, c.Imm, 0),
            Cond.Gt => (a, c.Imm + 1, 0),
            Cond.Lt => (a, c.Imm, 1),
            Cond.Le => (a, c.Imm + 1, 1),
            _ => (null, 0, 0),
        };
    }

    private static (int, int) Position(MirFunction f, Instruction i)
    {
        foreach (var b in f.Blocks)
        {
            var k = b.Insts.IndexOf(i);
            if (k >= 0) return (b.Id.Index, k + 1);
        }
        return (-1, -1);
    }
}
