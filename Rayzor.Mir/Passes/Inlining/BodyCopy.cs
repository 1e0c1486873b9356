using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Inlining;

/// A copy of a callee's blocks appended to a caller, with fresh values and blocks; `ret` becomes a
/// jump to the block after the call, and every instruction records the inline site (on top of the
/// sites it already had in the callee), so stack traces still show the callee's frame and lines.
internal sealed class BodyCopy
{
    private readonly MirFunction _into;
    private readonly MirFunction _from;
    private readonly InlineSite _site;
    private readonly ValueId[] _values;
    private readonly Dictionary<InlineSite, InlineSite> _rebased = new(ReferenceEqualityComparer.Instance);

    /// The copies of the callee's blocks, by the callee's block index (the entry first).
    public BlockId[] Blocks { get; }

    /// Creates the blocks, their parameters and a value for every result of the callee.
    public BodyCopy(MirFunction into, MirFunction from, InlineSite site)
    {
        _into = into;
        _from = from;
        _site = site;
        _values = new ValueId[from.Values.Count];
        Array.Fill(_values, ValueId.None);
        Blocks = new BlockId[from.Blocks.Count];
        foreach (var b in from.Blocks)
        {
            var nb = into.NewBlock();
            Blocks[b.Id.Index] = nb.Id;
            foreach (var p in b.Params) _values[p.Index] = into.AddParam(nb, from.TypeOf(p));
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) _values[i.Result.Index] = into.NewValue(from.TypeOf(i.Result), nb.Id, false);
        }
    }

    /// Fills the copied blocks; `ret` jumps to <paramref name="after"/> (with the value when
    /// <paramref name="passValue"/>).
    public void CopyInstructions(BlockId after, bool passValue)
    {
        foreach (var b in _from.Blocks)
        {
            var into = _into[Blocks[b.Id.Index]];
            foreach (var i in b.Insts)
            {
                var site = Rebase(i.Inlined);
                if (i.Op == Opcode.Ret)
                {
                    into.Insts.Add(new Instruction
                    {
                        Op = Opcode.Br, Type = MirType.Void, Line = i.Line, Inlined = site,
                        Targets = [new BlockCall(after, passValue ? [Map(i.Args[0])] : [])],
                    });
                    continue;
                }
                into.Insts.Add(new Instruction
                {
                    Op = i.Op, Result = i.Result.IsNone ? ValueId.None : Map(i.Result), Type = i.Type,
                    Args = i.Args.ConvertAll(Map), Imm = i.Imm, FImm = i.FImm, Sym = i.Sym,
                    Targets = i.Targets.ConvertAll(t => new BlockCall(Blocks[t.Block.Index], t.Args.ConvertAll(Map))),
                    Line = i.Line, Inlined = site,
                });
            }
        }
    }

    private ValueId Map(ValueId v) => _values[v.Index];

    /// The callee's inline sites with this call's site as their outermost parent.
    private InlineSite Rebase(InlineSite? s)
    {
        if (s == null) return _site;
        if (!_rebased.TryGetValue(s, out var r)) _rebased[s] = r = s with { Parent = Rebase(s.Parent) };
        return r;
    }
}
