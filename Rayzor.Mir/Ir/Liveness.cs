namespace Rayzor.Mir.Ir;

/// <summary>
/// Which values are live where: per block on entry (iterated to a fixed point), and before any
/// instruction of a block. A block's parameters are defined on entry, so not live into it; the
/// arguments of a block's jumps are used at its end.
/// </summary>
public sealed class Liveness
{
    private readonly HashSet<ValueId>[] _in;

    public Liveness(MirFunction f)
    {
        var n = f.Blocks.Count;
        _in = new HashSet<ValueId>[n];
        for (var b = 0; b < n; b++) _in[b] = [];
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var b = n - 1; b >= 0; b--)
            {
                var l = LiveBefore(f.Blocks[b], 0);
                if (!l.SetEquals(_in[b])) { _in[b] = l; changed = true; }
            }
        }
    }

    /// <summary>The values live into <paramref name="b"/>.</summary>
    public IReadOnlySet<ValueId> In(Block b) => _in[b.Id.Index];

    /// <summary>The values live out of <paramref name="b"/> (into its successors, their jumps' arguments excluded).</summary>
    public HashSet<ValueId> Out(Block b)
    {
        var live = new HashSet<ValueId>();
        foreach (var t in b.Terminator?.Targets ?? []) live.UnionWith(_in[t.Block.Index]);
        return live;
    }

    /// <summary>The values live before instruction <paramref name="from"/> of <paramref name="b"/>.</summary>
    public HashSet<ValueId> LiveBefore(Block b, int from)
    {
        var live = new HashSet<ValueId>();
        foreach (var t in b.Terminator?.Targets ?? [])
        {
            live.UnionWith(_in[t.Block.Index]);
            live.UnionWith(t.Args);
        }
        for (var k = b.Insts.Count - 1; k >= from; k--)
        {
            var i = b.Insts[k];
            if (!i.Result.IsNone) live.Remove(i.Result);
            live.UnionWith(i.Args);
        }
        if (from == 0) live.ExceptWith(b.Params);
        return live;
    }
}
