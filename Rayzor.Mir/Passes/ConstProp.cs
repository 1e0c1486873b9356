using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Sparse conditional constant propagation (Wegman and Zadeck), with folding (Fold): values are
/// unknown-yet, one constant, or varying; blocks and edges are executable once a reachable branch
/// can take them, so a constant branch in a loop keeps the other side from spoiling the values
/// that meet in the loop header. Then every pure instruction and block parameter found constant
/// becomes a constant instruction, and a `brif` on a constant becomes a `br` (the blocks it no
/// longer reaches are for simplifycfg).
public sealed class ConstProp : FunctionPass
{
    public override string Name => "constprop";

    private enum Kind : byte { Unknown, Const, Varying }

    private readonly record struct Lat(Kind Kind, long Bits)
    {
        public static readonly Lat Unknown = new(Kind.Unknown, 0);
        public static readonly Lat Varying = new(Kind.Varying, 0);

        public Lat Meet(Lat o) =>
            Kind == Kind.Unknown ? o : o.Kind == Kind.Unknown ? this
            : Kind == Kind.Const && o.Kind == Kind.Const && Bits == o.Bits ? this : Varying;
    }

    public override bool Run(MirFunction f, MirModule module)
    {
        var lat = new Lat[f.Values.Count];
        var exec = new bool[f.Blocks.Count];
        var edges = new HashSet<(int From, int K)>();
        var incoming = new List<(int From, int K)>[f.Blocks.Count];
        for (var i = 0; i < incoming.Length; i++) incoming[i] = [];
        foreach (var b in f.Blocks)
            if (b.Terminator is { } t)
                for (var k = 0; k < t.Targets.Count; k++) incoming[t.Targets[k].Block.Index].Add((b.Id.Index, k));
        foreach (var p in f.Entry.Params) lat[p.Index] = Lat.Varying;
        exec[0] = true;
        var order = Cfg.ReversePostOrder(f);
        // every lattice value only moves down (unknown, constant, varying) and every edge is marked
        // at most once, so this settles after a few sweeps
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var b in order)
            {
                if (!exec[b.Id.Index]) continue;
                void Set(ValueId v, Lat l)
                {
                    var m = lat[v.Index].Meet(l);
                    if (m == lat[v.Index]) return;
                    lat[v.Index] = m;
                    changed = true;
                }
                if (b.Id.Index != 0)
                    for (var k = 0; k < b.Params.Count; k++)
                        foreach (var (from, e) in incoming[b.Id.Index])
                            if (edges.Contains((from, e))) Set(b.Params[k], lat[f.Blocks[from].Insts[^1].Targets[e].Args[k].Index]);
                foreach (var i in b.Insts)
                {
                    if (!i.Result.IsNone) Set(i.Result, Eval(f, i, lat));
                    if (!i.IsTerminator) continue;
                    for (var k = 0; k < i.Targets.Count; k++)
                    {
                        if (i.Op == Opcode.BrIf)
                        {
                            var c = lat[i.Args[0].Index];
                            if (c.Kind == Kind.Unknown || c.Kind == Kind.Const && (c.Bits != 0) != (k == 0)) continue;
                        }
                        if (!edges.Add((b.Id.Index, k))) continue;
                        exec[i.Targets[k].Block.Index] = true;
                        changed = true;
                    }
                }
            }
        }
        return Rewrite(f, lat, exec);
    }

    private static Lat Eval(MirFunction f, Instruction i, Lat[] lat)
    {
        var type = i.Type;
        if (type is not (MirType.I32 or MirType.F64 or MirType.Bool or MirType.Ptr)) return Lat.Varying;
        switch (i.Op)
        {
            case Opcode.IConst: return new Lat(Kind.Const, (int)i.Imm);
            case Opcode.FConst: return new Lat(Kind.Const, Fold.F(i.FImm));
            case Opcode.BConst: return new Lat(Kind.Const, i.Imm != 0 ? 1 : 0);
            case Opcode.Null: return new Lat(Kind.Const, 0);
        }
        if (i.Op.Info().Effects != Effects.None || i.Op is Opcode.Str or Opcode.TypeDesc) return Lat.Varying;
        if (i.Args.Count == 2 && i.Args[0] == i.Args[1] && i.Op is Opcode.ICmp or Opcode.PCmp)
        {
            // x compared with itself (not for Floats: NaN)
            var cond = (Cond)i.Imm;
            return new Lat(Kind.Const, cond is Cond.Eq or Cond.Le or Cond.Ge ? 1 : 0);
        }
        if (i.Args.Count is not (1 or 2)) return Lat.Varying;
        var x = lat[i.Args[0].Index];
        var y = i.Args.Count == 2 ? lat[i.Args[1].Index] : new Lat(Kind.Const, 0);
        if (x.Kind == Kind.Varying || y.Kind == Kind.Varying)
        {
            // x * 0 and x & 0 are 0 whatever x is
            if (i.Op is Opcode.IMul or Opcode.IAnd && (x is { Kind: Kind.Const, Bits: 0 } || y is { Kind: Kind.Const, Bits: 0 })) return new Lat(Kind.Const, 0);
            return Lat.Varying;
        }
        if (x.Kind == Kind.Unknown || y.Kind == Kind.Unknown) return Lat.Unknown;
        var r = i.Args.Count == 1 ? Fold.Unary(i.Op, x.Bits) : Fold.Binary(i.Op, x.Bits, y.Bits, (Cond)i.Imm);
        return r is { } bits ? new Lat(Kind.Const, bits) : Lat.Varying;
    }

    private static bool Rewrite(MirFunction f, Lat[] lat, bool[] exec)
    {
        var changed = false;
        foreach (var b in f.Blocks)
        {
            if (!exec[b.Id.Index]) continue;
            var consts = new List<Instruction>();
            for (var k = b.Params.Count - 1; k >= 0 && b.Id.Index != 0; k--)
            {
                var p = b.Params[k];
                if (lat[p.Index].Kind != Kind.Const) continue;
                FunctionEdit.RemoveParam(f, b, k);
                f.Values[p.Index] = f.Values[p.Index] with { IsParam = false };
                var line = b.Insts.Count > 0 ? b.Insts[0].Line : 0;
                consts.Add(Materialize(new Instruction { Op = Opcode.IConst, Type = f.TypeOf(p), Result = p, Line = line }, lat[p.Index].Bits));
            }
            for (var j = 0; j < b.Insts.Count; j++)
            {
                var i = b.Insts[j];
                if (i.Op is Opcode.BrIf && lat[i.Args[0].Index] is { Kind: Kind.Const } c)
                {
                    b.Insts[j] = new Instruction { Op = Opcode.Br, Targets = [i.Targets[c.Bits != 0 ? 0 : 1]], Line = i.Line };
                    changed = true;
                    continue;
                }
                if (i.Result.IsNone || lat[i.Result.Index].Kind != Kind.Const || i.Op.Info().Effects != Effects.None) continue;
                if (i.Op is Opcode.IConst or Opcode.FConst or Opcode.BConst or Opcode.Null) continue;
                b.Insts[j] = Materialize(i, lat[i.Result.Index].Bits);
                changed = true;
            }
            if (consts.Count == 0) continue;
            consts.Reverse();
            b.Insts.InsertRange(0, consts);
            changed = true;
        }
        return changed;
    }

    /// The constant instruction of <paramref name="i"/>'s type defining its value.
    private static Instruction Materialize(Instruction i, long bits) => i.Type switch
    {
        MirType.I32 => FunctionEdit.Constant(i, Opcode.IConst, imm: (int)bits),
        MirType.F64 => FunctionEdit.Constant(i, Opcode.FConst, fimm: Fold.D(bits)),
        MirType.Bool => FunctionEdit.Constant(i, Opcode.BConst, imm: bits),
        _ => FunctionEdit.Constant(i, Opcode.Null),
    };
}
