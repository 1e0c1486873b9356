using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Inlining;

/// The direct-call graph of a module (`call @f` only: virtual, interface and closure calls are not
/// edges, so inlining never sees through them).
internal static class CallGraph
{
    /// The strongly connected components (Tarjan), callees before callers: a component comes after
    /// every component its functions call into.
    public static List<List<MirFunction>> ComponentsBottomUp(IReadOnlyList<MirFunction> functions, Dictionary<string, MirFunction> byName)
    {
        var index = new Dictionary<MirFunction, int>();
        var low = new Dictionary<MirFunction, int>();
        var onStack = new HashSet<MirFunction>();
        var stack = new Stack<MirFunction>();
        var result = new List<List<MirFunction>>();
        var callees = new Dictionary<MirFunction, List<MirFunction>>();
        foreach (var f in functions)
        {
            var list = new List<MirFunction>();
            foreach (var b in f.Blocks)
                foreach (var i in b.Insts)
                    if (i.Op == Opcode.Call && byName.TryGetValue(i.Sym!, out var g)) list.Add(g);
            callees[f] = list;
        }

        // iterative Tarjan: deep call chains must not overflow the compiler's stack
        foreach (var root in functions)
        {
            if (index.ContainsKey(root)) continue;
            var frames = new Stack<(MirFunction F, int Next)>();
            Visit(root);
            frames.Push((root, 0));
            while (frames.Count > 0)
            {
                var (f, next) = frames.Pop();
                var cs = callees[f];
                if (next < cs.Count)
                {
                    frames.Push((f, next + 1));
                    var g = cs[next];
                    if (!index.ContainsKey(g))
                    {
                        Visit(g);
                        frames.Push((g, 0));
                    }
                    else if (onStack.Contains(g)) low[f] = Math.Min(low[f], index[g]);
                    continue;
                }
                if (frames.Count > 0)
                {
                    var parent = frames.Peek().F;
                    low[parent] = Math.Min(low[parent], low[f]);
                }
                if (low[f] != index[f]) continue;
                var component = new List<MirFunction>();
                MirFunction w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                } while (w != f);
                result.Add(component);
            }
        }
        return result;

        void Visit(MirFunction f)
        {
            index[f] = low[f] = index.Count;
            stack.Push(f);
            onStack.Add(f);
        }
    }
}
