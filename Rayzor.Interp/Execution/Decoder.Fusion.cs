using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Superinstructions: an instruction whose only use is a later instruction of its block is computed
/// by that instruction instead (one dispatch and one slot round trip fewer). The absorbed
/// instruction's operands are then read where its consumer is, which is safe because a slot is
/// written once per pass through a block — except where <see cref="Coalesce"/> lets a value share
/// its block parameter's slot, which therefore checks the consumers' reads too.
/// </summary>
internal sealed unsafe partial class Decoder
{
    /// <summary>How a consumer computes the instructions it absorbed.</summary>
    private enum Fused { Rotr, MulAdd, MulSub, SubMul, Chain, FieldUpdate }

    // consumer -> (kind, the absorbed instructions) and the absorbed instructions, of the decoded function only
    private readonly Dictionary<Instruction, (Fused Kind, Instruction A, Instruction? B)> _fusions = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Instruction> _absorbed = new(ReferenceEqualityComparer.Instance);

    /// <summary>Finds the superinstructions of every block of the decoded function.</summary>
    private void PlanFusions()
    {
        foreach (var b in _f.Blocks)
        {
            var local = new Dictionary<ValueId, Instruction>();
            for (var k = 0; k < b.Insts.Count; k++)
            {
                var i = b.Insts[k];
                Plan(i, local, b, k);
                if (!i.Result.IsNone) local[i.Result] = i;
            }
        }
    }

    private void Plan(Instruction i, Dictionary<ValueId, Instruction> local, Block block, int at)
    {
        // an operand computed earlier in this block, used only here, neither absorbed already nor
        // absorbing others itself (its fused form would be lost)
        Instruction? Only(ValueId v, Opcode op) =>
            local.TryGetValue(v, out var d) && d.Op == op && _rawUses[v.Index] == 1 && !_absorbed.Contains(d) && !_fusions.ContainsKey(d) ? d : null;

        switch (i.Op)
        {
            case Opcode.IOr when i.Type == MirType.I32:
            {
                // (x >>> n) | (x << (32 - n)): a rotation right by n
                var (r, l) = (Only(i.Args[0], Opcode.IUShr), Only(i.Args[1], Opcode.IShl));
                if (r == null || l == null) (r, l) = (Only(i.Args[1], Opcode.IUShr), Only(i.Args[0], Opcode.IShl));
                if (r == null || l == null || r.Type != MirType.I32 || l.Type != MirType.I32 || r.Args[0] != l.Args[0]) return;
                if (IntConstant(r.Args[1], local) is not { } n || IntConstant(l.Args[1], local) is not { } m) return;
                if ((n & 31) == 0 || (n & 31) + (m & 31) != 32) return;
                Absorb(i, Fused.Rotr, r, l);
                return;
            }
            case Opcode.IAdd or Opcode.IXor when i.Type == MirType.I32:
                Chain(i, Only(i.Args[0], i.Op) ?? Only(i.Args[1], i.Op));
                return;
            case Opcode.FMul:
                Chain(i, Only(i.Args[0], i.Op) ?? Only(i.Args[1], i.Op));
                return;
            case Opcode.SetField when _f.TypeOf(i.Args[1]) == MirType.F64:
                PlanFieldUpdate(i, local, block, at);
                return;
            case Opcode.FAdd:
            {
                if (Only(i.Args[0], Opcode.FMul) is { } m0) Absorb(i, Fused.MulAdd, m0, null);
                else if (Only(i.Args[1], Opcode.FMul) is { } m1) Absorb(i, Fused.MulAdd, m1, null);
                return;
            }
            case Opcode.FSub:
            {
                if (Only(i.Args[0], Opcode.FMul) is { } m0) Absorb(i, Fused.MulSub, m0, null);
                else if (Only(i.Args[1], Opcode.FMul) is { } m1) Absorb(i, Fused.SubMul, m1, null);
                return;
            }
        }
    }

    /// <summary>
    /// `o.f = o.f + y` / `o.f = o.f - y` (y possibly a product): the read of the field, the operation
    /// and the write as one instruction, when nothing between the read and the write can change a
    /// field at that offset or do anything visible (so reading the field later gives the same value).
    /// </summary>
    private void PlanFieldUpdate(Instruction set, Dictionary<ValueId, Instruction> local, Block block, int at)
    {
        var v = set.Args[1];
        if (!local.TryGetValue(v, out var x) || x.Op is not (Opcode.FAdd or Opcode.FSub) || _rawUses[v.Index] != 1 || _absorbed.Contains(x)) return;
        Instruction? Read(ValueId g) =>
            local.TryGetValue(g, out var d) && d is { Op: Opcode.GetField, Type: MirType.F64 } && d.Imm == set.Imm && d.Args[0] == set.Args[0]
            && _rawUses[g.Index] == 1 && !_absorbed.Contains(d) ? d : null;
        var read = Read(x.Args[0]) ?? (x.Op == Opcode.FAdd ? Read(x.Args[1]) : null);
        if (read == null) return;
        // a product fused into the operation must be the other operand, not the field
        if (_fusions.TryGetValue(x, out var xf) && (xf.Kind is not (Fused.MulAdd or Fused.SubMul) || xf.A.Result == read.Result)) return;
        for (var k = block.Insts.IndexOf(read) + 1; k < at; k++)
            if (!Harmless(block.Insts[k], set.Imm)) return;
        Absorb(set, Fused.FieldUpdate, x, read);
    }

    /// <summary>Whether an instruction neither writes a field at <paramref name="offset"/> nor calls anything nor shows anything.</summary>
    private static bool Harmless(Instruction i, long offset) => i.Op == Opcode.SetField ? i.Imm != offset : ReadsAtMost(i);

    /// <summary>An instruction that at most reads memory (by the opcode table's effects): it may be repeated or read later.</summary>
    private static bool ReadsAtMost(Instruction i) => (i.Op.Info().Effects & ~Effects.ReadsMemory) == Effects.None;

    /// <summary>`(a op b) op c` as one instruction, for an operation that commutes exactly (wrapping Int addition and xor, Float multiplication).</summary>
    private void Chain(Instruction i, Instruction? inner)
    {
        if (inner != null && inner.Type == i.Type) Absorb(i, Fused.Chain, inner, null);
    }

    private void Absorb(Instruction consumer, Fused kind, Instruction a, Instruction? b)
    {
        _fusions[consumer] = (kind, a, b);
        _absorbed.Add(a);
        if (b != null) _absorbed.Add(b);
    }

    /// <summary>The value of an Int constant defined in this block or anywhere in the function.</summary>
    private int? IntConstant(ValueId v, Dictionary<ValueId, Instruction> local)
    {
        var d = local.TryGetValue(v, out var l) ? l : _defs[v.Index];
        return d is { Op: Opcode.IConst } ? (int)d.Imm : null;
    }

    /// <summary>Emits a consumer that absorbed other instructions; false when it has no fusion.</summary>
    private bool EmitFused(Instruction i)
    {
        if (_cf != _f || !_fusions.TryGetValue(i, out var fu)) return false;
        switch (fu.Kind)
        {
            case Fused.Rotr:
                Put(Op.IRotr, Dest(i), S(fu.A.Args[0]), (int)_defs[fu.A.Args[1].Index]!.Imm & 31);
                return true;
            case Fused.MulAdd:
            {
                // a*b + c, two roundings as the separate instructions have (FAdd commutes exactly)
                var c = i.Args[0] == fu.A.Result ? i.Args[1] : i.Args[0];
                Put(Op.FMulAdd, Dest(i), S(fu.A.Args[0]), S(fu.A.Args[1]), S(c));
                return true;
            }
            case Fused.Chain:
            {
                var c = i.Args[0] == fu.A.Result ? i.Args[1] : i.Args[0];
                Put(i.Op switch { Opcode.IAdd => Op.IAdd3, Opcode.IXor => Op.IXor3, _ => Op.FMul3 }, Dest(i), S(fu.A.Args[0]), S(fu.A.Args[1]), S(c));
                return true;
            }
            case Fused.FieldUpdate:
            {
                // A is the operation, B the field's read; the operation may hold a product
                var (x, o, off) = (fu.A, S(i.Args[0]), (int)i.Imm);
                if (_fusions.TryGetValue(x, out var xf))
                    Put(x.Op == Opcode.FAdd ? Op.FFldAddMul : Op.FFldSubMul, o, off, S(xf.A.Args[0]), S(xf.A.Args[1]));
                else
                    Put(x.Op == Opcode.FAdd ? Op.FFldAdd : Op.FFldSub, o, off, S(x.Args[0] == fu.B!.Result ? x.Args[1] : x.Args[0]));
                return true;
            }
            case Fused.MulSub:
                Put(Op.FMulSub, Dest(i), S(fu.A.Args[0]), S(fu.A.Args[1]), S(i.Args[1]));
                return true;
            default:
                Put(Op.FSubMul, Dest(i), S(fu.A.Args[0]), S(fu.A.Args[1]), S(i.Args[0]));
                return true;
        }
    }

    /// <summary>The slots an instruction reads where it is emitted: its operands, and those of what it absorbed.</summary>
    private IEnumerable<ValueId> Reads(Instruction i)
    {
        foreach (var a in i.Args) yield return a;
        if (!_fusions.TryGetValue(i, out var fu)) yield break;
        foreach (var a in Reads(fu.A)) yield return a;
        if (fu.B != null)
            foreach (var a in Reads(fu.B)) yield return a;
    }
}
