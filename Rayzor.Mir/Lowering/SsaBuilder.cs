using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Builds SSA form while lowering, by the algorithm of Braun et al. ("Simple and Efficient
/// Construction of Static Single Assignment Form", 2013): variables are read per block, blocks are
/// sealed once all their predecessors are known, and block parameters stand for phis. Trivial
/// parameters are removed at the end.
public sealed class SsaBuilder(MirFunction f, Func<MirType, ValueId> undefined)
{
    private readonly Dictionary<(int Var, int Block), ValueId> _defs = new();
    private readonly Dictionary<int, List<(int Var, ValueId Param)>> _incomplete = new();
    private readonly HashSet<int> _sealed = new();
    private readonly Dictionary<int, List<int>> _preds = new();
    private readonly Dictionary<ValueId, ValueId> _alias = new();
    private readonly Dictionary<ValueId, int> _paramVar = new();

    /// Records an edge pred → block (call before sealing `block`).
    public void AddEdge(Block pred, Block block)
    {
        if (!_preds.TryGetValue(block.Id.Index, out var list)) _preds[block.Id.Index] = list = [];
        list.Add(pred.Id.Index);
    }

    public void Write(int variable, Block block, ValueId value) => _defs[(variable, block.Id.Index)] = value;

    public ValueId Read(int variable, MirType type, Block block)
    {
        if (_defs.TryGetValue((variable, block.Id.Index), out var v)) return v;
        return ReadRecursive(variable, type, block);
    }

    private ValueId ReadRecursive(int variable, MirType type, Block block)
    {
        ValueId v;
        var preds = _preds.GetValueOrDefault(block.Id.Index) ?? [];
        if (!_sealed.Contains(block.Id.Index))
        {
            v = f.AddParam(block, type);
            _paramVar[v] = variable;
            if (!_incomplete.TryGetValue(block.Id.Index, out var inc)) _incomplete[block.Id.Index] = inc = [];
            inc.Add((variable, v));
        }
        else if (preds.Count == 0) v = undefined(type);
        else if (preds.Count == 1) v = Read(variable, type, f.Blocks[preds[0]]);
        else
        {
            v = f.AddParam(block, type);
            _paramVar[v] = variable;
            Write(variable, block, v);
            AddOperands(variable, type, block, v);
        }
        Write(variable, block, v);
        return v;
    }

    private void AddOperands(int variable, MirType type, Block block, ValueId param)
    {
        var index = block.Params.IndexOf(param);
        foreach (var p in _preds.GetValueOrDefault(block.Id.Index) ?? [])
        {
            var pred = f.Blocks[p];
            var value = Read(variable, type, pred);
            foreach (var t in pred.Terminator!.Targets)
                if (t.Block == block.Id && t.Args.Count == index) t.Args.Add(value);
        }
    }

    /// All predecessors of `block` are known: complete its pending parameters.
    public void Seal(Block block)
    {
        if (!_sealed.Add(block.Id.Index)) return;
        if (_incomplete.Remove(block.Id.Index, out var list))
            foreach (var (variable, param) in list)
                AddOperands(variable, f.TypeOf(param), block, param);
    }

    public bool IsSealed(Block block) => _sealed.Contains(block.Id.Index);

    /// Removes parameters whose incoming values are all one value (or the parameter itself), to a
    /// fixed point, and rewrites every use.
    public void Finish()
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in f.Blocks)
            {
                for (var i = b.Params.Count - 1; i >= 0; i--)
                {
                    var p = b.Params[i];
                    ValueId? same = null;
                    var trivial = true;
                    foreach (var (pred, call) in Incoming(b))
                    {
                        var a = Resolve(call.Args[i]);
                        if (a == p || a == same) continue;
                        if (same != null) { trivial = false; break; }
                        same = a;
                    }
                    if (!trivial || b == f.Entry) continue;
                    _alias[p] = same ?? undefined(f.TypeOf(p));
                    b.Params.RemoveAt(i);
                    foreach (var (_, call) in Incoming(b)) call.Args.RemoveAt(i);
                    changed = true;
                }
            }
        }
        foreach (var b in f.Blocks)
            foreach (var inst in b.Insts)
            {
                for (var k = 0; k < inst.Args.Count; k++) inst.Args[k] = Resolve(inst.Args[k]);
                foreach (var t in inst.Targets)
                    for (var k = 0; k < t.Args.Count; k++) t.Args[k] = Resolve(t.Args[k]);
            }
    }

    private IEnumerable<(Block, BlockCall)> Incoming(Block b)
    {
        foreach (var p in _preds.GetValueOrDefault(b.Id.Index) ?? [])
            foreach (var t in f.Blocks[p].Terminator!.Targets)
                if (t.Block == b.Id) yield return (f.Blocks[p], t);
    }

    private ValueId Resolve(ValueId v)
    {
        while (_alias.TryGetValue(v, out var a)) v = a;
        return v;
    }
}
