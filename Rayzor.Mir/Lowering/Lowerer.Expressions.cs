using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

public sealed partial class Lowerer
{
    /// Lowers an expression that must produce a value.
    private ValueId LowerValue(TExpr e)
    {
        var v = LowerExpr(e);
        return v.IsNone ? ZeroValue(MirTypeOf(e.Type) is MirType.Void ? MirType.Ptr : MirTypeOf(e.Type)) : v;
    }

    /// Lowers an expression; ValueId.None for Void. Its instructions carry its source line.
    private ValueId LowerExpr(TExpr e)
    {
        // the typer bounds the depth (Typer.MaxExprDepth); this is for a caller with a small stack
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var line = _b.Line;
        At(e.Span);
        var v = LowerExprAt(e);
        _b.Line = line;
        return v;
    }

    private ValueId LowerExprAt(TExpr e)
    {
        switch (e)
        {
            case TConst c: return LowerConst(c);
            case TLocal l: return ReadLocal(l.Local);
            case TVar v:
            {
                var t = MirTypeOf(v.Local.Type);
                if (v.Local.Captured && v.Init is TFunction { Self: { } self } rec && self == v.Local)
                {
                    // a recursive local function: its cell exists before the closure captures it
                    DeclareCell(v.Local, _b.Null());
                    var cell = CellOf(v.Local);
                    _b.SetField(cell, 0, LowerFunction(rec, cell));
                    return ValueId.None;
                }
                var init = v.Init != null ? Adapt(LowerValue(v.Init), t is MirType.Void ? MirType.Ptr : t) : ZeroValue(t);
                if (v.Local.Captured) DeclareCell(v.Local, init);
                else
                {
                    _localTypes[v.Local] = _fn.TypeOf(init);
                    _ssa.Write(v.Local.Id, _b.Current, init);
                }
                return ValueId.None;
            }
            case TFunction fn: return LowerFunction(fn);
            case TEnumValue ev: return LowerEnumValue(ev);
            case TObjectDecl od: return LowerObjectDecl(od);
            case TTypeRef tr: return ClassValue(tr.Symbol) ?? _b.Null();
            case TDynField df: return LowerDynGet(df);
            case TSwitch sw: return LowerSwitch(sw);
            case TStaticField { Field: var dv } when IsDynamicVar(dv): return _b.GLoad(DynamicVarOf(dv), MirType.Ptr);
            case TStaticField { Field.Kind: FieldKindTag.Method } sm: return StaticFunctionValue(sm.Field);
            case TInstanceField { Field.Kind: FieldKindTag.Method, Field.IsExtern: false } bm: return BoundMethodValue(bm);
            case TInstanceField { Field: { Kind: FieldKindTag.Method, IsExtern: true } } em: return ExternMethodValue(em);
            case TBlock blk:
            {
                var last = ValueId.None;
                foreach (var x in blk.Exprs) last = LowerExpr(x);
                return last;
            }
            case TStaticField sf when sf.Field.Kind != FieldKindTag.Method:
                if (sf.Field.IsExtern) return LowerExternVar(sf);
                // Haxe replaces the reads of a constant `static inline var` by its value
                if (InlineConstant(sf.Field) is { } value) return Adapt(LowerValue(value), MirTypeOf(sf.Type));
                return _b.GLoad(sf.Field.FullName, MirTypeOf(sf.Type));
            case TAssign a: return LowerAssign(a.Target, () => LowerValue(a.Value));
            case TAssignOp ao:
            {
                var place = LowerPlace(ao.Target);
                var cur = place.Read();
                var rhs = LowerValue(ao.Value);
                var res = Arith(ao.Op, ao.Target.Type, ao.Value.Type, cur, rhs);
                if (MirTypeOf(ao.Target.Type) is var tt and not MirType.Void) res = Adapt(res, tt);
                place.Write(res);
                return res;
            }
            case TIncDec inc:
            {
                var place = LowerPlace(inc.Target);
                var cur = place.Read();
                var isInt = MirTypeOf(inc.Target.Type) == MirType.I32;
                var one = isInt ? _b.IConst(1) : _b.FConst(1);
                var op = isInt ? (inc.Increment ? Opcode.IAdd : Opcode.ISub) : (inc.Increment ? Opcode.FAdd : Opcode.FSub);
                var next = _b.Op(op, isInt ? MirType.I32 : MirType.F64, cur, one);
                place.Write(next);
                return inc.Postfix ? cur : next;
            }
            case TBinary bin: return LowerBinary(bin);
            case TUnary u: return LowerUnary(u);
            case TIf ie: return LowerIf(ie);
            case TWhile w: LowerWhile(w); return ValueId.None;
            case TForRange fr: LowerForRange(fr); return ValueId.None;
            case TForArray fa: LowerForArray(fa); return ValueId.None;
            case TArrayDecl ad: return LowerArrayDecl(ad);
            case TIndex ix: return LowerIndexGet(ix);
            case TMapIndex mi: return LowerMapIndexGet(mi);
            case TBreak: PopTrapsForLoopExit(); Jump(_loops[^1].Break); StartDeadBlock(); return ValueId.None;
            case TContinue: PopTrapsForLoopExit(); Jump(_loops[^1].Continue); StartDeadBlock(); return ValueId.None;
            case TThrow th: return LowerThrow(th);
            case TTry tt: return LowerTry(tt);
            case TReturn r:
            {
                if (r.Value != null && _fn.ReturnType != MirType.Void)
                {
                    var rv = LowerValue(r.Value);
                    PopTrapsForReturn();
                    _b.Ret(rv);
                }
                else
                {
                    if (r.Value != null) LowerExpr(r.Value);
                    PopTrapsForReturn();
                    _b.Ret(null);
                }
                StartDeadBlock();
                return ValueId.None;
            }
            case TCall call: return LowerCall(call);
            case TInstanceField inf: return LowerFieldGet(inf);
            case TThis or TSuper: return _this;
            case TNew n: return LowerNew(n);
            case TSuperCtor sc: return LowerSuperCtor(sc);
            case TMissingArg m: return ZeroValue(MirTypeOf(m.Type) is MirType.Void ? MirType.Ptr : MirTypeOf(m.Type));
            case TCast cast: return LowerCast(cast);
            case TToString ts: return ToStringValue(ts.Value);
            case TTrace { Call: TCall { Callee: TStaticField { Field: var logTrace } } call } when IsDynamicVar(logTrace):
                return LowerExpr(call);
            case TTrace tr:
            {
                var msg = ToStringValue(tr.Value);
                var prefix = _b.Str(_module.InternString($"{tr.File}:{tr.Line}: "));
                var line = Native("rz_string_concat", MirType.Ptr, [MirType.Ptr, MirType.Ptr], prefix, msg);
                Native("rz_println", MirType.Void, [MirType.Ptr], line);
                return ValueId.None;
            }
            default:
                Error(e.Span, $"{e.GetType().Name} cannot be compiled yet");
                return ValueId.None;
        }
    }

    private ValueId LowerConst(TConst c) => c.Value switch
    {
        int i => _b.IConst(i),
        double d => _b.FConst(d),
        bool z => _b.BConst(z),
        string s => _b.Str(_module.InternString(s)),
        null => MirTypeOf(c.Type) is var t and not MirType.Ptr and not MirType.Void ? ZeroValue(t) : _b.Null(),
        _ => throw new InvalidOperationException("constant of type " + c.Value.GetType().Name),
    };

    private ValueId ReadLocal(LocalSymbol l)
    {
        var t = LocalType(l);
        if (l.Captured) return _b.GetField(CellOf(l), 0, t);
        return _ssa.Read(l.Id, t, _b.Current);
    }

    private ValueId LowerAssign(TExpr target, ValueId value) => LowerAssign(target, () => value);

    /// `target = value`: the target's object and index are evaluated before the value, as Haxe does
    /// (`a[f()] = g()` calls f first).
    private ValueId LowerAssign(TExpr target, Func<ValueId> lowerValue)
    {
        switch (target)
        {
            case TLocal l:
            {
                var value = lowerValue();
                WriteLocal(l.Local, value);
                return value;
            }
            case TStaticField sf:
            {
                var value = lowerValue();
                _b.GStore(IsDynamicVar(sf.Field) ? DynamicVarOf(sf.Field) : sf.Field.FullName, value);
                return value;
            }
            case TIndex ix:
                return LowerIndexSet(ix, lowerValue);
            case TMapIndex mi:
                return LowerMapIndexSet(mi, lowerValue);
            case TInstanceField inf:
                return LowerFieldSet(inf, lowerValue);
            case TDynField df:
                return LowerDynSet(df, lowerValue);
            default:
                Error(target.Span, "This assignment cannot be compiled yet");
                return lowerValue();
        }
    }

    // ---- control flow ----

    private void Jump(Block target, List<ValueId>? args = null)
    {
        _b.Br(target, args);
        _ssa.AddEdge(_b.Current, target);
    }

    private void BranchIf(ValueId cond, Block then, Block els)
    {
        _b.BrIf(cond, then, els);
        _ssa.AddEdge(_b.Current, then);
        _ssa.AddEdge(_b.Current, els);
    }

    /// Code after return/break/continue goes to a block nothing jumps to.
    private void StartDeadBlock()
    {
        var dead = _fn.NewBlock();
        _ssa.Seal(dead);
        _b.Current = dead;
    }

    private void SwitchTo(Block b) => _b.Current = b;

    /// A pointer that is null when `isNull` holds, else what `otherwise` computes (in its own block).
    private ValueId NullWhen(ValueId isNull, Func<ValueId> otherwise) => Choose(isNull, MirType.Ptr, _b.Null, otherwise);

    /// `cond ? then() : otherwise()` as a value of type `t`: each side is lowered in its own block.
    private ValueId Choose(ValueId cond, MirType t, Func<ValueId> then, Func<ValueId> otherwise)
    {
        var yes = _fn.NewBlock();
        var no = _fn.NewBlock();
        var join = _fn.NewBlock();
        var result = _fn.AddParam(join, t);
        BranchIf(cond, yes, no);
        _ssa.Seal(yes);
        _ssa.Seal(no);
        SwitchTo(yes);
        Jump(join, [then()]);
        SwitchTo(no);
        Jump(join, [otherwise()]);
        _ssa.Seal(join);
        SwitchTo(join);
        return result;
    }

    private ValueId LowerIf(TIf ie)
    {
        var cond = LowerValue(ie.Cond);
        var then = _fn.NewBlock();
        var els = _fn.NewBlock();
        var join = _fn.NewBlock();
        var type = MirTypeOf(ie.Type);
        var hasValue = ie.Else != null && type != MirType.Void;
        var result = hasValue ? _fn.AddParam(join, type) : ValueId.None;
        BranchIf(cond, then, els);
        _ssa.Seal(then);
        _ssa.Seal(els);
        SwitchTo(then);
        var tv = hasValue ? LowerValue(ie.Then) : LowerExpr(ie.Then);
        if (!_b.Terminated) Jump(join, hasValue ? [tv] : null);
        SwitchTo(els);
        if (ie.Else != null)
        {
            var ev = hasValue ? LowerValue(ie.Else) : LowerExpr(ie.Else);
            if (!_b.Terminated) Jump(join, hasValue ? [ev] : null);
        }
        else Jump(join);
        _ssa.Seal(join);
        SwitchTo(join);
        return result;
    }

    private void LowerWhile(TWhile w)
    {
        var header = _fn.NewBlock();
        var body = _fn.NewBlock();
        var exit = _fn.NewBlock();
        var cont = w.DoWhile ? _fn.NewBlock() : header;
        Jump(w.DoWhile ? body : header);
        SwitchTo(header);
        var cond = LowerValue(w.Cond);
        BranchIf(cond, body, exit);
        if (!w.DoWhile) _ssa.Seal(body);
        SwitchTo(body);
        _loops.Add((exit, cont));
        LowerExpr(w.Body);
        _loops.RemoveAt(_loops.Count - 1);
        if (!_b.Terminated) Jump(cont);
        if (w.DoWhile)
        {
            // do-while: body → cont → header(cond) → body | exit
            _ssa.Seal(cont);
            SwitchTo(cont);
            Jump(header);
            _ssa.Seal(body);
        }
        _ssa.Seal(header);
        _ssa.Seal(exit);
        SwitchTo(exit);
    }

    /// `for (i in from...to)`: both bounds evaluated once, the variable fresh each iteration.
    private void LowerForRange(TForRange fr)
    {
        const int counter = -1000; // a hidden variable id per nesting level below
        var iv = counter - _loops.Count;
        var endv = iv - 500;
        var from = LowerValue(fr.From);
        var to = LowerValue(fr.To);
        _ssa.Write(iv, _b.Current, from);
        _ssa.Write(endv, _b.Current, to);
        var header = _fn.NewBlock();
        var body = _fn.NewBlock();
        var step = _fn.NewBlock();
        var exit = _fn.NewBlock();
        Jump(header);
        SwitchTo(header);
        var i = _ssa.Read(iv, MirType.I32, header);
        var end = _ssa.Read(endv, MirType.I32, header);
        BranchIf(_b.Cmp(Opcode.ICmp, Cond.Lt, i, end), body, exit);
        _ssa.Seal(body);
        SwitchTo(body);
        BindLocal(fr.Var, i);
        _loops.Add((exit, step));
        LowerExpr(fr.Body);
        _loops.RemoveAt(_loops.Count - 1);
        if (!_b.Terminated) Jump(step);
        _ssa.Seal(step);
        SwitchTo(step);
        var cur = _ssa.Read(iv, MirType.I32, step);
        _ssa.Write(iv, step, _b.Op(Opcode.IAdd, MirType.I32, cur, _b.IConst(1)));
        Jump(header);
        _ssa.Seal(header);
        _ssa.Seal(exit);
        SwitchTo(exit);
    }

    /// <summary>
    /// The initializer of a `static inline var` when it is a constant expression of Int, Float, Bool
    /// or String literals (operators, Int-to-Float casts, other such vars); null otherwise.
    /// </summary>
    private TExpr? InlineConstant(FieldSymbol f) =>
        f is { IsStatic: true, IsInline: true, Kind: FieldKindTag.Var, Body: { } body } && IsConstantExpr(body, 0) ? body : null;

    private bool IsConstantExpr(TExpr e, int depth) => depth < 16 && e switch
    {
        TConst { Value: int or double or bool or string } => true,
        TBinary b => IsBasic(b) && IsBasic(b.Left) && IsBasic(b.Right)
            && b.Op is not (BinaryOp.Interval or BinaryOp.Arrow or BinaryOp.NullCoal or BinaryOp.Assign or BinaryOp.AssignOp)
            && IsConstantExpr(b.Left, depth + 1) && IsConstantExpr(b.Right, depth + 1),
        TUnary u => IsBasic(u.Operand) && IsConstantExpr(u.Operand, depth + 1),
        TCast { Kind: CastKind.IntToFloat } c => IsConstantExpr(c.Value, depth + 1),
        TStaticField sf => InlineConstant(sf.Field) is { } v && IsConstantExpr(v, depth + 1),
        _ => false,
    };

    private bool IsBasic(TExpr e) => _core.IsInt(e.Type) || _core.IsFloat(e.Type) || _core.IsBool(e.Type);
}
