using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Dead pointers in long-lived frames. Boehm scans a frame's slots conservatively, and a slot keeps
/// its value until the frame returns or the value's instruction runs again: a `main` kept alive
/// every object it made and dropped (the alloc benchmark's 8 MB stretch tree, marked again by each
/// of its 30-odd collections, doubling their work). In a function with a loop (whose frame lives
/// long), the slot of a pointer is cleared (a copy of the zero constant) where it dies outside
/// loops, so a clear runs once per call: after its last use in a block, or at the start of a block
/// entered from a block where it was live (a loop's exit); and the frame is zeroed at entry
/// (<see cref="Func.ZeroesFrame"/>: its memory held the frames called before it). Functions
/// without loops return soon; values in loops are overwritten each trip. No clears in functions
/// with `try` (a handler may read what the blocks of its region no longer use).
/// </summary>
internal sealed unsafe partial class Decoder
{
    // instruction -> the values to clear after it; block -> the values to clear at its start
    // (planned before the slots are laid out)
    private Dictionary<Instruction, List<ValueId>>? _clears;
    private Dictionary<int, List<ValueId>>? _clearsAtStart;

    private void PlanClears()
    {
        var inLoop = BlocksInLoops();
        _func.ZeroesFrame = inLoop.Contains(true);
        if (!inLoop.Contains(true) || _f.Blocks.Any(b => b.Insts.Any(i => i.Op == Opcode.TryEnter))) return;
        // the pointers a clear may concern: results of instructions (not constants), parameters of blocks but the entry
        bool Clearable(ValueId v) => _f.TypeOf(v) == MirType.Ptr && (_defs[v.Index] is not { } def ? !_f.Entry.Params.Contains(v) : !IsConstant(def));
        var live = new Liveness(_f);
        var preds = new List<Block>[_f.Blocks.Count];
        foreach (var b in _f.Blocks)
            foreach (var t in b.Terminator?.Targets ?? [])
                (preds[t.Block.Index] ??= []).Add(b);
        var absorbedUses = new HashSet<ValueId>();
        foreach (var b in _f.Blocks)
        {
            var id = b.Id.Index;
            if (inLoop[id]) continue;
            // dying on the way in: live out of a predecessor, not live here
            foreach (var pred in preds[id] ?? [])
                foreach (var v in live.Out(pred))
                    if (Clearable(v) && !live.In(b).Contains(v) && !b.Params.Contains(v))
                    {
                        _clearsAtStart ??= [];
                        if (!_clearsAtStart.TryGetValue(id, out var list)) _clearsAtStart[id] = list = [];
                        if (!list.Contains(v)) list.Add(v);
                    }
            // dying in the block: its last use here, not live out (uses by the terminator's jumps count)
            absorbedUses.Clear();
            foreach (var i in b.Insts)
                if (_absorbed.Contains(i)) absorbedUses.UnionWith(i.Args);
            var last = new Dictionary<ValueId, int>();
            for (var k = 0; k < b.Insts.Count; k++)
            {
                foreach (var a in b.Insts[k].Args) last[a] = k;
                foreach (var t in b.Insts[k].Targets)
                    foreach (var a in t.Args) last[a] = k;
            }
            var liveOut = live.Out(b);
            foreach (var (v, k) in last)
            {
                if (k == b.Insts.Count - 1 || !Clearable(v) || liveOut.Contains(v) || absorbedUses.Contains(v)) continue;
                var i = b.Insts[k];
                _clears ??= new(ReferenceEqualityComparer.Instance);
                if (!_clears.TryGetValue(i, out var list)) _clears[i] = list = [];
                list.Add(v);
            }
        }
    }

    /// <summary>After the slots are laid out: values sharing a slot with another value are left alone.</summary>
    private void KeepClearsOfOwnSlots()
    {
        if (_clears == null && _clearsAtStart == null) return;
        _clears ??= new(ReferenceEqualityComparer.Instance);
        var owners = new Dictionary<int, int>();
        foreach (var s in _map) owners[s] = owners.GetValueOrDefault(s) + 1;
        foreach (var list in _clears.Values) list.RemoveAll(v => owners[S(v)] != 1);
        if (_clearsAtStart != null)
            foreach (var list in _clearsAtStart.Values) list.RemoveAll(v => owners[S(v)] != 1);
    }

    /// <summary>Emitted at the start of <paramref name="b"/> (a block of the decoded function).</summary>
    private void EmitClearsAtStart(Block b)
    {
        if (_clearsAtStart == null || _cf != _f || !_clearsAtStart.TryGetValue(b.Id.Index, out var list)) return;
        foreach (var v in list) Put(Op.Mov, S(v), _pool[0]);
    }

    /// <summary>Emitted after <paramref name="i"/> (the decoded function's own instructions only).</summary>
    private void EmitClears(Instruction i)
    {
        if (_clears == null || _cf != _f || !_clears.TryGetValue(i, out var list)) return;
        foreach (var v in list) Put(Op.Mov, S(v), _pool[0]);
    }

    /// <summary>Per block, whether it is on a cycle of the control-flow graph (Tarjan's components).</summary>
    private bool[] BlocksInLoops()
    {
        var index = new int[_f.Blocks.Max(b => b.Id.Index) + 1];
        Array.Fill(index, -1);
        var low = new int[index.Length];
        var onStack = new bool[index.Length];
        var inLoop = new bool[index.Length];
        var stack = new Stack<int>();
        var counter = 0;
        IEnumerable<int> Successors(int block) => _f[new BlockId(block)].Insts is { Count: > 0 } insts ? insts[^1].Targets.Select(t => t.Block.Index) : [];
        // iterative DFS: (block, successors enumerator)
        foreach (var root in _f.Blocks.Select(b => b.Id.Index))
        {
            if (index[root] >= 0) continue;
            var work = new Stack<(int Block, IEnumerator<int> Next)>();
            void Enter(int v)
            {
                index[v] = low[v] = counter++;
                stack.Push(v);
                onStack[v] = true;
                work.Push((v, Successors(v).GetEnumerator()));
            }
            Enter(root);
            while (work.Count > 0)
            {
                var (v, next) = work.Peek();
                if (next.MoveNext())
                {
                    var w = next.Current;
                    if (w == v) inLoop[v] = true;
                    if (index[w] < 0) Enter(w);
                    else if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Block] = Math.Min(low[work.Peek().Block], low[v]);
                if (low[v] != index[v]) continue;
                var component = new List<int>();
                int x;
                do
                {
                    x = stack.Pop();
                    onStack[x] = false;
                    component.Add(x);
                } while (x != v);
                if (component.Count > 1)
                    foreach (var c in component) inLoop[c] = true;
            }
        }
        return inLoop;
    }
}
