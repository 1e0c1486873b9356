using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// The dominator tree of a function as the SSA-building and loop passes use it: dominance,
/// children, predecessors and dominance frontiers (Cooper, Harvey and Kennedy). Stays valid while
/// a pass only adds block parameters and rewrites instructions (the CFG unchanged).
public sealed class DomTree
{
    private readonly Dominators _dom;

    public List<int>[] Children { get; }

    /// The blocks jumping to each block (once per edge).
    public List<int>[] Preds { get; }

    public DomTree(MirFunction f)
    {
        _dom = Dominators.Compute(f);
        Preds = FunctionEdit.Predecessors(f);
        Children = new List<int>[f.Blocks.Count];
        for (var b = 0; b < Children.Length; b++) Children[b] = [];
        for (var b = 1; b < Children.Length; b++)
            if (_dom.IsReachable(b) && _dom.Idom(b) != b) Children[_dom.Idom(b)].Add(b);
    }

    public bool IsReachable(int b) => _dom.IsReachable(b);

    public bool Dominates(int a, int b) => _dom.Dominates(a, b);

    private HashSet<int>[]? _frontier;

    /// The dominance frontier of each block: where its dominance ends at a join.
    public HashSet<int>[] Frontier => _frontier ??= ComputeFrontier();

    private HashSet<int>[] ComputeFrontier()
    {
        var df = new HashSet<int>[Preds.Length];
        for (var b = 0; b < df.Length; b++) df[b] = [];
        for (var b = 0; b < df.Length; b++)
        {
            if (Preds[b].Count < 2 || !IsReachable(b)) continue;
            foreach (var p in Preds[b])
            {
                if (!IsReachable(p)) continue;
                for (var runner = p; runner != _dom.Idom(b); runner = _dom.Idom(runner))
                {
                    df[runner].Add(b);
                    if (runner == _dom.Idom(runner)) break; // the entry
                }
            }
        }
        return df;
    }

    /// The iterated dominance frontier of a set of blocks: where their definitions meet.
    public HashSet<int> IteratedFrontier(IEnumerable<int> blocks)
    {
        var result = new HashSet<int>();
        var work = new Stack<int>(blocks);
        var queued = new HashSet<int>(work);
        while (work.Count > 0)
            foreach (var d in Frontier[work.Pop()])
                if (result.Add(d) && queued.Add(d)) work.Push(d);
        return result;
    }

    /// The blocks of the loop whose back edges go to <paramref name="h"/>, or null when none does.
    public HashSet<int>? NaturalLoop(int h)
    {
        var latches = Preds[h].Where(p => IsReachable(p) && Dominates(h, p)).ToList();
        if (latches.Count == 0) return null;
        var body = new HashSet<int> { h };
        var work = new Stack<int>(latches);
        while (work.Count > 0)
        {
            var b = work.Pop();
            if (!body.Add(b)) continue;
            foreach (var p in Preds[b])
                if (IsReachable(p)) work.Push(p);
        }
        return body;
    }
}
