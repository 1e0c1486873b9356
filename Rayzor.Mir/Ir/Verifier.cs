namespace Rayzor.Mir.Ir;

/// Checks the invariants every pass must keep: one terminator per block at its end, jumps that
/// pass one value per parameter with matching types, operands defined in a dominating position.
public static class Verifier
{
    public static List<string> Verify(MirModule m)
    {
        var errors = new List<string>();
        foreach (var f in m.Functions) errors.AddRange(Verify(f, m));
        return errors;
    }

    public static List<string> Verify(MirFunction f, MirModule? m = null)
    {
        var errs = new List<string>();
        void Err(Block b, string msg) => errs.Add($"{f.Name} {b.Id}: {msg}");
        if (f.Blocks.Count == 0) { errs.Add($"{f.Name}: no blocks"); return errs; }
        if (f.Entry.Params.Count != f.ParamTypes.Count) Err(f.Entry, "entry parameters do not match the signature");
        var dom = Dominators.Compute(f);
        Dictionary<ValueId, List<(int Block, int Index)>>? lengthReads = null;
        Dictionary<string, MirClass>? classes = null;
        var defPos = new Dictionary<int, (int Block, int Index)>();
        foreach (var b in f.Blocks)
        {
            foreach (var p in b.Params) defPos[p.Index] = (b.Id.Index, -1);
            for (var i = 0; i < b.Insts.Count; i++)
                if (!b.Insts[i].Result.IsNone) defPos[b.Insts[i].Result.Index] = (b.Id.Index, i);
        }
        foreach (var b in f.Blocks)
        {
            if (b.Terminator == null) { Err(b, "does not end in a terminator"); continue; }
            for (var i = 0; i < b.Insts.Count; i++)
            {
                var inst = b.Insts[i];
                var info = inst.Op.Info();
                if (inst.IsTerminator && i != b.Insts.Count - 1) Err(b, $"terminator {info.Name} in the middle of the block");
                if (info.Arity >= 0 && inst.Args.Count != info.Arity) Err(b, $"{info.Name} takes {info.Arity} operands, has {inst.Args.Count}");
                foreach (var a in inst.Args.Concat(inst.Targets.SelectMany(t => t.Args)))
                {
                    if (!defPos.TryGetValue(a.Index, out var d)) { Err(b, $"{info.Name} uses undefined {a}"); continue; }
                    if (!dom.IsReachable(b.Id.Index)) continue;
                    var ok = d.Block == b.Id.Index ? d.Index < i : dom.Dominates(d.Block, b.Id.Index);
                    if (!ok) Err(b, $"{info.Name} uses {a} where its definition does not dominate");
                }
                foreach (var t in inst.Targets)
                {
                    if (t.Block.Index >= f.Blocks.Count) { Err(b, $"jump to missing {t.Block}"); continue; }
                    var target = f[t.Block];
                    if (target.Params.Count != t.Args.Count) { Err(b, $"jump to {t.Block} passes {t.Args.Count} values for {target.Params.Count} parameters"); continue; }
                    for (var k = 0; k < t.Args.Count; k++)
                        if (f.TypeOf(t.Args[k]) != f.TypeOf(target.Params[k])) Err(b, $"jump to {t.Block} passes {f.TypeOf(t.Args[k]).Name()} for {f.TypeOf(target.Params[k]).Name()}");
                }
                if (inst.Op == Opcode.Ret)
                {
                    var expect = f.ReturnType == MirType.Void ? 0 : 1;
                    if (inst.Args.Count != expect) Err(b, "ret does not match the return type");
                    else if (expect == 1 && f.TypeOf(inst.Args[0]) != f.ReturnType) Err(b, $"ret of {f.TypeOf(inst.Args[0]).Name()} from a function returning {f.ReturnType.Name()}");
                }
                if (inst.Op == Opcode.Call && m != null)
                {
                    var callee = m.Find(inst.Sym!);
                    if (callee == null) Err(b, $"call of unknown function @{inst.Sym}");
                    else if (callee.ParamTypes.Count != inst.Args.Count) Err(b, $"call of @{inst.Sym} with {inst.Args.Count} arguments for {callee.ParamTypes.Count}");
                    else if (CallTypeError(f, inst, callee) is { } e) Err(b, e);
                }
                if (inst.Op is Opcode.VCall or Opcode.ICall && m != null && DispatchError(inst, m, classes ??= ClassesByName(m)) is { } de) Err(b, de);
                if (inst.Op is Opcode.AGetU or Opcode.ASetU && inst.Args.Count >= 2)
                {
                    if (f.TypeOf(inst.Args[0]) != MirType.Ptr || f.TypeOf(inst.Args[1]) != MirType.I32) Err(b, $"{info.Name} takes an Array (ptr) and an i32 index");
                    // bce's proof compares the index with a length read of the same array; without one the access is unproven
                    else if (dom.IsReachable(b.Id.Index) && !LengthReadDominates(lengthReads ??= LengthReads(f), dom, inst.Args[0], b.Id.Index, i))
                        Err(b, $"{info.Name} on {inst.Args[0]} without a dominating alen of it");
                }
                if (inst.Op == Opcode.BGetU && inst.Args.Count == 2 && (f.TypeOf(inst.Args[0]) != MirType.Ptr || f.TypeOf(inst.Args[1]) != MirType.I32))
                    Err(b, "bgetu takes a Bytes (ptr) and an i32 index");
                if (inst.Op == Opcode.CallNative && m != null && !m.Natives.ContainsKey(inst.Sym!)) Err(b, $"call of undeclared native @{inst.Sym}");
            }
        }
        var stack = f.Blocks.SelectMany(b => b.Insts).Where(i => i.Op == Opcode.SAlloc).ToList();
        foreach (var s in stack)
            // (an enum instance is laid out like a class instance: `new` makes both)
            if (m != null && m.Classes.FirstOrDefault(c => c.Name == s.Sym) is not { IsInterface: false })
                errs.Add($"{f.Name}: salloc of @{s.Sym}, which is not a class");
        if (stack.Count > 0 && StackObjects.Escape(f, StackObjects.Web(f, stack.Select(s => s.Result))) is { } leak)
            errs.Add($"{f.Name}: {leak.Op.Info().Name} lets a stack object (salloc) out of its frame");
        return errs;
    }

    /// A direct call's operand or result types against its callee's signature (devirtualized calls
    /// name the function of a dispatch table entry, whose signature is the slot's).
    private static string? CallTypeError(MirFunction f, Instruction call, MirFunction callee)
    {
        for (var k = 0; k < call.Args.Count; k++)
            if (f.TypeOf(call.Args[k]) != callee.ParamTypes[k])
                return $"call of @{callee.Name} passes {f.TypeOf(call.Args[k]).Name()} for parameter {k} of type {callee.ParamTypes[k].Name()}";
        return call.Type != MirType.Void && call.Type != callee.ReturnType ? $"call.{call.Type.Name()} of @{callee.Name} returning {callee.ReturnType.Name()}" : null;
    }

    /// A `vcall` names a class with that vtable slot, an `icall` an interface (selectors are program-wide).
    private static string? DispatchError(Instruction i, MirModule m, Dictionary<string, MirClass> classes)
    {
        var name = i.Op.Info().Name;
        if (i.Args.Count == 0) return $"{name} without a receiver";
        if (i.Sym == null || !classes.TryGetValue(i.Sym, out var cls)) return $"{name} on unknown class @{i.Sym}";
        if (i.Op == Opcode.VCall) return cls.IsInterface || i.Imm < 0 || i.Imm >= cls.VTable.Count ? $"vcall of slot {i.Imm} of @{i.Sym}, which has {cls.VTable.Count}" : null;
        return !cls.IsInterface || i.Imm < 0 || i.Imm >= m.SelectorCount ? $"icall of selector {i.Imm} on @{i.Sym} (an interface? {m.SelectorCount} selectors)" : null;
    }

    private static Dictionary<string, MirClass> ClassesByName(MirModule m)
    {
        var d = new Dictionary<string, MirClass>();
        foreach (var c in m.Classes) d.TryAdd(c.Name, c);
        return d;
    }

    /// Whether an `alen` of <paramref name="array"/> comes before instruction <paramref name="index"/> of block <paramref name="block"/> on every path.
    private static bool LengthReadDominates(Dictionary<ValueId, List<(int Block, int Index)>> reads, Dominators dom, ValueId array, int block, int index) =>
        reads.TryGetValue(array, out var at) && at.Any(r => r.Block == block ? r.Index < index : dom.Dominates(r.Block, block));

    /// Where each array's length is read (`alen`), by array.
    private static Dictionary<ValueId, List<(int Block, int Index)>> LengthReads(MirFunction f)
    {
        var reads = new Dictionary<ValueId, List<(int, int)>>();
        foreach (var b in f.Blocks)
            for (var k = 0; k < b.Insts.Count; k++)
                if (b.Insts[k] is { Op: Opcode.ALen, Args: [var a] })
                {
                    if (!reads.TryGetValue(a, out var l)) reads[a] = l = [];
                    l.Add((b.Id.Index, k));
                }
        return reads;
    }
}

/// Dominator sets by the iterative algorithm of Cooper, Harvey and Kennedy.
public sealed class Dominators
{
    private readonly int[] _idom;

    private Dominators(int[] idom) => _idom = idom;

    public bool IsReachable(int b) => _idom[b] >= 0;

    /// The immediate dominator of a reachable block (the entry's is itself), -1 for an unreachable one.
    public int Idom(int b) => _idom[b];

    public bool Dominates(int a, int b)
    {
        if (!IsReachable(b)) return true;
        while (true)
        {
            if (a == b) return true;
            var up = _idom[b];
            if (up == b) return false;
            b = up;
        }
    }

    public static Dominators Compute(MirFunction f)
    {
        var n = f.Blocks.Count;
        var preds = new List<int>[n];
        for (var i = 0; i < n; i++) preds[i] = [];
        foreach (var b in f.Blocks)
            if (b.Terminator is { } t)
                foreach (var s in t.Targets) preds[s.Block.Index].Add(b.Id.Index);
        // reverse post-order from the entry
        var order = new List<int>();
        var seen = new bool[n];
        var stack = new Stack<(int, int)>();
        stack.Push((0, 0));
        seen[0] = true;
        while (stack.Count > 0)
        {
            var (b, k) = stack.Pop();
            var succ = f.Blocks[b].Terminator?.Targets ?? [];
            if (k < succ.Count)
            {
                stack.Push((b, k + 1));
                var s = succ[k].Block.Index;
                if (!seen[s]) { seen[s] = true; stack.Push((s, 0)); }
            }
            else order.Add(b);
        }
        order.Reverse();
        var rpo = new int[n];
        for (var i = 0; i < order.Count; i++) rpo[order[i]] = i;
        var idom = Enumerable.Repeat(-1, n).ToArray();
        idom[0] = 0;
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in order.Skip(1))
            {
                var newIdom = -1;
                foreach (var p in preds[b])
                {
                    if (idom[p] < 0) continue;
                    newIdom = newIdom < 0 ? p : Intersect(p, newIdom);
                }
                if (newIdom != idom[b]) { idom[b] = newIdom; changed = true; }
            }
        }
        return new Dominators(idom);

        int Intersect(int a, int b)
        {
            while (a != b)
            {
                while (rpo[a] > rpo[b]) a = idom[a];
                while (rpo[b] > rpo[a]) b = idom[b];
            }
            return a;
        }
    }
}
