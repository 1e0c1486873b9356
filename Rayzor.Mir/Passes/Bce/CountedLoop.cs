using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Bce;

/// A loop whose header ends in `brif (icmp lt %i, %n)` (or the same test spelled `gt`, `ge`, `le`)
/// where `%i` is a parameter of the header and `%n` the `alen` of an array, or a constant no
/// greater than an array's length where the loop starts (LengthFact): the loop's blocks, the
/// block the test enters when `%i < %n` (InRange, whose only predecessor is the header), and the
/// blocks between the length read and the header whose code must not change any array's length.
internal sealed class CountedLoop
{
    public required int Header { get; init; }
    public required int ParamIndex { get; init; }
    public required ValueId Index { get; init; }
    public required ValueId Array { get; init; }
    public required int InRange { get; init; }

    /// The natural loop of the header: the blocks from which a back edge is reached without the header.
    public required HashSet<int> Body { get; init; }

    /// Blocks on some path from the length read to the header, outside the body (the length must
    /// hold there too), and the length read's own block with the index of the first instruction after it.
    public required HashSet<int> Before { get; init; }
    public required (int Block, int From) Read { get; init; }

    /// The `aget`/`aset`/`vset` of Array at Index in the body under InRange.
    public List<(Block Block, Instruction Inst)> Accesses { get; } = [];

    /// An allocation's length read bce must insert when it keeps this loop (LengthFact).
    public Instruction? Insert { get; private init; }
    public int InsertBlock { get; private init; }
    public int InsertAt { get; private init; }

    /// The counted loops whose test ends <paramref name="header"/>: one for the array whose length
    /// bounds it, or for a constant bound one per array of the body whose length a fact proves at
    /// least the bound.
    public static IEnumerable<CountedLoop> Find(MirFunction f, DomTree cfg, Instruction?[] defs, int[] defBlock, Block header, List<LengthFact> facts)
    {
        var h = header.Id.Index;
        if (Test(header, cfg, v => defs[v.Index]) is not var (i, k, n, t, body)
            || defs[n.Index] is not ({ Op: Opcode.ALen } or { Op: Opcode.IConst, Type: MirType.I32, Imm: > 0 })) yield break;
        // the accesses at the index under the test, by array
        var accesses = new Dictionary<ValueId, List<(Block, Instruction)>>();
        foreach (var b in body)
        {
            if (!cfg.Dominates(t, b)) continue;
            foreach (var inst in f.Blocks[b].Insts)
                if (inst.Op is Opcode.AGet or Opcode.ASet or Opcode.VSet && inst.Args[1] == i)
                {
                    if (!accesses.TryGetValue(inst.Args[0], out var l)) accesses[inst.Args[0]] = l = [];
                    l.Add((f.Blocks[b], inst));
                }
        }
        CountedLoop Make(ValueId array, int d, int from, LengthFact? fact)
        {
            var before = new HashSet<int>();
            if (!body.Contains(d))
            {
                // walk back from the loop's entries to the length read
                var work = new Stack<int>(cfg.Preds[h].Where(p => !body.Contains(p) && cfg.IsReachable(p)));
                while (work.Count > 0)
                {
                    var b = work.Pop();
                    if (b == d || !before.Add(b)) continue;
                    foreach (var p in cfg.Preds[b])
                        if (cfg.IsReachable(p)) work.Push(p);
                }
            }
            var loop = new CountedLoop
            {
                Header = h, ParamIndex = k, Index = i, Array = array, InRange = t, Body = body, Before = before, Read = (d, from),
                Insert = fact?.Insert, InsertBlock = fact?.ReadBlock ?? -1, InsertAt = fact?.ReadFrom ?? -1,
            };
            loop.Accesses.AddRange(accesses.GetValueOrDefault(array) ?? []);
            return loop;
        }
        if (defs[n.Index] is { Op: Opcode.ALen } len)
        {
            var d = defBlock[n.Index];
            yield return Make(len.Args[0], d, f.Blocks[d].Insts.IndexOf(len) + 1, null);
            yield break;
        }
        var bound = defs[n.Index]!.Imm;
        foreach (var array in accesses.Keys)
            if (facts.FirstOrDefault(x => x.Array == array && x.Min >= bound && cfg.Dominates(x.Block, h)) is { } fact)
                yield return Make(array, fact.ReadBlock, fact.ReadFrom, fact);
    }

    /// The test ending <paramref name="header"/> when it counts a loop: `brif (icmp lt %i, %n)` (or
    /// the same test spelled `gt`, `ge`, `le`) with `%i` a parameter of the header (at ParamIndex),
    /// and the block the test enters when `%i < %n` (InRange) in the header's natural loop (Body),
    /// with the header as its only predecessor — so the rest of the loop runs only while `%i < %n`.
    public static (ValueId Index, int ParamIndex, ValueId Bound, int InRange, HashSet<int> Body)? Test(Block header, DomTree cfg, Func<ValueId, Instruction?> def)
    {
        var h = header.Id.Index;
        if (header.Terminator is not { Op: Opcode.BrIf } br || def(br.Args[0]) is not { Op: Opcode.ICmp } cmp) return null;
        var (i, n, inRange) = (Cond)cmp.Imm switch
        {
            Cond.Lt => (cmp.Args[0], cmp.Args[1], 0),
            Cond.Ge => (cmp.Args[0], cmp.Args[1], 1),
            Cond.Gt => (cmp.Args[1], cmp.Args[0], 0),
            Cond.Le => (cmp.Args[1], cmp.Args[0], 1),
            _ => (ValueId.None, ValueId.None, 0),
        };
        var k = i.IsNone ? -1 : header.Params.IndexOf(i);
        if (k < 0) return null;
        var t = br.Targets[inRange].Block.Index;
        if (t == h || cfg.Preds[t].Count != 1) return null;
        var body = cfg.NaturalLoop(h);
        if (body == null || !body.Contains(t)) return null;
        return (i, k, n, t, body);
    }

    /// Every instruction that runs between the length read and an access: the body, the blocks
    /// before it, and the rest of the read's block.
    public IEnumerable<Instruction> Region(MirFunction f)
    {
        foreach (var b in Body.Concat(Before))
            foreach (var i in f.Blocks[b].Insts)
                yield return i;
        if (!Body.Contains(Read.Block))
            foreach (var i in f.Blocks[Read.Block].Insts.Skip(Read.From))
                yield return i;
    }
}
