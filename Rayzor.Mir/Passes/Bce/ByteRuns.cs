using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Bce;

/// The second half of `bce`: a run of `bget`s of one Bytes in one block at `x + c` for constants
/// c >= 0 (`src.get(q)`, `src.get(q + 1)`, ... `src.get(q + 3)`) is tested once. The block is split
/// at the run's first read: a guard `bytes != null && x >= 0 && x <= length - end` (end the largest
/// c plus its width: no sum wraps then) leads to a copy of the rest of the block whose reads of the
/// run are `bgetu`, else to a copy that keeps every `bget` as it was, so a program whose reads do
/// leave the bytes (0 for each such read) or whose Bytes is null behaves exactly as before. Both
/// copies join in a block holding the old terminator, whose parameters are the values the rest of
/// the block defined for later code. In the copy without tests LLVM sees the reads at constant
/// distances from one address and may merge them (four byte reads and shifts: one load and a bswap).
/// In a counted loop the guard may be one Bool computed before the loop (LoopGuard).
internal static class ByteRuns
{
    /// At most this many instructions are copied twice per run.
    private const int MaxCopied = 400;

    /// Offsets past the run's base up to this are grouped (`get(q + 3)`); others are their own base.
    private const long MaxOffset = 64;

    public static bool Run(MirFunction f)
    {
        if (!f.Blocks.Any(b => b.Insts.Count(i => i.Op == Opcode.BGet) >= 2)) return false;
        var defs = new Dictionary<ValueId, Instruction>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) defs[i.Result] = i;
        var reachable = FunctionEdit.Reachable(f);
        var changed = false;
        // the copies made here are not visited again: one run per block of the original code
        var count = f.Blocks.Count;
        for (var bi = 0; bi < count; bi++)
        {
            var b = f.Blocks[bi];
            if (!reachable[bi] || b.Terminator is not { Op: not Opcode.TryEnter } || BestRun(b, defs) is not { } run) continue;
            Split(f, b, run, defs, LoopGuard.Hoist(f, b, run.Bytes, run.Base, run.End, defs));
            changed = true;
        }
        return changed;
    }

    /// The reads of a run, by (bytes, base): where the first is, and the end of the furthest.
    private sealed record Group(ValueId Bytes, ValueId Base, int First, List<Instruction> Reads)
    {
        public long End { get; set; }
    }

    /// The run of the block with the most reads (at least two), the earliest on a tie.
    private static Group? BestRun(Block b, Dictionary<ValueId, Instruction> defs)
    {
        var groups = new Dictionary<(ValueId, ValueId), Group>();
        for (var k = 0; k < b.Insts.Count; k++)
        {
            var i = b.Insts[k];
            if (i.Op != Opcode.BGet) continue;
            var (x, c) = Decompose(i.Args[1], defs);
            if (!groups.TryGetValue((i.Args[0], x), out var g)) groups[(i.Args[0], x)] = g = new Group(i.Args[0], x, k, []);
            g.Reads.Add(i);
            g.End = Math.Max(g.End, c + Width((ByteWidth)i.Imm));
        }
        var best = groups.Values.Where(g => g.Reads.Count >= 2 && b.Insts.Count - g.First <= MaxCopied)
            .OrderByDescending(g => g.Reads.Count).ThenBy(g => g.First).FirstOrDefault();
        return best;
    }

    /// An index as a base and a constant offset: `iadd x, c` (either order) with 0 <= c <= MaxOffset, else the index and 0.
    private static (ValueId Base, long Offset) Decompose(ValueId index, Dictionary<ValueId, Instruction> defs)
    {
        if (defs.GetValueOrDefault(index) is { Op: Opcode.IAdd, Args: [var a, var b] })
        {
            if (Small(b, defs) is { } cb) return (a, cb);
            if (Small(a, defs) is { } ca) return (b, ca);
        }
        return (index, 0);
    }

    private static long? Small(ValueId v, Dictionary<ValueId, Instruction> defs) =>
        defs.GetValueOrDefault(v) is { Op: Opcode.IConst, Imm: >= 0 and <= MaxOffset } c ? c.Imm : null;

    private static int Width(ByteWidth w) => w switch { ByteWidth.U8 => 1, ByteWidth.U16 => 2, ByteWidth.I32 or ByteWidth.F32 => 4, _ => 8 };

    /// Splits <paramref name="b"/> at the run's first read into the guard, the two copies and the join.
    /// With <paramref name="hoisted"/> (a Bool computed before the loop, LoopGuard) the guard is a
    /// test of it.
    private static void Split(MirFunction f, Block b, Group run, Dictionary<ValueId, Instruction> defs, ValueId? hoisted)
    {
        var rest = b.Insts.GetRange(run.First, b.Insts.Count - 1 - run.First);
        var term = b.Insts[^1];
        var line = b.Insts[run.First].Line;
        var inlined = b.Insts[run.First].Inlined;
        // values of the rest read after it: by the terminator or by other blocks
        var defined = rest.Where(i => !i.Result.IsNone).Select(i => i.Result).ToHashSet();
        var liveOut = new HashSet<ValueId>();
        foreach (var ob in f.Blocks)
            foreach (var i in ob.Id == b.Id ? [term] : ob.Insts)
                foreach (var a in i.Args.Concat(i.Targets.SelectMany(t => t.Args)))
                    if (defined.Contains(a)) liveOut.Add(a);
        var outs = rest.Where(i => liveOut.Contains(i.Result)).Select(i => i.Result).ToList();

        // (blocks made in this order whether or not the guard is hoisted: the same numbering as before)
        var check1 = hoisted == null ? f.NewBlock() : null;
        var check2 = hoisted == null ? f.NewBlock() : null;
        var fast = f.NewBlock();
        var slow = f.NewBlock();
        var join = f.NewBlock();
        Instruction Make(Block at, Opcode op, MirType type, List<ValueId> args, long imm = 0)
        {
            var i = new Instruction { Op = op, Type = type, Args = args, Imm = imm, Result = f.NewValue(type, at.Id, false), Line = line, Inlined = inlined };
            at.Insts.Add(i);
            return i;
        }
        Instruction Jump(Opcode op, ValueId cond, Block yes, Block no) => new()
        {
            Op = op, Args = op == Opcode.BrIf ? [cond] : [], Line = line, Inlined = inlined,
            Targets = op == Opcode.BrIf ? [new BlockCall(yes.Id, []), new BlockCall(no.Id, [])] : [new BlockCall(yes.Id, [])],
        };

        b.Insts.RemoveRange(run.First, b.Insts.Count - run.First);
        if (hoisted is { } ok)
        {
            // tested once before the loop for all of its iterations
            b.Insts.Add(Jump(Opcode.BrIf, ok, fast, slow));
        }
        else
        {
            // the guard: not null, x >= 0, x + end <= length (length >= 0 and end small: no overflow)
            var nil = Make(b, Opcode.Null, MirType.Ptr, []);
            var notNull = Make(b, Opcode.PCmp, MirType.Bool, [run.Bytes, nil.Result], (long)Cond.Ne);
            b.Insts.Add(Jump(Opcode.BrIf, notNull.Result, check1!, slow));
            var zero = Make(check1!, Opcode.IConst, MirType.I32, []);
            var nonNeg = Make(check1!, Opcode.ICmp, MirType.Bool, [run.Base, zero.Result], (long)Cond.Ge);
            check1!.Insts.Add(Jump(Opcode.BrIf, nonNeg.Result, check2!, slow));
            var len = Make(check2!, Opcode.GetField, MirType.I32, [run.Bytes], 8);
            var end = Make(check2!, Opcode.IConst, MirType.I32, [], run.End);
            var limit = Make(check2!, Opcode.ISub, MirType.I32, [len.Result, end.Result]);
            var inside = Make(check2!, Opcode.ICmp, MirType.Bool, [run.Base, limit.Result], (long)Cond.Le);
            check2!.Insts.Add(Jump(Opcode.BrIf, inside.Result, fast, slow));
        }

        var unchecked_ = run.Reads.ToHashSet(ReferenceEqualityComparer.Instance);
        Copy(f, rest, fast, outs, join, i => unchecked_.Contains(i) ? Opcode.BGetU : i.Op);
        Copy(f, rest, slow, outs, join, i => i.Op);
        var map = new Dictionary<ValueId, ValueId>();
        foreach (var v in outs) map[v] = f.AddParam(join, f.TypeOf(v));
        join.Insts.Add(term);
        FunctionEdit.Replace(f, map);
        foreach (var i in rest)
            if (!i.Result.IsNone) defs.Remove(i.Result);
    }

    /// Copies <paramref name="rest"/> into <paramref name="to"/> under new value names, then jumps to
    /// <paramref name="join"/> with the copies of <paramref name="outs"/>.
    private static void Copy(MirFunction f, List<Instruction> rest, Block to, List<ValueId> outs, Block join, Func<Instruction, Opcode> op)
    {
        var names = new Dictionary<ValueId, ValueId>();
        ValueId N(ValueId v) => names.GetValueOrDefault(v, v);
        foreach (var i in rest)
        {
            var result = i.Result.IsNone ? ValueId.None : f.NewValue(f.TypeOf(i.Result), to.Id, false);
            to.Insts.Add(new Instruction
            {
                Op = op(i), Type = i.Type, Args = i.Args.Select(N).ToList(), Imm = i.Imm, FImm = i.FImm, Sym = i.Sym,
                Result = result, Line = i.Line, Inlined = i.Inlined,
            });
            if (!i.Result.IsNone) names[i.Result] = result;
        }
        to.Insts.Add(new Instruction { Op = Opcode.Br, Targets = [new BlockCall(join.Id, outs.Select(N).ToList())], Line = rest[^1].Line, Inlined = rest[^1].Inlined });
    }
}
