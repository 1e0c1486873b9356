using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Devirt;

/// Class-hierarchy devirtualization (`devirt`, at `vcall`) and inline caches at interface calls
/// (`icall-ic`, at `icall`), filled statically: the program is closed, so the classes an object of
/// the call's static type can be are known (ClassHierarchy), and with them the functions their
/// dispatch tables name. A call on a new object of the function calls its class's function. A
/// `vcall` whose classes all share one function becomes a direct call after a null test of the
/// receiver (a descriptor load nothing uses; none for `this` of a method). A call whose classes share 1 to <see cref="MaxTargets"/> functions (at
/// most <see cref="MaxClasses"/> classes) compares the receiver's descriptor with each class's and
/// calls its function directly, classes with one function sharing the arm; anything else takes the
/// generic call. The direct calls name the table's entry itself, whose signature is the slot's or
/// selector's (an implementation with other representations is there as its bridge), so they
/// take the call's operands as they are; the inliner then sees them.
public sealed class DispatchCache(string name, Opcode op) : IPass
{
    /// At most this many distinct functions are called directly at one site.
    public const int MaxTargets = 4;

    /// At most this many classes are tested at one site.
    public const int MaxClasses = 2 * MaxTargets;

    public string Name => name;

    public bool Run(MirModule module)
    {
        var hierarchy = new ClassHierarchy(module);
        var functions = new Dictionary<string, MirFunction>();
        foreach (var f in module.Functions) functions.TryAdd(f.Name, f);
        var changed = false;
        foreach (var f in module.Functions) changed |= Run(f, hierarchy, functions);
        return changed;
    }

    private bool Run(MirFunction f, ClassHierarchy hierarchy, Dictionary<string, MirFunction> functions)
    {
        var changed = false;
        var created = new Dictionary<ValueId, string>();
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (i.Op == Opcode.New) created[i.Result] = i.Sym!;
        var thisKnown = f.Entry.Params.Count > 0 && hierarchy.ReceivesThis(f);
        var fallbacks = new HashSet<Instruction>(ReferenceEqualityComparer.Instance);
        // blocks appended while rewriting are scanned too (the rest of a split block), not the
        // generic calls the guards fall back to
        for (var bi = 0; bi < f.Blocks.Count; bi++)
        {
            var b = f.Blocks[bi];
            for (var k = 0; k < b.Insts.Count; k++)
            {
                var i = b.Insts[k];
                if (i.Op != op || fallbacks.Contains(i)) continue;
                if (created.TryGetValue(i.Args[0], out var cls))
                {
                    // a new object: its class is known, and it is not null
                    if (hierarchy.EntryOf(cls, i) is { } exact && Fits(f, i, functions.GetValueOrDefault(exact)))
                    {
                        Direct(f, b, k, exact, true);
                        changed = true;
                    }
                    continue;
                }
                var targets = hierarchy.Targets(i);
                if (targets is not { Count: > 0 and <= MaxTargets } || !targets.All(t => Fits(f, i, functions.GetValueOrDefault(t.Function)))) continue;
                var direct = op == Opcode.VCall && targets.Count == 1;
                if (!direct && targets.Sum(t => t.Classes.Count) > MaxClasses) continue;
                changed = true;
                if (direct)
                {
                    k += Direct(f, b, k, targets[0].Function, thisKnown && i.Args[0] == f.Entry.Params[0]);
                    continue;
                }
                fallbacks.Add(Guard(f, b, k, targets));
                break; // the rest of b moved to a new block, visited later
            }
        }
        return changed;
    }

    /// Whether a direct call of <paramref name="callee"/> with the operands and result type of
    /// <paramref name="call"/> verifies.
    private static bool Fits(MirFunction f, Instruction call, MirFunction? callee) =>
        callee != null && callee.ReturnType == call.Type && callee.ParamTypes.Count == call.Args.Count
        && call.Args.Select(f.TypeOf).SequenceEqual(callee.ParamTypes);

    /// Replaces the dispatch at <paramref name="index"/> of <paramref name="b"/> by a direct call of
    /// <paramref name="fn"/>, after a null test unless the receiver is known; returns how many
    /// instructions it inserted.
    private static int Direct(MirFunction f, Block b, int index, string fn, bool receiverKnown)
    {
        var d = b.Insts[index];
        b.Insts[index] = new Instruction { Op = Opcode.Call, Result = d.Result, Type = d.Type, Args = d.Args, Sym = fn, Line = d.Line, Inlined = d.Inlined };
        if (receiverKnown) return 0;
        var td = f.NewValue(MirType.Ptr, b.Id, false);
        b.Insts.Insert(index, new Instruction { Op = Opcode.GetField, Result = td, Type = MirType.Ptr, Args = [d.Args[0]], Line = d.Line, Inlined = d.Inlined });
        return 1;
    }

    /// Replaces the dispatch at <paramref name="index"/> of <paramref name="b"/> by descriptor tests
    /// and direct calls, the dispatch itself the fallback; returns the fallback.
    private static Instruction Guard(MirFunction f, Block b, int index, List<(string Function, List<string> Classes)> targets)
    {
        var d = b.Insts[index];
        var rest = BlockSplit.SplitAround(f, b, index);
        var bld = new MirBuilder(f) { Current = b, Line = d.Line };
        var td = bld.GetField(d.Args[0], 0, MirType.Ptr);
        foreach (var (fn, classes) in targets)
        {
            var arm = f.NewBlock();
            foreach (var cls in classes)
            {
                var next = f.NewBlock();
                bld.BrIf(bld.Cmp(Opcode.PCmp, Cond.Eq, td, bld.TypeDesc(cls)), arm, next);
                bld.Current = next;
            }
            var miss = bld.Current;
            bld.Current = arm;
            Join(bld, rest, bld.Call(fn, d.Type, [.. d.Args]));
            bld.Current = miss;
        }
        var generic = d.Op == Opcode.VCall ? bld.VCall(d.Sym!, (int)d.Imm, d.Type, [.. d.Args]) : bld.ICall(d.Sym!, (int)d.Imm, d.Type, [.. d.Args]);
        var fallback = bld.Current.Insts[^1];
        Join(bld, rest, generic);
        // the new instructions keep the dispatch's inline site (b's older ones keep theirs)
        foreach (var inst in b.Insts.Skip(index).Concat(f.Blocks.Skip(rest.Id.Index + 1).SelectMany(blk => blk.Insts)))
            inst.Inlined = d.Inlined;
        return fallback;
    }

    private static void Join(MirBuilder bld, Block rest, ValueId result) => bld.Br(rest, rest.Params.Count > 0 ? [result] : null);
}
