using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Escape;

/// Rewrites one non-escaping allocation into SSA values, one variable per field (see ScalarReplacement).
/// The loads it removes go into <paramref name="loads"/> (the value each stands for), for the caller to replace.
internal sealed class Replacement(MirFunction f, DomTree cfg, EscapeAnalysis.Uses uses, Block home, Instruction alloc,
    List<EscapeAnalysis.Slot> slots, Dictionary<ValueId, ValueId> loads)
{
    private readonly ValueId _obj = alloc.Result;

    /// The parameters added to each block, in order: the field each stands for, and the parameter.
    private readonly Dictionary<int, List<(int Slot, ValueId Param)>> _params = new();

    public void Run()
    {
        AddParams();
        // loads become the definition that reaches them; the renaming walks the dominator tree below the allocation
        var header = new HashSet<ValueId>();
        var work = new Stack<(int Block, ValueId[] Current)>();
        work.Push((home.Id.Index, new ValueId[slots.Count]));
        while (work.Count > 0)
        {
            var (bi, cur) = work.Pop();
            var b = f.Blocks[bi];
            if (_params.TryGetValue(bi, out var ps))
                foreach (var (s, p) in ps) cur[s] = p;
            var kept = new List<Instruction>(b.Insts.Count);
            foreach (var i in b.Insts)
            {
                if (ReferenceEquals(i, alloc))
                    for (var s = 0; s < slots.Count; s++)
                    {
                        var zero = Zero(slots[s].Type);
                        kept.Add(zero);
                        cur[s] = zero.Result;
                    }
                else if (i.Op == Opcode.GetField && i.Args[0] == _obj && alloc.Op == Opcode.New && i.Imm == 0)
                {
                    // the class's descriptor, as `new` set it
                    kept.Add(new Instruction { Op = Opcode.TypeDesc, Type = MirType.Ptr, Sym = alloc.Sym, Result = i.Result, Line = i.Line, Inlined = i.Inlined });
                    header.Add(i.Result);
                }
                else if (i.Op == Opcode.GetField && i.Args[0] == _obj) loads[i.Result] = cur[SlotAt(i.Imm)];
                else if (i.Op == Opcode.PCmp && DescriptorTest(i, header) is { } same)
                    kept.Add(FunctionEdit.Constant(i, Opcode.BConst, same == ((Cond)i.Imm == Cond.Eq) ? 1 : 0));
                else if (i.Op == Opcode.SetField && i.Args[0] == _obj) cur[SlotAt(i.Imm)] = i.Args[1];
                else if (i.Op == Opcode.PCmp && i.Args.Contains(_obj))
                    // nothing else holds the object's pointer: it is only itself
                    kept.Add(FunctionEdit.Constant(i, Opcode.BConst, (i.Args[0] == i.Args[1]) == ((Cond)i.Imm == Cond.Eq) ? 1 : 0));
                else kept.Add(i);
            }
            b.Insts.Clear();
            b.Insts.AddRange(kept);
            foreach (var call in b.Terminator?.Targets ?? [])
                if (_params.TryGetValue(call.Block.Index, out var tps))
                    foreach (var (s, _) in tps) call.Args.Add(cur[s]);
            foreach (var child in cfg.Children[bi]) work.Push((child, (ValueId[])cur.Clone()));
        }
    }

    /// A block parameter per field at each join below the allocation that two of its definitions
    /// reach. Joins the allocation does not dominate need none: every read of the object comes after
    /// the allocation (SSA), so such a join is left with the object dead (a loop header whose body
    /// allocates anew each time).
    private void AddParams()
    {
        for (var s = 0; s < slots.Count; s++)
        {
            var defs = new HashSet<int> { home.Id.Index };
            foreach (var i in uses.Readers[_obj])
                if (i.Op == Opcode.SetField && i.Args[0] == _obj && i.Imm == slots[s].Offset) defs.Add(uses.BlockOf[i]);
            foreach (var j in cfg.IteratedFrontier(defs).Order())
            {
                if (j == home.Id.Index || !cfg.Dominates(home.Id.Index, j)) continue;
                if (!_params.TryGetValue(j, out var list)) _params[j] = list = [];
                list.Add((s, f.AddParam(f.Blocks[j], slots[s].Type)));
            }
        }
    }

    /// Whether a `pcmp` of the object's descriptor with a `typedesc` finds the same descriptor
    /// (guarded devirtualization's test, now decided); null when it compares something else.
    private bool? DescriptorTest(Instruction cmp, HashSet<ValueId> header)
    {
        var other = header.Contains(cmp.Args[0]) ? cmp.Args[1] : header.Contains(cmp.Args[1]) ? cmp.Args[0] : ValueId.None;
        if (other.IsNone) return null;
        _typeDescs ??= f.Blocks.SelectMany(b => b.Insts).Where(i => i.Op == Opcode.TypeDesc).ToDictionary(i => i.Result, i => i.Sym!);
        return _typeDescs.TryGetValue(other, out var sym) ? sym == alloc.Sym : null;
    }

    private Dictionary<ValueId, string>? _typeDescs;

    private int SlotAt(long offset) => slots.FindIndex(s => s.Offset == offset);

    /// The value of a field the allocation zeroed.
    private Instruction Zero(MirType t)
    {
        var op = t switch { MirType.I32 => Opcode.IConst, MirType.F64 => Opcode.FConst, MirType.Bool => Opcode.BConst, _ => Opcode.Null };
        return new Instruction { Op = op, Type = t, Result = f.NewValue(t, home.Id, false), Line = alloc.Line, Inlined = alloc.Inlined };
    }
}
