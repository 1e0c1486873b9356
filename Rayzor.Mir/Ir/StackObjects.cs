namespace Rayzor.Mir.Ir;

/// What may be done with an object in a function's stack frame (`salloc`), which dies when the
/// function returns: its fields read and written (`getfield`/`setfield` on it, its descriptor
/// read), its identity compared (`pcmp`), and the pointer passed to a block parameter, which is
/// then held to the same rules. Never stored (into any object, array, global or closure
/// environment), returned, thrown or passed to any call: then nothing outside the frame holds it,
/// so it never outlives the frame and the collector never meets it in the heap.
public static class StackObjects
{
    /// The values that may hold an object of <paramref name="roots"/>: the roots and, through
    /// jumps, every block parameter one of them reaches (closed: a parameter's own jumps too).
    /// <paramref name="bothWays"/> adds what else the parameters receive, and what reaches that:
    /// the values whose uses decide together whether any of them escapes.
    public static HashSet<ValueId> Web(MirFunction f, IEnumerable<ValueId> roots, bool bothWays = false)
    {
        var web = new HashSet<ValueId>(roots);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in f.Blocks)
                foreach (var t in b.Terminator?.Targets ?? [])
                    for (var k = 0; k < t.Args.Count; k++)
                    {
                        var p = f.Blocks[t.Block.Index].Params[k];
                        if (web.Contains(t.Args[k]) && web.Add(p)) changed = true;
                        if (bothWays && web.Contains(p) && web.Add(t.Args[k])) changed = true;
                    }
        }
        return web;
    }

    /// The first instruction that lets a value of <paramref name="web"/> out of the frame (or
    /// depends on more than its fields and identity), or null when none does.
    public static Instruction? Escape(MirFunction f, HashSet<ValueId> web)
    {
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
            {
                if (!i.Args.Any(web.Contains)) continue;
                var allowed = i.Op switch
                {
                    Opcode.GetField => true,
                    Opcode.SetField => !web.Contains(i.Args[1]),
                    Opcode.PCmp => true,
                    // (jump arguments are not operands: their parameters are in the web)
                    _ => false,
                };
                if (!allowed) return i;
            }
        return null;
    }
}
