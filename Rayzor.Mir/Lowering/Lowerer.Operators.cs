using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typed;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

public sealed partial class Lowerer
{
    private ValueId LowerBinary(TBinary b)
    {
        if (b.Op is BinaryOp.BoolAnd or BinaryOp.BoolOr) return LowerShortCircuit(b);
        var l = LowerValue(b.Left);
        var r = LowerValue(b.Right);
        return b.Op switch
        {
            BinaryOp.Eq or BinaryOp.NotEq or BinaryOp.Lt or BinaryOp.LtEq or BinaryOp.Gt or BinaryOp.GtEq =>
                Compare(b.Op, b.Left.Type, l, r, nullTest: b.Left is TConst { Value: null } || b.Right is TConst { Value: null }),
            _ => Arith(b.Op, b.Left.Type, b.Right.Type, l, r),
        };
    }

    /// Arithmetic on operands the typer already converted to one type (String + String is concatenation).
    private ValueId Arith(BinaryOp op, HType lt, HType rt, ValueId l, ValueId r)
    {
        if (_core.IsString(lt) || _core.IsString(rt))
        {
            if (!_core.IsString(lt)) l = ToStringRaw(l, lt);
            if (!_core.IsString(rt)) r = ToStringRaw(r, rt);
            return Native("rz_string_concat", MirType.Ptr, [MirType.Ptr, MirType.Ptr], l, r);
        }
        if (_fn.TypeOf(l) == MirType.Ptr || _fn.TypeOf(r) == MirType.Ptr)
        {
            // Dynamic arithmetic (`f += dyn` keeps its Float operand unboxed until here)
            var code = op switch { BinaryOp.Add => 0, BinaryOp.Sub => 1, BinaryOp.Mul => 2, BinaryOp.Div => 3, _ => 4 };
            return Native("rz_dyn_arith", MirType.Ptr, [MirType.I32, MirType.Ptr, MirType.Ptr], _b.IConst(code), Adapt(l, MirType.Ptr), Adapt(r, MirType.Ptr));
        }
        var isFloat = _fn.TypeOf(l) == MirType.F64 || _fn.TypeOf(r) == MirType.F64 || op == BinaryOp.Div;
        if (isFloat)
        {
            if (_fn.TypeOf(l) == MirType.I32) l = _b.Op(Opcode.IToF, MirType.F64, l);
            if (_fn.TypeOf(r) == MirType.I32) r = _b.Op(Opcode.IToF, MirType.F64, r);
            var fop = op switch
            {
                BinaryOp.Add => Opcode.FAdd, BinaryOp.Sub => Opcode.FSub, BinaryOp.Mul => Opcode.FMul,
                BinaryOp.Div => Opcode.FDiv, BinaryOp.Mod => Opcode.FRem,
                _ => throw new InvalidOperationException("float " + op),
            };
            return _b.Op(fop, MirType.F64, l, r);
        }
        var iop = op switch
        {
            BinaryOp.Add => Opcode.IAdd, BinaryOp.Sub => Opcode.ISub, BinaryOp.Mul => Opcode.IMul, BinaryOp.Mod => Opcode.IRem,
            BinaryOp.And => Opcode.IAnd, BinaryOp.Or => Opcode.IOr, BinaryOp.Xor => Opcode.IXor,
            BinaryOp.Shl => Opcode.IShl, BinaryOp.Shr => Opcode.IShr, BinaryOp.UShr => Opcode.IUShr,
            _ => throw new InvalidOperationException("int " + op),
        };
        return _b.Op(iop, MirType.I32, l, r);
    }

    /// <summary>`l op r` for operands of <paramref name="type"/>; <paramref name="nullTest"/>: one is the `null` literal (a pointer test).</summary>
    private ValueId Compare(BinaryOp op, HType type, ValueId l, ValueId r, bool nullTest = false)
    {
        var cond = op switch
        {
            BinaryOp.Eq => Cond.Eq, BinaryOp.NotEq => Cond.Ne, BinaryOp.Lt => Cond.Lt,
            BinaryOp.LtEq => Cond.Le, BinaryOp.Gt => Cond.Gt, _ => Cond.Ge,
        };
        var t = _fn.TypeOf(l);
        // Null<Int>/Null<Float>/Null<Bool> compare by value (two boxes of 70000 are equal), as in Haxe
        if (_core.IsDynamic(type) || type.Follow() is TParam || !nullTest && IsBoxedBasic(type, l) && cond is Cond.Eq or Cond.Ne)
        {
            if (cond is Cond.Eq or Cond.Ne)
            {
                var eq = Native("rz_dyn_equals", MirType.Bool, [MirType.Ptr, MirType.Ptr], Adapt(l, MirType.Ptr), Adapt(r, MirType.Ptr));
                return cond == Cond.Eq ? eq : _b.Op(Opcode.BNot, MirType.Bool, eq);
            }
            var cmp = Native("rz_dyn_compare", MirType.I32, [MirType.Ptr, MirType.Ptr], Adapt(l, MirType.Ptr), Adapt(r, MirType.Ptr));
            return _b.Cmp(Opcode.ICmp, cond, cmp, _b.IConst(0));
        }
        if (_core.IsString(type))
        {
            if (cond is Cond.Eq or Cond.Ne)
            {
                var eq = Native("rz_string_equals", MirType.Bool, [MirType.Ptr, MirType.Ptr], l, r);
                return cond == Cond.Eq ? eq : _b.Op(Opcode.BNot, MirType.Bool, eq);
            }
            var c = Native("rz_string_compare", MirType.I32, [MirType.Ptr, MirType.Ptr], l, r);
            return _b.Cmp(Opcode.ICmp, cond, c, _b.IConst(0));
        }
        return t switch
        {
            MirType.I32 => _b.Cmp(Opcode.ICmp, cond, l, r),
            MirType.F64 => _b.Cmp(Opcode.FCmp, cond, l, r),
            MirType.Bool => cond == Cond.Eq
                ? _b.Op(Opcode.BNot, MirType.Bool, _b.Op(Opcode.IXor, MirType.Bool, l, r))
                : _b.Op(Opcode.IXor, MirType.Bool, l, r),
            _ => _b.Cmp(Opcode.PCmp, cond, l, r),
        };
    }

    private bool IsBoxedBasic(HType type, ValueId v) =>
        _fn.TypeOf(v) == MirType.Ptr && _core.NullInner(type) is { } inner && (_core.IsInt(inner) || _core.IsFloat(inner) || _core.IsBool(inner));

    private ValueId LowerShortCircuit(TBinary b)
    {
        var l = LowerValue(b.Left);
        var rhs = _fn.NewBlock();
        var join = _fn.NewBlock();
        var result = _fn.AddParam(join, MirType.Bool);
        var isAnd = b.Op == BinaryOp.BoolAnd;
        // a && b: false skips b; a || b: true skips b
        _b.BrIf(l, isAnd ? rhs : join, isAnd ? join : rhs);
        var br = _b.Current.Terminator!;
        br.Targets[isAnd ? 1 : 0].Args.Add(l);
        _ssa.AddEdge(_b.Current, rhs);
        _ssa.AddEdge(_b.Current, join);
        _ssa.Seal(rhs);
        SwitchTo(rhs);
        var r = LowerValue(b.Right);
        Jump(join, [r]);
        _ssa.Seal(join);
        SwitchTo(join);
        return result;
    }

    private ValueId LowerUnary(TUnary u)
    {
        var v = LowerValue(u.Operand);
        return u.Op switch
        {
            UnaryOp.Not => _b.Op(Opcode.BNot, MirType.Bool, v),
            UnaryOp.Neg => _fn.TypeOf(v) == MirType.F64 ? _b.Op(Opcode.FNeg, MirType.F64, v) : _b.Op(Opcode.INeg, MirType.I32, v),
            UnaryOp.BitNot => _b.Op(Opcode.INot, MirType.I32, v),
            _ => throw new InvalidOperationException("unary " + u.Op),
        };
    }
}
