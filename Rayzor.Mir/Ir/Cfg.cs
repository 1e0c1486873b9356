namespace Rayzor.Mir.Ir;

/// Control-flow facts of a function.
public static class Cfg
{
    /// The blocks reachable from the entry in reverse post-order: every block comes after the
    /// blocks that dominate it, so emitting in this order defines values before their uses.
    public static List<Block> ReversePostOrder(MirFunction f)
    {
        var order = new List<Block>();
        var seen = new bool[f.Blocks.Count];
        var stack = new Stack<(Block Block, int Next)>();
        stack.Push((f.Entry, 0));
        seen[0] = true;
        while (stack.Count > 0)
        {
            var (b, k) = stack.Pop();
            var succ = b.Terminator?.Targets ?? [];
            if (k < succ.Count)
            {
                stack.Push((b, k + 1));
                var s = succ[k].Block.Index;
                if (!seen[s]) { seen[s] = true; stack.Push((f.Blocks[s], 0)); }
            }
            else order.Add(b);
        }
        order.Reverse();
        return order;
    }
}
