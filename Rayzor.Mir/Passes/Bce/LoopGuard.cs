using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Bce;

/// A run's range test (ByteRuns) moved out of its loop: when the run's block runs only under the
/// test `t < N` of a counted loop (CountedLoop.Test: `t` a parameter of the header, entered with
/// constants >= 0 and coming around as `t` or `t + 1`, N a positive constant) and its base is
/// `inv + c * t` (`inv` and the
/// Bytes defined before the loop, c a constant > 0), every iteration's reads lie in
/// `[inv, inv + c * (N - 1) + end)`. One test before the loop — `bytes != null && inv >= 0 && inv
/// <= length - (c * (N - 1) + end)`, no sum of which can wrap — is then true exactly when all of
/// them are inside the bytes (a Bytes's length never changes), and the run's block tests that
/// Bool instead of three things every iteration (sha256's first loop: 16 words of 4 byte reads).
/// The test is made on the loop's entry edge, in blocks of its own joined into a Bool parameter.
internal static class LoopGuard
{
    /// The Bool to test in <paramref name="b"/> instead of the run's own guard, or null when the
    /// run is not in such a loop.
    public static ValueId? Hoist(MirFunction f, Block b, ValueId bytes, ValueId x, long end, Dictionary<ValueId, Instruction> defs)
    {
        var cfg = new DomTree(f);
        var defBlock = new Dictionary<ValueId, int>();
        foreach (var ob in f.Blocks)
        {
            foreach (var p in ob.Params) defBlock[p] = ob.Id.Index;
            foreach (var i in ob.Insts)
                if (!i.Result.IsNone) defBlock[i.Result] = ob.Id.Index;
        }
        // the innermost loop holding b, counted by `t < N` (N constant) and b under that test
        (ValueId Index, int ParamIndex, ValueId Bound, int InRange, HashSet<int> Body)? loop = null;
        Block? header = null;
        foreach (var cand in f.Blocks)
            if (cfg.IsReachable(cand.Id.Index) && CountedLoop.Test(cand, cfg, defs.GetValueOrDefault) is { } l && l.Body.Contains(b.Id.Index)
                && (loop == null || l.Body.Count < loop.Value.Body.Count))
                (loop, header) = (l, cand);
        if (loop is not var (t, k, n, inRange, body) || header == null
            || defs.GetValueOrDefault(n) is not { Op: Opcode.IConst, Type: MirType.I32, Imm: > 0 } bound || !cfg.Dominates(inRange, b.Id.Index))
            return null;
        var h = header.Id.Index;
        // t >= 0: constants >= 0 enter it, `t` or `t + 1` computed under the test comes around
        // (`t < N` there: no wrap)
        var outside = cfg.Preds[h].Where(p => !body.Contains(p) && cfg.IsReachable(p)).ToList();
        if (outside.Count != 1 || f.Blocks[outside[0]].Terminator!.Targets.Count(c => c.Block.Index == h) != 1) return null;
        bool Successor(ValueId v) =>
            v == t || defs.GetValueOrDefault(v) is { Op: Opcode.IAdd, Args: [var a1, var a2] } add
            && ((a1 == t && IsConst(a2, 0, 1)) || (a2 == t && IsConst(a1, 0, 1)))
            && defBlock.TryGetValue(add.Result, out var d) && body.Contains(d) && cfg.Dominates(inRange, d);
        bool IsConst(ValueId v, long min, long max) => defs.GetValueOrDefault(v) is { Op: Opcode.IConst, Type: MirType.I32 } c && c.Imm >= min && c.Imm <= max;
        foreach (var p in cfg.Preds[h].Distinct().Where(cfg.IsReachable))
            foreach (var call in f.Blocks[p].Terminator!.Targets.Where(c => c.Block.Index == h))
                if (body.Contains(p) ? !Successor(call.Args[k]) : !IsConst(call.Args[k], 0, int.MaxValue))
                    return null;
        // x = inv + c * t
        bool Invariant(ValueId v) => defBlock.TryGetValue(v, out var d) && !body.Contains(d) && cfg.Dominates(d, outside[0]);
        if (!Invariant(bytes)) return null;
        ValueId inv;
        long c;
        if (Scaled(x, t, defs) is { } direct)
            (inv, c) = (ValueId.None, direct);
        else if (defs.GetValueOrDefault(x) is { Op: Opcode.IAdd, Args: [var a1, var a2] })
        {
            if (Scaled(a2, t, defs) is { } c2 && Invariant(a1)) (inv, c) = (a1, c2);
            else if (Scaled(a1, t, defs) is { } c1 && Invariant(a2)) (inv, c) = (a2, c1);
            else return null;
        }
        else return null;
        var span = c * (bound.Imm - 1) + end;
        if (span > int.MaxValue) return null;
        return MakeGuard(f, header, outside[0], bytes, inv, span, b.Insts[0]);
    }

    /// c when <paramref name="v"/> is `t`, `t << s` or `t * c` (c > 0, no wider than 2^16).
    private static long? Scaled(ValueId v, ValueId t, Dictionary<ValueId, Instruction> defs)
    {
        if (v == t) return 1;
        return defs.GetValueOrDefault(v) switch
        {
            { Op: Opcode.IShl, Args: [var a, var s] } when a == t && defs.GetValueOrDefault(s) is { Op: Opcode.IConst, Imm: >= 0 and <= 16 } sh => 1L << (int)sh.Imm,
            { Op: Opcode.IMul, Args: [var a, var m] } when a == t && defs.GetValueOrDefault(m) is { Op: Opcode.IConst, Imm: > 0 and <= 1 << 16 } mc => mc.Imm,
            { Op: Opcode.IMul, Args: [var m, var a] } when a == t && defs.GetValueOrDefault(m) is { Op: Opcode.IConst, Imm: > 0 and <= 1 << 16 } mc => mc.Imm,
            _ => null,
        };
    }

    /// On the loop's entry edge: `bytes != null`, then `inv >= 0`, then `inv <= length - span`,
    /// joined into a Bool parameter of a block that goes on to the header.
    private static ValueId MakeGuard(MirFunction f, Block header, int from, ValueId bytes, ValueId inv, long span, Instruction at)
    {
        var entry = f.Blocks[from].Terminator!;
        var k = entry.Targets.FindIndex(c => c.Block == header.Id);
        var args = entry.Targets[k].Args;
        var notNull = f.NewBlock();
        var nonNeg = inv.IsNone ? null : f.NewBlock();
        var inside = f.NewBlock();
        var no = f.NewBlock();
        var join = f.NewBlock();
        var ok = f.AddParam(join, MirType.Bool);
        ValueId Make(Block b, Opcode op, MirType type, List<ValueId> a, long imm = 0)
        {
            var i = new Instruction { Op = op, Type = type, Args = a, Imm = imm, Result = f.NewValue(type, b.Id, false), Line = at.Line, Inlined = at.Inlined };
            b.Insts.Add(i);
            return i.Result;
        }
        void End(Block b, Opcode op, List<ValueId> a, params BlockCall[] targets) =>
            b.Insts.Add(new Instruction { Op = op, Args = a, Targets = [.. targets], Line = at.Line, Inlined = at.Inlined });
        var nil = Make(notNull, Opcode.Null, MirType.Ptr, []);
        var test = Make(notNull, Opcode.PCmp, MirType.Bool, [bytes, nil], (long)Cond.Ne);
        var next = nonNeg ?? inside;
        End(notNull, Opcode.BrIf, [test], new BlockCall(next.Id, []), new BlockCall(no.Id, []));
        if (nonNeg != null)
        {
            var z = Make(nonNeg, Opcode.IConst, MirType.I32, []);
            var ge = Make(nonNeg, Opcode.ICmp, MirType.Bool, [inv, z], (long)Cond.Ge);
            End(nonNeg, Opcode.BrIf, [ge], new BlockCall(inside.Id, []), new BlockCall(no.Id, []));
        }
        var len = Make(inside, Opcode.GetField, MirType.I32, [bytes], 8);
        var limit = Make(inside, Opcode.ISub, MirType.I32, [len, Make(inside, Opcode.IConst, MirType.I32, [], span)]);
        var le = Make(inside, Opcode.ICmp, MirType.Bool, [inv.IsNone ? Make(inside, Opcode.IConst, MirType.I32, []) : inv, limit], (long)Cond.Le);
        End(inside, Opcode.Br, [], new BlockCall(join.Id, [le]));
        var fals = Make(no, Opcode.BConst, MirType.Bool, [], 0);
        End(no, Opcode.Br, [], new BlockCall(join.Id, [fals]));
        End(join, Opcode.Br, [], new BlockCall(header.Id, args));
        entry.Targets[k] = new BlockCall(notNull.Id, []);
        return ok;
    }
}
