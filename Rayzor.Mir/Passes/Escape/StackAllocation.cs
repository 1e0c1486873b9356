using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Escape;

/// The second half of `escape`: a `new` that scalar replacement could not remove (its object
/// meets others in a block parameter, `var p = c ? new P(1) : new P(2)`, or is replaced in a
/// loop) becomes `salloc`, an object in the frame, when no value that may hold it lets it out
/// (StackObjects: fields, identity and block parameters only). One slot serves every run of the
/// instruction, so it must also be dead where the instruction runs again: no value that may hold
/// the object it made before is live across it (a loop that still reads last round's object keeps
/// `new`). Only small classes, and a bounded frame, so deep recursion does not run out of stack.
internal static class StackAllocation
{
    /// The largest instance put in a frame, and the most bytes of them one function gets.
    private const int MaxSize = 256, MaxFrame = 1024;

    public static bool Run(MirFunction f, MirModule module)
    {
        var news = f.Blocks.SelectMany(b => b.Insts).Where(i => i.Op == Opcode.New).ToList();
        if (news.Count == 0) return false;
        var sizes = module.Classes.ToDictionary(c => c.Name, c => c.Size);
        var byValue = news.ToDictionary(i => i.Result);
        var live = (Liveness?)null;
        // (-O3 runs the pass twice: the frame keeps what the first run put there)
        var frame = f.Blocks.SelectMany(b => b.Insts).Where(i => i.Op == Opcode.SAlloc).Sum(i => sizes.GetValueOrDefault(i.Sym!));
        var changed = false;
        // webs: the allocations that can meet in a parameter are judged together
        var done = new HashSet<ValueId>();
        foreach (var n in news)
        {
            if (done.Contains(n.Result)) continue;
            // everything joined to it by jumps both ways: a parameter receiving it and something else
            // brings that something's uses in too
            var web = StackObjects.Web(f, [n.Result], bothWays: true);
            var sites = web.Where(byValue.ContainsKey).Select(v => byValue[v]).ToList();
            done.UnionWith(sites.Select(s => s.Result));
            if (StackObjects.Escape(f, web) != null) continue;
            live ??= new Liveness(f);
            foreach (var s in sites)
            {
                var size = sizes.GetValueOrDefault(s.Sym!, int.MaxValue);
                if (size > MaxSize || frame + size > MaxFrame) continue;
                var b = f.Blocks.First(b => b.Insts.Contains(s));
                var k = b.Insts.IndexOf(s);
                // `new C(p.x)` allocates before it reads its arguments: made where it is first used,
                // the object replaced in a loop may be dead by then (moving an allocation is not seen)
                var use = k + 1;
                while (use < b.Insts.Count - 1 && !b.Insts[use].Args.Contains(s.Result)) use++;
                var held = StackObjects.Web(f, [s.Result]);
                if (HeldAcross(live, b, use, s.Result, held))
                {
                    if (HeldAcross(live, b, k + 1, s.Result, held)) continue;
                    use = k + 1;
                }
                frame += size;
                b.Insts.RemoveAt(k);
                b.Insts.Insert(use - 1, new Instruction { Op = Opcode.SAlloc, Type = MirType.Ptr, Sym = s.Sym, Result = s.Result, Line = s.Line, Inlined = s.Inlined });
                changed = true;
            }
        }
        return changed;
    }

    /// Whether a value that may hold an object of the allocation <paramref name="result"/>
    /// (<paramref name="held"/>: it and the parameters it reaches) other than the new result is
    /// live across the allocation put before instruction <paramref name="at"/> of <paramref name="b"/>:
    /// it may still hold the object the slot held before.
    private static bool HeldAcross(Liveness live, Block b, int at, ValueId result, HashSet<ValueId> held) =>
        live.LiveBefore(b, at).Any(v => v != result && held.Contains(v));
}
