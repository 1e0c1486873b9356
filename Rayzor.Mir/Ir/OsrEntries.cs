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
    /// verifier: an inner loop's header is usually refused (its enclosing loop redefines values
    /// the entry would take as parameters) and the outermost loop's accepted.
    /// </summary>
    public static List<OsrEntry> Build(MirFunction f)
    {
        var entries = new List<OsrEntry>();
        var headers = new SortedSet<int>();
        for (var pos = 0; pos < f.Blocks.Count; pos++)
            if (f.Blocks[pos].Terminator is { } t)
                foreach (var target in t.Targets)
                    if (target.Block.Index <= pos) headers.Add(target.Block.Index);
        foreach (var h in headers)
            if (At(f, h) is { } e && Verifier.Verify(e.Function).Count == 0) entries.Add(e);
        return entries;
    }

    private static OsrEntry? At(MirFunction f, int header)
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
        entry.Insts.Add(new Instruction { Op = Opcode.Br, Type = MirType.Void, Targets = [new BlockCall(new BlockId(header + 1), headerArgs)] });
        return new OsrEntry(header, osr, inputs);
    }

    private static bool IsConstant(Instruction i) =>
        i.Op is Opcode.IConst or Opcode.FConst or Opcode.BConst or Opcode.Null or Opcode.Str or Opcode.TypeDesc;
}
