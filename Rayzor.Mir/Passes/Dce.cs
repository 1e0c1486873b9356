using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Dead code elimination by marking what is live: instructions with effects (the opcode table's
/// Effects; see FunctionEdit.Removable) and terminators are live, so are the values they read, and a
/// block parameter only when live code reads it — so dead cycles of parameters (a loop counter
/// nobody reads) go too. Unused pure results and unread parameters (not the entry's) are removed.
public sealed class Dce : FunctionPass
{
    public override string Name => "dce";

    public override bool Run(MirFunction f, MirModule module)
    {
        var live = new bool[f.Values.Count];
        var work = new Stack<ValueId>();
        void Mark(ValueId v)
        {
            if (live[v.Index]) return;
            live[v.Index] = true;
            work.Push(v);
        }
        // what defines each value, and which jump arguments feed each parameter
        var defs = new Instruction?[f.Values.Count];
        var paramOf = new Dictionary<ValueId, (Block Block, int K)>();
        foreach (var b in f.Blocks)
        {
            for (var k = 0; k < b.Params.Count; k++) paramOf[b.Params[k]] = (b, k);
            foreach (var i in b.Insts) if (!i.Result.IsNone) defs[i.Result.Index] = i;
        }
        var incoming = new Dictionary<BlockId, List<BlockCall>>();
        foreach (var b in f.Blocks)
        {
            foreach (var i in b.Insts)
            {
                foreach (var t in i.Targets)
                {
                    if (!incoming.TryGetValue(t.Block, out var l)) incoming[t.Block] = l = [];
                    l.Add(t);
                }
                if (i.IsTerminator || !FunctionEdit.Removable(i.Op))
                {
                    if (!i.Result.IsNone) Mark(i.Result);
                    foreach (var a in i.Args) Mark(a);
                }
            }
        }
        foreach (var p in f.Entry.Params) Mark(p);
        while (work.Count > 0)
        {
            var v = work.Pop();
            if (defs[v.Index] is { } d) foreach (var a in d.Args) Mark(a);
            else if (paramOf.TryGetValue(v, out var pk) && incoming.TryGetValue(pk.Block.Id, out var calls))
                foreach (var c in calls) Mark(c.Args[pk.K]);
        }
        var changed = false;
        foreach (var b in f.Blocks)
        {
            changed |= b.Insts.RemoveAll(i => !i.IsTerminator && !i.Result.IsNone && !live[i.Result.Index] && FunctionEdit.Removable(i.Op)) > 0;
            if (b.Id.Index == 0) continue;
            for (var k = b.Params.Count - 1; k >= 0; k--)
            {
                if (live[b.Params[k].Index]) continue;
                FunctionEdit.RemoveParam(f, b, k);
                changed = true;
            }
        }
        return changed;
    }
}
