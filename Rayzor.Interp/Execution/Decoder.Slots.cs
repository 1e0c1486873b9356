using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>
/// The frame layout of a decoded function, and the small functions copied into their callers.
/// A frame is: the parameters (slots 0..n-1, where Execute puts the arguments), the distinct
/// constants (copied in at entry from one block), a discard slot, one slot per other SSA value, then
/// the values of inlined bodies, move temporaries and outgoing call arguments.
/// </summary>
internal sealed unsafe partial class Decoder
{
    /// <summary>Instructions (without the `ret`) of a function whose body is copied into its callers.</summary>
    private const int InlineLimit = 16;

    // the function whose instructions are being emitted (the decoded one, or a callee being inlined)
    // and the slots of its values
    private MirFunction _cf;
    private int[] _map;

    // constant bits -> slot; slots after the parameters, in the order Func.Constants holds them
    private readonly Dictionary<long, int> _pool = new();
    private readonly List<int> _tempSlots = [];
    private int _next, _discard;

    private int S(ValueId v) => _map[v.Index];

    private int Dest(Instruction i) => i.Result.IsNone ? _discard : _map[i.Result.Index];

    /// <summary>The k-th temporary of a move sequence (shared by all sequences of the function).</summary>
    private int Temp(int k)
    {
        while (_tempSlots.Count <= k) _tempSlots.Add(_next++);
        return _tempSlots[k];
    }

    private static bool IsConstant(Instruction i) =>
        i.Op is Opcode.IConst or Opcode.FConst or Opcode.BConst or Opcode.Null or Opcode.Str or Opcode.TypeDesc;

    /// <summary>
    /// Slots of the decoded function's values; the constants of the function and of the callees that
    /// will be inlined are pooled first, so the frame's constants form one block.
    /// </summary>
    private int[] LayOutSlots()
    {
        var constants = new List<long>();
        if ((_clears != null || _clearsAtStart != null) && _pool.TryAdd(0, 0)) constants.Add(0); // what dead pointers are cleared with
        void Note(Instruction i)
        {
            if (Constant(i) is { } bits && _pool.TryAdd(bits, 0)) constants.Add(bits);
        }
        foreach (var b in _f.Blocks)
            foreach (var i in b.Insts)
            {
                Note(i);
                if (i.Op == Opcode.Call && _image.FindFunction(i.Sym!) is { } callee && Inlinable(callee))
                    foreach (var ci in callee.Mir.Entry.Insts) Note(ci);
            }
        var np = _f.Entry.Params.Count;
        for (var k = 0; k < constants.Count; k++) _pool[constants[k]] = np + k;
        _discard = np + constants.Count;
        _next = _discard + 1;
        var map = new int[_f.Values.Count];
        for (var k = 0; k < np; k++) map[_f.Entry.Params[k].Index] = k;
        foreach (var b in _f.Blocks)
        {
            foreach (var p in b.Params)
                if (b != _f.Entry) map[p.Index] = _next++;
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) map[i.Result.Index] = Constant(i) is { } bits ? _pool[bits] : _next++;
        }
        return map;
    }

    /// <summary>
    /// A callee copied into its callers instead of called: one block ending in `ret` (the blocks
    /// after it are unreachable), a few instructions, no calls or traps. It saves the frame of a
    /// call, which costs more than such a body (`inline` functions, `Bytes.get`, accessors).
    /// </summary>
    private bool Inlinable(Func callee)
    {
        if (callee == _func) return false;
        if (callee.Inlinable is { } known) return known;
        var entry = callee.Mir.Entry;
        var ok = callee.Mir.Blocks.Count > 0 && entry.Insts.Count <= InlineLimit + 1 && entry.Insts[^1].Op == Opcode.Ret
            && entry.Insts.All(i => i.Op is not (Opcode.Call or Opcode.VCall or Opcode.ICall or Opcode.CallClosure or Opcode.DynCall
                or Opcode.TryEnter or Opcode.Br or Opcode.BrIf)
                && !(i.Op == Opcode.CallNative && i.Sym is "rz_trap_pop" or "rz_exception_value"));
        callee.Inlinable = ok;
        return ok;
    }

    /// <summary>
    /// Emits <paramref name="callee"/>'s body in place of <paramref name="call"/>: its parameters are
    /// the call's argument slots (SSA values are never written twice), its constants the frame's
    /// pooled ones, its other values fresh slots, and the value it returns the call's result.
    /// </summary>
    private void Inline(Instruction call, MirFunction callee)
    {
        var map = new int[callee.Values.Count];
        var entry = callee.Entry;
        for (var k = 0; k < entry.Params.Count; k++) map[entry.Params[k].Index] = S(call.Args[k]);
        var ret = entry.Insts[^1];
        var result = ret.Args.Count > 0 ? ret.Args[0] : ValueId.None;
        var resultDefined = false;
        foreach (var i in entry.Insts)
        {
            if (i.Result.IsNone) continue;
            if (Constant(i) is { } bits) map[i.Result.Index] = _pool[bits];
            else if (i.Result == result)
            {
                map[i.Result.Index] = Dest(call);
                resultDefined = true;
            }
            else map[i.Result.Index] = _next++;
        }
        var (cf, outer) = (_cf, _map);
        _cf = callee;
        _inlinedCall = call;
        _map = map;
        for (var k = 0; k < entry.Insts.Count - 1; k++)
            if (!IsConstant(entry.Insts[k])) Emit(entry.Insts[k]);
        var from = result.IsNone ? -1 : S(result);
        (_cf, _map) = (cf, outer);
        // a parameter or constant returned as it is
        if (!result.IsNone && !resultDefined) Put(Op.Mov, Dest(call), from);
    }

    /// <summary>
    /// Gives a value passed to a block parameter by a jump the parameter's own slot, when nothing
    /// after the value's definition reads the parameter: the jump then has no move to make for it
    /// (a loop's `i + 1` is computed straight into `i`). Only for a value defined by an instruction of
    /// the jumping block and used by nothing but that jump.
    /// </summary>
    private void Coalesce()
    {
        // a handler may read a parameter whose slot a value inside the try already took
        if (_f.Blocks.Any(b => b.Insts.Any(i => i.Op == Opcode.TryEnter))) return;
        foreach (var b in _f.Blocks)
        {
            if (b.Insts.Count == 0 || b.Insts[^1] is not { Op: Opcode.Br } br) continue;
            var target = _f[br.Targets[0].Block];
            if (target == _f.Entry || ParamBranch(target.Id) >= 0) continue;
            var args = br.Targets[0].Args;
            var done = new HashSet<ValueId>();
            for (var k = 0; k < args.Count; k++)
            {
                var (v, p) = (args[k], target.Params[k]);
                if (_defs[v.Index] is not { } def || Constant(def) != null || UsesIn(b, v) != _rawUses[v.Index]) continue;
                // an inlined callee may read its arguments after writing its result
                if (def.Op == Opcode.Call && _image.FindFunction(def.Sym!) is { } callee && Inlinable(callee)) continue;
                var at = b.Insts.IndexOf(def);
                if (at < 0 || ReadAfter(b, at, p)) continue;
                var others = false;
                for (var j = 0; j < args.Count; j++) others |= j != k && args[j] == p;
                if (!others && done.Add(v)) _map[v.Index] = _map[p.Index];
            }
        }
    }

    private static int UsesIn(Block b, ValueId v)
    {
        var n = 0;
        foreach (var i in b.Insts)
        {
            foreach (var a in i.Args) n += a == v ? 1 : 0;
            foreach (var t in i.Targets)
                foreach (var a in t.Args) n += a == v ? 1 : 0;
        }
        return n;
    }

    /// <summary>Whether an instruction emitted after the one at <paramref name="at"/> of the block reads <paramref name="p"/>.</summary>
    private bool ReadAfter(Block b, int at, ValueId p)
    {
        for (var j = at + 1; j < b.Insts.Count - 1; j++)
            if (!_absorbed.Contains(b.Insts[j]) && Reads(b.Insts[j]).Contains(p)) return true;
        return false;
    }
}
