using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private TExpr TypeBinary(BinaryExpr b)
    {
        switch (b.Op)
        {
            case BinaryOp.Assign: return TypeAssign(b);
            case BinaryOp.BoolAnd or BinaryOp.BoolOr:
            {
                // Haxe unifies both operands with Bool at the whole operation
                var l = Coerce(TypeExpr(b.Left, _core.Bool), _core.Bool, b.Span);
                var r = Coerce(TypeExpr(b.Right, _core.Bool), _core.Bool, b.Span);
                return new TBinary(b.Span, _core.Bool, b.Op, l, r);
            }
            case BinaryOp.Interval:
                return TypeIntervalValue(b);
            case BinaryOp.Arrow:
                return Unsupported(b.Span, "=> outside of a map literal");
            case BinaryOp.NullCoal:
                return Unsupported(b.Span, "??");
        }
        // operands are values: an `if` or `switch` there yields one
        var left = TypeExpr(b.Left, new TMono());
        // `e.kind != Element`: compared with an enum abstract or an enum, the right operand's names
        // are looked up in it too (Haxe types it with the left one's type)
        var rightHint = b.Op is BinaryOp.Eq or BinaryOp.NotEq && left.Type.Follow() is TAbstract { Abstract.Decl.IsEnum: true } or TEnum
            ? left.Type : new TMono();
        var right = TypeExpr(b.Right, rightHint);
        return MakeBinary(b.Span, b.Op, left, right);
    }

    /// Types `left op right` by Haxe's rules for the basic types.
    private TExpr MakeBinary(TextSpan span, BinaryOp op, TExpr left, TExpr right)
    {
        if ((IsUserAbstract(left.Type) || IsUserAbstract(right.Type)) && !IsPoisoned(left) && !IsPoisoned(right)
            && AbstractBinaryOp(span, op, left, right, assign: false) is { } overloaded)
            return overloaded;
        if ((IsUserAbstract(left.Type) || IsUserAbstract(right.Type)) && !IsPoisoned(left) && !IsPoisoned(right)
            && AbstractOperands(span, op, left, right) is { } plain)
            return plain;
        if (op is not (BinaryOp.Eq or BinaryOp.NotEq) || _core.IsBasic(left.Type) || _core.IsBasic(right.Type))
        {
            if (!(op == BinaryOp.Add && (IsStringOrNull(left.Type) || IsStringOrNull(right.Type))))
            {
                left = UnwrapNull(left);
                right = UnwrapNull(right);
            }
        }
        // an unknown operand takes the other's type, as Haxe's unify_int does for `x * 3`
        if (op is not (BinaryOp.BoolAnd or BinaryOp.BoolOr))
        {
            if (Prune(left.Type) is TMono lm && (_core.IsBasic(right.Type) || _core.IsString(right.Type))) lm.Bound = right.Type;
            else if (Prune(right.Type) is TMono rm && (_core.IsBasic(left.Type) || _core.IsString(left.Type))) rm.Bound = left.Type;
            // two unknowns in arithmetic: Int, as Haxe's unify_int decides
            if (op is not (BinaryOp.Eq or BinaryOp.NotEq) && Prune(left.Type) is TMono m1 && Prune(right.Type) is TMono m2)
            {
                m1.Bound = _core.Int;
                if (!ReferenceEquals(m1, m2)) m2.Bound = _core.Int;
            }
        }
        var lt = left.Type; var rt = right.Type;
        if (IsPoisoned(left)) return left;
        if (IsPoisoned(right)) return right;
        switch (op)
        {
            case BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div or BinaryOp.Mod
                when (IsDynamicLike(lt) || IsDynamicLike(rt)) && !(op == BinaryOp.Add && (IsStringOrNull(lt) || IsStringOrNull(rt))):
                // Dynamic arithmetic happens at run time: numbers, or `+` of strings
                return new TBinary(span, TDynamic.Instance, op, Coerce(left, TDynamic.Instance, left.Span), Coerce(right, TDynamic.Instance, right.Span));
            case BinaryOp.Add when IsStringOrNull(lt) || IsStringOrNull(rt):
                // (a null String operand reads "null")
                return new TBinary(span, _core.String, op, ToStringExpr(left), ToStringExpr(right));
            case BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Mod:
                if (_core.IsInt(lt) && _core.IsInt(rt)) return new TBinary(span, _core.Int, op, left, right);
                if (_core.IsNumeric(lt) && _core.IsNumeric(rt))
                    return new TBinary(span, _core.Float, op, Coerce(left, _core.Float, left.Span), Coerce(right, _core.Float, right.Span));
                break;
            case BinaryOp.Div:
                if (_core.IsNumeric(lt) && _core.IsNumeric(rt))
                    return new TBinary(span, _core.Float, op, Coerce(left, _core.Float, left.Span), Coerce(right, _core.Float, right.Span));
                break;
            case BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor:
                if (_core.IsInt(lt) && _core.IsInt(rt)) return new TBinary(span, _core.Int, op, left, right);
                // bit operations on a Dynamic are Int operations on its value, as in Haxe
                if ((IsDynamicLike(lt) || _core.IsInt(lt)) && (IsDynamicLike(rt) || _core.IsInt(rt)))
                    return new TBinary(span, _core.Int, op, Coerce(left, _core.Int, left.Span), Coerce(right, _core.Int, right.Span));
                if (op is BinaryOp.And or BinaryOp.Or or BinaryOp.Xor && _core.IsBool(lt) && _core.IsBool(rt))
                    return Unsupported(span, "Bitwise operators on Bool");
                break;
            case BinaryOp.Eq or BinaryOp.NotEq or BinaryOp.Lt or BinaryOp.LtEq or BinaryOp.Gt or BinaryOp.GtEq
                when IsDynamicLike(lt) || IsDynamicLike(rt):
                // compared at run time: numbers by value, strings by content, other values by identity
                return new TBinary(span, _core.Bool, op, Coerce(left, TDynamic.Instance, left.Span), Coerce(right, TDynamic.Instance, right.Span));
            case BinaryOp.Lt or BinaryOp.LtEq or BinaryOp.Gt or BinaryOp.GtEq:
                if (_core.IsInt(lt) && _core.IsInt(rt)) return new TBinary(span, _core.Bool, op, left, right);
                if (_core.IsNumeric(lt) && _core.IsNumeric(rt))
                    return new TBinary(span, _core.Bool, op, Coerce(left, _core.Float, left.Span), Coerce(right, _core.Float, right.Span));
                if (_core.IsString(lt) && _core.IsString(rt)) return new TBinary(span, _core.Bool, op, left, right);
                break;
            case BinaryOp.Eq or BinaryOp.NotEq:
                if (_core.IsInt(lt) && _core.IsInt(rt)) return new TBinary(span, _core.Bool, op, left, right);
                if (_core.IsNumeric(lt) && _core.IsNumeric(rt))
                    return new TBinary(span, _core.Bool, op, Coerce(left, _core.Float, left.Span), Coerce(right, _core.Float, right.Span));
                if (_core.IsBool(lt) && _core.IsBool(rt)) return new TBinary(span, _core.Bool, op, left, right);
                if (_core.IsString(lt) && _core.IsString(rt)) return new TBinary(span, _core.Bool, op, left, right);
                if (left is TConst { Value: null } || right is TConst { Value: null })
                {
                    if (_core.IsBasic(lt) || _core.IsBasic(rt))
                        return new TConst(span, _core.Bool, op == BinaryOp.NotEq); // a basic value is never null
                    return new TBinary(span, _core.Bool, op, left, right);
                }
                if (!_core.IsBasic(lt) && !_core.IsBasic(rt) && (Unify(lt, rt) || Unify(rt, lt)))
                    return new TBinary(span, _core.Bool, op, left, right);
                break;
        }
        ReportBadOperands(span, op, left, right);
        return Poisoned(span);
    }

    /// An abstract without a matching `@:op` takes part in arithmetic only as what it converts to,
    /// by Haxe's rules (type_binop2): `+` as the Int or Float of the other side, `- * / %` and bit
    /// operators as Int; it is never ordered. Null when the usual rules apply (`==`, strings).
    private TExpr? AbstractOperands(TextSpan span, BinaryOp op, TExpr left, TExpr right)
    {
        var lt = left.Type; var rt = right.Type;
        if (IsDynamicLike(lt) || IsDynamicLike(rt)) return null;
        var errors = _diags.ErrorCount;
        switch (op)
        {
            case BinaryOp.Add when _core.IsString(lt) || _core.IsString(rt):
                return null;
            case BinaryOp.Add:
                if (IsUserAbstract(lt) && !IsUserAbstract(rt) && (_core.IsInt(rt) || _core.IsFloat(rt)))
                    left = AsBasic(left, _core.IsInt(rt) ? _core.Int : _core.Float);
                else if (IsUserAbstract(rt) && !IsUserAbstract(lt) && (_core.IsInt(lt) || _core.IsFloat(lt)))
                    right = AsBasic(right, _core.IsInt(lt) ? _core.Int : _core.Float);
                else
                {
                    Error(span, $"Cannot add {lt} and {rt}");
                    return Poisoned(span);
                }
                break;
            case BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div or BinaryOp.Mod
                or BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr or BinaryOp.And or BinaryOp.Or or BinaryOp.Xor:
                if (IsUserAbstract(lt)) left = AsBasic(left, _core.Int);
                if (IsUserAbstract(rt)) right = AsBasic(right, _core.Int);
                break;
            case BinaryOp.Lt or BinaryOp.LtEq or BinaryOp.Gt or BinaryOp.GtEq:
                Error(span, $"Cannot compare {lt} and {rt}");
                return Poisoned(span);
            default:
                return null;
        }
        return _diags.ErrorCount > errors ? Poisoned(span) : MakeBinary(span, op, left, right);
    }

    /// An abstract operand converted to Int or Float (an error when it does not convert).
    private TExpr AsBasic(TExpr e, HType basic)
    {
        var converted = Coerce(e, basic, e.Span);
        return IsUserAbstract(converted.Type) ? new TCast(e.Span, basic, converted, CastKind.Retype) : converted;
    }

    /// String or Null&lt;String&gt;: either makes `+` a concatenation.
    private bool IsStringOrNull(HType t) => _core.IsString(t) || _core.NullInner(t) is { } inner && _core.IsString(inner);

    private bool IsDynamicLike(HType t) => _core.IsDynamic(t) || Prune(t) is TParam || t.Follow() is TMono;

    /// Haxe's wording: `Cannot add A and B` for `+`, else the operand that is not a number.
    private void ReportBadOperands(TextSpan span, BinaryOp op, TExpr left, TExpr right)
    {
        switch (op)
        {
            case BinaryOp.Add:
                Error(span, $"Cannot add {left.Type} and {right.Type}");
                return;
            case BinaryOp.Eq or BinaryOp.NotEq:
                // Haxe unifies the right operand with the left one's type
                Error(span, $"{right.Type} should be {left.Type}");
                return;
            case BinaryOp.Lt or BinaryOp.LtEq or BinaryOp.Gt or BinaryOp.GtEq:
                Error(span, $"Cannot compare {left.Type} and {right.Type}");
                return;
        }
        var bad = _core.IsNumeric(left.Type) ? right : left;
        var want = op is BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div or BinaryOp.Mod && (_core.IsFloat(left.Type) || _core.IsFloat(right.Type)) ? "Float" : "Int";
        Error(bad.Span, $"{bad.Type} should be {want}");
    }

    private TExpr TypeAssign(BinaryExpr b)
    {
        var target = TypeLValue(b.Left);
        if (target is TMapIndex mi) return TypeMapAssign(b, mi);
        if (target is TAbstractIndex ai) return AbstractIndexAssign(ai, TypeExpr(b.Right, ai.Type), b.Span);
        if (IsPoisoned(target)) return target;
        if (PropertyOf(target) is { Set: "set" } && FieldOf(target) is { } pf && !InAccessorOf(pf))
            return WriteProperty(target, TypeExpr(b.Right, target.Type), b.Span) ?? target;
        if (!CheckAssignable(target, b.Left.Span, b.Span)) return target;
        var value = Coerce(TypeExpr(b.Right, target.Type), target.Type, b.Span);
        NoteTryAssign(target);
        return new TAssign(b.Span, target.Type, target, value);
    }

    /// Can `target` be written here? Haxe's errors point at the target (`Cannot assign to final`)
    /// or at the whole assignment (property access).
    private bool CheckAssignable(TExpr target, TextSpan span, TextSpan whole)
    {
        switch (target)
        {
            case TLocal l when l.Local.IsFinal:
                Error(span, "Cannot assign to final");
                return false;
            case TIndex or TDynField:
                return true;
            case TStaticField { Field: { Kind: FieldKindTag.Method, IsDynamic: true } dyn }:
                dyn.Reassigned = true;
                return true;
            case TInstanceField { Field: { Kind: FieldKindTag.Method, IsDynamic: true } }:
                return true; // an instance dynamic method lives in a slot of the object
            case TStaticField { Field.Kind: FieldKindTag.Method } or TInstanceField { Field.Kind: FieldKindTag.Method }:
                Error(span, "Cannot rebind this method : please use 'dynamic' before method declaration");
                return false;
            case TStaticField { Field.Kind: FieldKindTag.Property } or TInstanceField { Field.Kind: FieldKindTag.Property }:
                // `never` is never writable; `null` only inside the class and its subclasses (or under `@:privateAccess`)
                if (PropertyOf(target) is { Set: "never" } or { Set: "null" } && !(PropertyOf(target)!.Set == "null" && (InsideClassOf(FieldOf(target)!.Owner) || _privateAccess > 0)))
                {
                    Error(whole, $"Cannot access field or identifier {FieldOf(target)!.Name} for writing");
                    return false;
                }
                return true;
            case TLocal or TStaticField { Field.Kind: FieldKindTag.Var } or TInstanceField { Field.Kind: FieldKindTag.Var }:
                // a final field is written only by its own class's constructor (a static one only
                // by its declaration); Haxe reports it like an unwritable property
                if (target is TStaticField { Field.Decl.Kind: VarField { IsFinal: true } } or TInstanceField { Field.Decl.Kind: VarField { IsFinal: true } }
                    && !(target is TInstanceField && _field?.Name == "new" && _field.Owner == FieldOf(target)!.Owner))
                {
                    Error(whole, $"Cannot access field or identifier {FieldOf(target)!.Name} for writing");
                    return false;
                }
                return true;
            default:
                Error(span, "Invalid assign");
                return false;
        }
    }

    private TExpr TypeAssignOp(AssignOpExpr ao)
    {
        var target = TypeLValue(ao.Left);
        if (PropertyOf(target) is { Set: "set" } && FieldOf(target) is { } pf && !InAccessorOf(pf))
        {
            // `o.p += v` is `o.set_p(o.p + v)` (the receiver is evaluated twice)
            var current = ReadProperty(target with { });
            var sum = MakeBinary(ao.Span, ao.Op, current, TypeValue(ao.Right));
            return WriteProperty(target, sum, ao.Span) ?? target;
        }
        if (target is TMapIndex mi) return TypeMapAssignOp(ao, mi);
        if (!CheckAssignable(target, ao.Left.Span, ao.Span)) return target;
        var value = TypeValue(ao.Right);
        if (IsUserAbstract(target.Type) && !IsPoisoned(value))
        {
            // `a += b`: an `@:op(A += B)` function (which updates the value itself), else `a = a + b`
            if (AbstractBinaryOp(ao.Span, ao.Op, target, value, assign: true) is { } compound) return compound;
            if (AbstractBinaryOp(ao.Span, ao.Op, target, value, assign: false) is { } plain)
            {
                NoteTryAssign(target);
                return new TAssign(ao.Span, target.Type, target, Coerce(plain, target.Type, ao.Span));
            }
        }
        // type the arithmetic as `target op value`, then check it fits back into the target
        var op = MakeBinary(ao.Span, ao.Op, target, value);
        if (op is not TBinary bin) return op;
        if (_core.IsInt(target.Type) && _core.IsFloat(bin.Type))
        {
            Error(ao.Span, "Float should be Int");
            return op;
        }
        NoteTryAssign(target);
        return new TAssignOp(ao.Span, target.Type, ao.Op, target, bin.Right);
    }

    /// `-d`, `~d`, `d++` on a Dynamic: `0 - d` (Dynamic arithmetic keeps Int or Float), `~Int(d)`,
    /// and `d += 1`, whose value less one is the old value of a postfix `d++`.
    private TExpr? TypeDynamicUnary(UnaryExpr u, TExpr operand)
    {
        var one = new TConst(u.Span, _core.Int, 1);
        switch (u.Op)
        {
            case UnaryOp.Neg:
                return MakeBinary(u.Span, BinaryOp.Sub, new TConst(u.Span, _core.Int, 0), operand);
            case UnaryOp.BitNot:
                return new TUnary(u.Span, _core.Int, u.Op, Coerce(operand, _core.Int, u.Operand.Span));
            case UnaryOp.Increment or UnaryOp.Decrement:
            {
                if (!CheckAssignable(operand, u.Operand.Span, u.Span)) return operand;
                NoteTryAssign(operand);
                var op = u.Op == UnaryOp.Increment ? BinaryOp.Add : BinaryOp.Sub;
                if (MakeBinary(u.Span, op, operand, one) is not TBinary bin) return null;
                TExpr updated = new TAssignOp(u.Span, operand.Type, op, operand, bin.Right);
                return u.Postfix ? MakeBinary(u.Span, op == BinaryOp.Add ? BinaryOp.Sub : BinaryOp.Add, updated, one) : updated;
            }
            default:
                return null;
        }
    }

    private TExpr TypeUnary(UnaryExpr u)
    {
        TExpr? place = null;
        if (u.Op is UnaryOp.Increment or UnaryOp.Decrement)
        {
            place = TypeLValue(u.Operand);
            if (PropertyOf(place) is { Set: "set" } && FieldOf(place) is { } pf && !InAccessorOf(pf))
            {
                // `o.p++` is `o.set_p(o.p + 1)`; its value is the new one (the old one for postfix is not kept)
                var one = new TConst(u.Span, _core.Int, 1);
                var next = MakeBinary(u.Span, u.Op == UnaryOp.Increment ? BinaryOp.Add : BinaryOp.Sub, ReadProperty(place with { }), one);
                return WriteProperty(place, next, u.Span) ?? place;
            }
        }
        var operand = place ?? TypeValue(u.Operand);
        if (IsUserAbstract(operand.Type) && AbstractUnaryOp(u.Span, u.Op, u.Postfix, operand) is { } overloaded) return overloaded;
        // an unknown operand of a numeric operator is an Int, as Haxe's unify_int decides
        if (u.Op is UnaryOp.Neg or UnaryOp.BitNot or UnaryOp.Increment or UnaryOp.Decrement && Prune(operand.Type) is TMono)
            Unify(operand.Type, _core.Int);
        if (_core.IsDynamic(operand.Type) && TypeDynamicUnary(u, operand) is { } dynamic) return dynamic;
        // `-n` and `~n` of a Null<Int> (a Std.parseInt result) read the value, as binary operators do
        if (u.Op is UnaryOp.Neg or UnaryOp.BitNot) operand = UnwrapNull(operand);
        switch (u.Op)
        {
            case UnaryOp.Not:
                return new TUnary(u.Span, _core.Bool, u.Op, Coerce(operand, _core.Bool, u.Operand.Span));
            case UnaryOp.Neg:
                if (operand is TConst { Value: int iv }) return new TConst(u.Span, _core.Int, unchecked(-iv));
                // Haxe folds the negation of a Float constant, or of a Float expression of constants
                // its optimizer folds first, as `0 - c`: `-(0.0)` and `-(0.0 * 2.0)` are +0.0 on every
                // target (only a zero's sign tells; a `-0.0` literal is another thing: the parser
                // keeps its sign)
                if (_core.IsFloat(operand.Type) && FoldedFloat(operand) is { } folded) return new TConst(u.Span, _core.Float, 0.0 - folded);
                if (_core.IsNumeric(operand.Type)) return new TUnary(u.Span, operand.Type, u.Op, operand);
                break;
            case UnaryOp.BitNot:
                if (_core.IsInt(operand.Type)) return new TUnary(u.Span, _core.Int, u.Op, operand);
                break;
            case UnaryOp.Increment or UnaryOp.Decrement:
                if (!CheckAssignable(operand, u.Operand.Span, u.Span)) return operand;
                NoteTryAssign(operand);
                if (_core.IsNumeric(operand.Type))
                    return new TIncDec(u.Span, operand.Type, u.Op == UnaryOp.Increment, u.Postfix, operand);
                break;
        }
        if (IsPoisoned(operand)) return operand;
        if (IsDynamicLike(operand.Type)) Error(u.Span, $"Cannot apply unary operator to {operand.Type}");
        else Error(u.Operand.Span, $"{operand.Type} should be Int"); // Haxe unifies the operand with Int
        return Poisoned(u.Span);
    }

    /// The value of a Float expression Haxe's optimizer folds to a constant before the negation
    /// around it: number constants (a `static inline var` is its constant, as Haxe inlines it)
    /// joined by + - * / in Float arithmetic (an Int constant read as a Float; an Int operation,
    /// which wraps, is not folded here).
    private double? FoldedFloat(TExpr e, int depth = 0) => depth < 16 ? e switch
    {
        TConst { Value: double d } => d,
        TConst { Value: int i } => i,
        TCast { Kind: CastKind.IntToFloat, Value: var v } => FoldedFloat(v, depth + 1),
        TStaticField { Field: { IsStatic: true, IsInline: true, Kind: FieldKindTag.Var, Body: { } body } } => FoldedFloat(body, depth + 1),
        TBinary { Op: BinaryOp.Add or BinaryOp.Sub or BinaryOp.Mul or BinaryOp.Div } b
            when _core.IsFloat(b.Type) && FoldedFloat(b.Left, depth + 1) is { } l && FoldedFloat(b.Right, depth + 1) is { } r => b.Op switch
            {
                BinaryOp.Add => l + r,
                BinaryOp.Sub => l - r,
                BinaryOp.Mul => l * r,
                _ => l / r,
            },
        _ => null,
    } : null;
}
