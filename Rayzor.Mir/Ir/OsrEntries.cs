namespace Rayzor.Mir.Ir;

/// <summary>
/// An entry into the middle of a function at a loop header, for on-stack replacement (the tiered
/// run moves a running interpreted frame into compiled code): <see cref="Function"/> takes the
/// header's parameters and then the values live at the header (<see cref="Inputs"/>, in that
/// order) and runs the rest of the original function from the header.
/// </summary>
public sealed record OsrEntry(int Header, MirFunction Function, IReadOnlyList<ValueId> Inputs);

/// <summary>Builds the on-stack-replacement entries of a function's loops.</summary>
public static class OsrEntries
{
    /// <summary>
    /// One entry per target of a backward jump (in block order) whose function passes the
    /// verifier (inner loops' headers included: see <see cref="At"/>).
    /// </summary>
    public static List<OsrEntry> Build(MirFunction f)
    {
        var entries = new List<OsrEntry>();
        foreach (var h in Headers(f))
            if (At(f, h) is { } e) entries.Add(e);
        return entries;
    }

    /// <summary>The targets of backward jumps (a block's jump to itself or to a block before it), in block order.</summary>
    public static SortedSet<int> Headers(MirFunction f)
    {
        var headers = new SortedSet<int>();
        for (var pos = 0; pos < f.Blocks.Count; pos++)
            if (f.Blocks[pos].Terminator is { } t)
                foreach (var target in t.Targets)
                    if (target.Block.Index <= pos) headers.Add(target.Block.Index);
        return headers;
    }

    /// <summary>
    /// The entry at <paramref name="header"/>, or null when its function fails the verifier. An
    /// inner loop's header is reached from the entry and again around its enclosing loops, which
    /// define values anew on the way (the outer loop's counter): such a value gets a second
    /// definition, an input of the entry, and block parameters where the two meet (SSA repair).
    /// </summary>
    public static OsrEntry? At(MirFunction f, int header)
    {
        // blocks reachable from the header, and what they use that is defined elsewhere
        var reach = new HashSet<int> { header };
        var work = new Stack<int>([header]);
        while (work.Count > 0)
            foreach (var t in f.Blocks[work.Pop()].Terminator?.Targets ?? [])
                if (reach.Add(t.Block.Index)) work.Push(t.Block.Index);
        var defs = new Dictionary<int, Instruction>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) defs[i.Result.Index] = i;
        var inputs = new List<ValueId>();
        var constants = new List<ValueId>();
        var seen = new HashSet<int>();
        foreach (var bi in reach.Order())
            foreach (var i in f.Blocks[bi].Insts)
                foreach (var a in i.Args.Concat(i.Targets.SelectMany(t => t.Args)))
                    if (!reach.Contains(f.Values[a.Index].Block.Index) && seen.Add(a.Index))
                        (defs.TryGetValue(a.Index, out var d) && IsConstant(d) ? constants : inputs).Add(a);

        var h = f.Blocks[header];
        var types = h.Params.Concat(inputs).Select(f.TypeOf).ToList();
        var osr = new MirFunction($"{f.Name}.$osr{header}", types, f.ReturnType) { SourceFile = f.SourceFile };
        foreach (var v in f.Values) osr.Values.Add(v with { Block = new BlockId(v.Block.Index + 1) });
        var entry = osr.NewBlock();
        var map = new Dictionary<int, ValueId>();
        var headerArgs = h.Params.Select(p => osr.AddParam(entry, f.TypeOf(p))).ToList();
        foreach (var v in inputs) map[v.Index] = osr.AddParam(entry, f.TypeOf(v));
        foreach (var v in constants)
        {
            // constants are made again here: LLVM then sees them (loop bounds, strides)
            var d = defs[v.Index];
            var copy = osr.NewValue(f.TypeOf(v), entry.Id, false);
            entry.Insts.Add(new Instruction { Op = d.Op, Result = copy, Type = d.Type, Imm = d.Imm, FImm = d.FImm, Sym = d.Sym, Line = d.Line });
            map[v.Index] = copy;
        }
        ValueId M(ValueId v) => map.TryGetValue(v.Index, out var m) ? m : v;
        foreach (var b in f.Blocks)
        {
            var nb = osr.NewBlock();
            nb.Params.AddRange(b.Params);
            foreach (var i in b.Insts)
                nb.Insts.Add(new Instruction
                {
                    Op = i.Op, Result = i.Result, Type = i.Type, Imm = i.Imm, FImm = i.FImm, Sym = i.Sym, Line = i.Line, Inlined = i.Inlined,
                    Args = i.Args.Select(M).ToList(),
                    Targets = i.Targets.Select(t => new BlockCall(new BlockId(t.Block.Index + 1), t.Args.Select(M).ToList())).ToList(),
                });
        }
        var jump = new Instruction { Op = Opcode.Br, Type = MirType.Void, Targets = [new BlockCall(new BlockId(header + 1), headerArgs)] };
        entry.Insts.Add(jump);
        Passes.FunctionEdit.RemoveUnreachable(osr);
        foreach (var v in Redefined(osr))
        {
            Redefine(osr, v);
            inputs.Add(v);
        }
        // bce's unchecked accesses need a length read of their array before them (the verifier's
        // rule): an array taken from the frame was read before the header, and it is read again
        // here (unused: the loop's bounds stay the values taken from the frame)
        var arrays = osr.Blocks.SelectMany(b => b.Insts).Where(i => i.Op is Opcode.AGetU or Opcode.ASetU).Select(i => i.Args[0]).Where(osr.Entry.Params.Contains).Distinct().ToList();
        osr.Entry.Insts.Remove(jump);
        foreach (var a in arrays)
            osr.Entry.Insts.Add(new Instruction { Op = Opcode.ALen, Type = MirType.I32, Result = osr.NewValue(MirType.I32, osr.Entry.Id, false), Args = [a] });
        osr.Entry.Insts.Add(jump);
        if (osr.Entry.Params.Count != types.Count)
        {
            // (the signature is fixed when a function is made: made again with the new inputs)
            var again = new MirFunction(osr.Name, [.. osr.Entry.Params.Select(osr.TypeOf)], osr.ReturnType) { SourceFile = osr.SourceFile };
            again.Values.AddRange(osr.Values);
            again.Blocks.AddRange(osr.Blocks);
            osr = again;
        }
        var problems = Verifier.Verify(osr);
        return problems.Count == 0 ? new OsrEntry(header, osr, inputs) : null;
    }

    /// <summary>
    /// Values whose definition no longer dominates a use once the function starts at the header:
    /// those defined around an enclosing loop before the header (in the original function their
    /// definition dominates the header; from the entry it is not run before the header is).
    /// </summary>
    private static List<ValueId> Redefined(MirFunction osr)
    {
        var dom = Dominators.Compute(osr);
        var found = new SortedSet<int>();
        foreach (var b in osr.Blocks)
            foreach (var i in b.Insts)
                foreach (var a in i.Args.Concat(i.Targets.SelectMany(t => t.Args)))
                    if (!dom.Dominates(osr.Values[a.Index].Block.Index, b.Id.Index)) found.Add(a.Index);
        return [.. found.Select(k => new ValueId(k))];
    }

    /// <summary>
    /// Gives <paramref name="v"/> a second definition, a parameter of the entry, and renames its
    /// uses to the definition that reaches each (block parameters at the iterated dominance
    /// frontier of the two definitions).
    /// </summary>
    private static void Redefine(MirFunction osr, ValueId v)
    {
        var cfg = new Passes.DomTree(osr);
        var home = osr.Values[v.Index].Block.Index;
        var type = osr.TypeOf(v);
        var joins = new Dictionary<int, ValueId>();
        foreach (var j in cfg.IteratedFrontier([0, home]).Order())
            if (j != 0) joins[j] = osr.AddParam(osr.Blocks[j], type);
        var work = new Stack<(int Block, ValueId Current)>();
        work.Push((0, osr.AddParam(osr.Entry, type)));
        while (work.Count > 0)
        {
            var (bi, cur) = work.Pop();
            var b = osr.Blocks[bi];
            if (joins.TryGetValue(bi, out var p)) cur = p;
            if (b.Params.Contains(v)) cur = v;
            foreach (var i in b.Insts)
            {
                for (var k = 0; k < i.Args.Count; k++)
                    if (i.Args[k] == v) i.Args[k] = cur;
                foreach (var t in i.Targets)
                {
                    for (var k = 0; k < t.Args.Count; k++)
                        if (t.Args[k] == v) t.Args[k] = cur;
                    if (joins.ContainsKey(t.Block.Index)) t.Args.Add(cur);
                }
                if (i.Result == v) cur = v;
            }
            foreach (var child in cfg.Children[bi]) work.Push((child, cur));
        }
    }

    private static bool IsConstant(Instruction i) =>
        i.Op is Opcode.IConst or Opcode.FConst or Opcode.BConst or Opcode.Null or Opcode.Str or Opcode.TypeDesc;
}
