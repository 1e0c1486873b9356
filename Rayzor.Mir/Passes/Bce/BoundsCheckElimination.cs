using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes.Bce;

/// Bounds-check elimination in counted loops (`bce`): `a[i]` in a loop `while (i < a.length)` (or
/// `for (i in s...n)` with `n = a.length`, or `for (i in s...64)` where a's length is known to be
/// at least 64: LengthFact) becomes `agetu`/`asetu`, which test neither null nor the bounds, when
/// - the loop's test `i < alen a` ends its header, `i` a header parameter, and the access is in the
///   loop under the test's true side (CountedLoop);
/// - `i >= 0`: every value entering the header from outside is non-negative (a constant >= 0, a
///   length, or another proven index, maybe plus 1 inside its own loop's range) and every value
///   coming around is `i` or `i + 1` computed under the test (`i < n <= 2^31-1`: no overflow);
/// - no array's length changes between the length read and the access: the code there (the loop
///   and the blocks from the read to the loop) calls nothing but allocation (`new`, `alloc`,
///   `closure`) and runtime functions that never see an array (ArrayFree), and its `aset`s are accesses this pass proves in range too (a store inside the
///   length never grows an array; by induction over the run, none of them is the first to leave
///   the range). Anything else (a call, push/pop, a throw) keeps the checks of that loop.
/// The array is not null where its length was read (alen tests it). Runs of Bytes reads at
/// constant distances get one range test instead of one each (ByteRuns).
public sealed class BoundsCheckElimination : FunctionPass
{
    public override string Name => "bce";

    public override bool Run(MirFunction f, MirModule module) => CountedLoops(f) | ByteRuns.Run(f);

    private static bool CountedLoops(MirFunction f)
    {
        if (!f.Blocks.Any(b => b.Insts.Any(i => i.Op is Opcode.AGet or Opcode.ASet or Opcode.VSet))) return false;
        var cfg = new DomTree(f);
        var defs = new Instruction?[f.Values.Count];
        var defBlock = new int[f.Values.Count];
        foreach (var b in f.Blocks)
            foreach (var i in b.Insts)
                if (!i.Result.IsNone) (defs[i.Result.Index], defBlock[i.Result.Index]) = (i, b.Id.Index);
        var facts = LengthFact.Find(f, cfg, defs);
        var loops = new List<CountedLoop>();
        foreach (var b in f.Blocks)
            if (cfg.IsReachable(b.Id.Index))
                loops.AddRange(CountedLoop.Find(f, cfg, defs, defBlock, b, facts).Where(l => l.Accesses.Count > 0));
        var proven = ProveNonNegative(f, cfg, defs, defBlock, loops);
        // the greatest set of loops whose regions only store where a kept loop proves the store in range
        var kept = loops.Where(l => proven.Contains(l.Index)).ToList();
        while (true)
        {
            var safe = new HashSet<Instruction>(kept.SelectMany(l => l.Accesses).Select(a => a.Inst), ReferenceEqualityComparer.Instance);
            var before = kept.Count;
            kept.RemoveAll(l => l.Region(f).Any(i => ChangesLength(i, safe)));
            if (kept.Count == before) break;
        }
        foreach (var l in kept)
            foreach (var (b, i) in l.Accesses)
                b.Insts[b.Insts.IndexOf(i)] = FunctionEdit.WithOp(i, i.Op == Opcode.AGet ? Opcode.AGetU : Opcode.ASetU);
        // an allocation's length is read where the proof starts (the verifier wants a dominating alen); later positions first
        foreach (var l in kept.Where(l => l.Insert != null).DistinctBy(l => l.Insert).OrderByDescending(l => l.InsertAt))
            f.Blocks[l.InsertBlock].Insts.Insert(l.InsertAt, l.Insert!);
        return kept.Count > 0;
    }

    /// Whether an instruction may change the length of an array (or run code that may).
    private static bool ChangesLength(Instruction i, HashSet<Instruction> safeStores) =>
        (i.Op.Info().Effects & Effects.Calls) != 0 && i.Op is not (Opcode.New or Opcode.Alloc or Opcode.Closure)
        && !(i.Op == Opcode.ASet && safeStores.Contains(i)) && !(i.Op == Opcode.CallNative && ArrayFree.Contains(i.Sym!));

    /// Runtime functions that take no array and run no Haxe code (docs/abi.md): string building,
    /// boxing, printing. Any other call may reach an array.
    private static readonly HashSet<string> ArrayFree =
    [
        "rz_string_concat", "rz_string_from_int", "rz_string_from_float", "rz_string_from_bool", "rz_string_equals", "rz_string_compare",
        "rz_box_int", "rz_box_float", "rz_box_bool", "rz_unbox_int", "rz_unbox_float", "rz_unbox_bool", "rz_print", "rz_println",
    ];

    /// The loop indices proven never negative: the least fixed point (an index is proven once all
    /// that enters it is, so two loops cannot prove each other out of nothing).
    private static HashSet<ValueId> ProveNonNegative(MirFunction f, DomTree cfg, Instruction?[] defs, int[] defBlock, List<CountedLoop> loops)
    {
        var proven = new HashSet<ValueId>();
        var byIndex = loops.GroupBy(l => l.Index).ToDictionary(g => g.Key, g => g.First());
        bool UnderTest(ValueId v, CountedLoop l) => l.Body.Contains(defBlock[v.Index]) && cfg.Dominates(l.InRange, defBlock[v.Index]);
        // `i + 1` where `i < n` holds: at most n, so no overflow
        bool Successor(ValueId v, Func<ValueId, CountedLoop?> of)
        {
            if (defs[v.Index] is not { Op: Opcode.IAdd, Args: [var x, var y] }) return false;
            if (IsConst(defs, x, 0, 1)) (x, y) = (y, x);
            return IsConst(defs, y, 0, 1) && of(x) is { } l && UnderTest(v, l);
        }
        bool NonNegative(ValueId v) =>
            proven.Contains(v) || IsConst(defs, v, 0, int.MaxValue) || defs[v.Index]?.Op is Opcode.ALen or Opcode.SLen
            || Successor(v, x => proven.Contains(x) ? byIndex[x] : null);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var l in loops)
            {
                if (proven.Contains(l.Index)) continue;
                var ok = true;
                foreach (var p in cfg.Preds[l.Header].Distinct())
                {
                    if (!cfg.IsReachable(p)) continue;
                    foreach (var call in f.Blocks[p].Terminator!.Targets)
                    {
                        if (call.Block.Index != l.Header) continue;
                        var v = call.Args[l.ParamIndex];
                        ok &= l.Body.Contains(p)
                            ? v == l.Index || Successor(v, x => x == l.Index ? l : null)
                            : NonNegative(v);
                    }
                }
                if (ok && proven.Add(l.Index)) changed = true;
            }
        }
        return proven;
    }

    private static bool IsConst(Instruction?[] defs, ValueId v, long min, long max) =>
        defs[v.Index] is { Op: Opcode.IConst } c && c.Type == MirType.I32 && c.Imm >= min && c.Imm <= max;
}
