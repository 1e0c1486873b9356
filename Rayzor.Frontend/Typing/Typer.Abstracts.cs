using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

/// User abstracts: a compile-time type over an underlying one. Values are the underlying values;
/// instance methods are functions taking the value as `this`; `enum abstract` values are constants.
public sealed partial class Typer
{
    private readonly List<AbstractSymbol> _abstracts = new();

    private void BuildAbstractHeader(AbstractSymbol a)
    {
        if (a.HeaderBuilt) return;
        a.HeaderBuilt = true;
        var saved = (_module, _type);
        var savedScopes = _typeParamScopes.ToList();
        _module = a.Module;
        _type = a;
        if (a.Params.Count == 0) foreach (var p in a.Decl.Params) a.Params.Add(new TParam(p.Name, []));
        _typeParamScopes.Clear();
        _typeParamScopes.Add(a.Params);
        // `abstract HashMap<K:{function hashCode():Int;}, V>`: `k.hashCode()` in its functions
        ResolveConstraints(a.Decl.Params, a.Params);
        if (a.Decl.Underlying != null) a.Underlying = ResolveHint(a.Decl.Underlying);
        foreach (var h in a.Decl.From) a.From.Add(ResolveHint(h));
        foreach (var h in a.Decl.To) a.To.Add(ResolveHint(h));
        var self = new TAbstract(a, a.Params.Cast<HType>().ToList());
        var next = 0;
        foreach (var fd in a.Decl.Fields)
        {
            var isValue = a.Decl.IsEnum && fd.Kind is VarField;
            var isStatic = (fd.Modifiers & Modifiers.Static) != 0 || isValue || fd.Name == "new";
            var f = new FieldSymbol(a, fd.Name, fd, isStatic);
            if (isStatic) a.Statics[fd.Name] = f; else a.Fields[fd.Name] = f;
            BuildFieldType(f);
            if (isValue)
            {
                // `var Red = 0xFF0000;` or `var Add;` (0, 1, 2... for Int, the name for String)
                f.Type = self;
                var init = ((VarField)fd.Kind).Init;
                f.Body = init != null
                    ? new TCast(fd.Span, self, TypeExpr(init, a.Underlying), CastKind.Retype)
                    : new TCast(fd.Span, self, _core.IsString(a.Underlying ?? _core.Int) ? new TConst(fd.Span, _core.String, fd.Name) : new TConst(fd.Span, _core.Int, next), CastKind.Retype);
                if (f.Body is TCast { Value: TConst { Value: int iv } }) next = iv + 1; else next++;
                f.Typed = true;
            }
            else if (fd.Name == "new" && f.Type is TFun ft) f.Type = new TFun(ft.Args, self);
        }
        (_module, _type) = saved;
        _typeParamScopes.Clear();
        _typeParamScopes.AddRange(savedScopes);
    }

    private void UseAbstract(AbstractSymbol a)
    {
        if (!_abstracts.Contains(a)) _abstracts.Add(a);
    }

    /// `A.field` on an abstract type: an `enum abstract` value or a static function.
    private TExpr? AbstractStatic(TextSpan span, AbstractSymbol a, string name)
    {
        BuildAbstractHeader(a);
        if (!a.Statics.TryGetValue(name, out var f)) return null;
        if (f.Body != null && a.Decl.IsEnum && f.Kind == FieldKindTag.Var) return f.Body with { Span = span };
        UseAbstract(a);
        EnsureTyped(f);
        Enqueue(f);
        return new TStaticField(span, f.Type!, f);
    }

    /// `value.method` on an abstract value: its own instance function, else (with @:forward) the underlying type's field.
    private TExpr? AbstractMember(FieldExpr fx, TExpr target, TAbstract ta)
    {
        var a = ta.Abstract;
        BuildAbstractHeader(a);
        if (a.Fields.TryGetValue(fx.Name, out var f))
        {
            UseAbstract(a);
            EnsureTyped(f);
            Enqueue(f);
            var type = a.Params.Count > 0 ? TypeSubst.Apply(f.Type!, a.Params, ta.Params) : f.Type!;
            return ReadProperty(new TInstanceField(fx.Span, type, target, f));
        }
        if (a.Underlying != null && a.HasMeta(":forward"))
        {
            var under = TypeSubst.Apply(a.Underlying, a.Params, ta.Params);
            return TypeFieldOf(fx, new TCast(target.Span, under, target, CastKind.Retype));
        }
        // `@:op(a.b) function resolve(name:String)`: a field the abstract does not have is read
        // through it, its name as a String (haxe.xml.Access: `access.node.item`)
        if (!_lvalue)
            foreach (var (op, pattern) in OperatorFunctions(a))
                if (pattern is FieldExpr { Target: IdentExpr, Name: "b" } && !op.IsStatic && op.Decl.Kind is MethodField { Function.Args.Count: 1 })
                    return CallOperator(fx.Span, op, ta, target, [new TConst(fx.NameSpan, _core.String, fx.Name)]);
        return null;
    }

    /// Implicit conversions through `@:from` static functions of the expected abstract or `@:to`
    /// methods of the actual one.
    private TExpr? AbstractConversion(TExpr e, HType expected)
    {
        if (expected.Follow() is TAbstract { Abstract: { IsCoreType: false } ea })
        {
            BuildAbstractHeader(ea);
            foreach (var f in ea.Statics.Values)
                if (f.Meta(":from") != null && f.Type is TFun { Args.Count: 1 } ft && CanUnify(e.Type, ft.Args[0].Type))
                {
                    UseAbstract(ea);
                    EnsureTyped(f);
                    Enqueue(f);
                    return new TCall(e.Span, expected, new TStaticField(e.Span, f.Type!, f), [Coerce(e, ft.Args[0].Type, e.Span)]);
                }
        }
        if (e.Type.Follow() is TAbstract { Abstract: { IsCoreType: false } aa })
        {
            BuildAbstractHeader(aa);
            foreach (var f in aa.Fields.Values)
                if (f.Meta(":to") != null && f.Type is TFun { Args.Count: 0 } ft && CanUnify(ft.Return, expected))
                {
                    UseAbstract(aa);
                    EnsureTyped(f);
                    Enqueue(f);
                    return new TCall(e.Span, ft.Return, new TInstanceField(e.Span, f.Type!, e, f), []);
                }
        }
        return null;
    }

    /// Unification without binding anything (a trial).
    private bool CanUnify(HType a, HType b)
    {
        var pa = Prune(a); var pb = Prune(b);
        if (pa is TMono || pb is TMono) return false;
        return Unify(pa, pb);
    }

    // ---- operator overloading (`@:op`) ----

    private static bool IsUserAbstract(HType t) => t.Follow() is TAbstract { Abstract.IsCoreType: false };

    /// `left op right` (or `left op= right` when `assign`) through an `@:op` function of an operand's
    /// abstract: the left operand's abstract first, in declaration order; `@:commutative` functions
    /// also match with the operands swapped. Null when none applies.
    private TExpr? AbstractBinaryOp(TextSpan span, BinaryOp op, TExpr left, TExpr right, bool assign)
    {
        foreach (var side in new[] { left, right })
        {
            if (side.Type.Follow() is not TAbstract { Abstract: { IsCoreType: false } a } ta) continue;
            BuildAbstractHeader(a);
            foreach (var (f, pattern) in OperatorFunctions(a))
            {
                var matches = assign ? pattern is AssignOpExpr ao && ao.Op == op : pattern is BinaryExpr be && be.Op == op;
                if (!matches || f.Type is not TFun ft) continue;
                if (!f.IsStatic)
                {
                    // `this` is the left operand
                    if (ft.Args.Count == 1 && ReferenceEquals(side, left) && CanUnify(right.Type, ft.Args[0].Type))
                        return CallOperator(span, f, ta, left, [right]);
                    continue;
                }
                if (ft.Args.Count != 2) continue;
                if (CanUnify(left.Type, ft.Args[0].Type) && CanUnify(right.Type, ft.Args[1].Type))
                    return IsForwardedOperator(f) ? ForwardOperator(span, op, f, ft, left, right) : CallOperator(span, f, null, null, [left, right]);
                if (f.Meta(":commutative") != null && CanUnify(right.Type, ft.Args[0].Type) && CanUnify(left.Type, ft.Args[1].Type))
                    return IsForwardedOperator(f) ? ForwardOperator(span, op, f, ft, right, left) : CallOperator(span, f, null, null, [right, left]);
            }
        }
        return null;
    }

    /// An `@:op` function declared without a body (`@:op(A < B) static function lt(a:Int32, b:Int32):Bool;`):
    /// Haxe applies the operator of the underlying types.
    private static bool IsForwardedOperator(FieldSymbol f) =>
        f.Decl.Kind is MethodField { Function.Body: null } && f.Owner is AbstractSymbol { Underlying: not null };

    /// `left op right` on the operands as their underlying types, the result retyped to the function's.
    private TExpr ForwardOperator(TextSpan span, BinaryOp op, FieldSymbol f, TFun ft, TExpr left, TExpr right)
    {
        TExpr AsUnderlying(TExpr e, HType param) =>
            param.Follow() is TAbstract { Abstract: { IsCoreType: false, Underlying: { } u } } ? new TCast(e.Span, u, Coerce(e, param, e.Span), CastKind.Retype) : Coerce(e, param, e.Span);
        var result = MakeBinary(span, op, AsUnderlying(left, ft.Args[0].Type), AsUnderlying(right, ft.Args[1].Type));
        if (IsPoisoned(result)) return result;
        return ft.Return.Follow() is TAbstract { Abstract.IsCoreType: false } ? new TCast(span, ft.Return, result, CastKind.Retype) : Coerce(result, ft.Return, span);
    }

    /// `op operand` (`-a`, `!a`, `a++`...) through an `@:op` function of the operand's abstract, or null.
    private TExpr? AbstractUnaryOp(TextSpan span, UnaryOp op, bool postfix, TExpr operand)
    {
        if (operand.Type.Follow() is not TAbstract { Abstract: { IsCoreType: false } a } ta) return null;
        BuildAbstractHeader(a);
        foreach (var (f, pattern) in OperatorFunctions(a))
        {
            if (pattern is not UnaryExpr ue || ue.Op != op || ue.Postfix != postfix || f.Type is not TFun ft) continue;
            var takesOperand = f.IsStatic ? ft.Args.Count == 1 && CanUnify(operand.Type, ft.Args[0].Type) : ft.Args.Count == 0;
            if (!takesOperand) continue;
            // a bodiless `-A`, `~A` or `!A`: the underlying type's operator
            if (IsForwardedOperator(f) && op is UnaryOp.Neg or UnaryOp.BitNot or UnaryOp.Not && a.Underlying is { } u)
            {
                var inner = new TCast(operand.Span, u, f.IsStatic ? Coerce(operand, ft.Args[0].Type, operand.Span) : operand, CastKind.Retype);
                var type = op == UnaryOp.Not ? _core.Bool : op == UnaryOp.BitNot ? _core.Int : u;
                return new TCast(span, ft.Return, new TUnary(span, type, op, inner), CastKind.Retype);
            }
            return f.IsStatic ? CallOperator(span, f, null, null, [operand]) : CallOperator(span, f, ta, operand, []);
        }
        return null;
    }

    /// The `@:op(...)` functions of an abstract with their operator expressions, in declaration order.
    private static IEnumerable<(FieldSymbol Field, Expr Pattern)> OperatorFunctions(AbstractSymbol a)
    {
        foreach (var fd in a.Decl.Fields)
        {
            if (fd.Meta.FirstOrDefault(m => m.Name == ":op") is not { Args: [var pattern] }) continue;
            while (pattern is ParenExpr p) pattern = p.Inner;
            var f = a.Statics.TryGetValue(fd.Name, out var sf) && sf.Decl == fd ? sf : a.Fields.TryGetValue(fd.Name, out var inf) && inf.Decl == fd ? inf : null;
            if (f != null) yield return (f, pattern);
        }
    }

    private TExpr CallOperator(TextSpan span, FieldSymbol f, TAbstract? self, TExpr? receiver, IReadOnlyList<TExpr> args)
    {
        var a = (AbstractSymbol)f.Owner;
        UseAbstract(a);
        EnsureTyped(f);
        Enqueue(f);
        var type = self != null && a.Params.Count > 0 ? TypeSubst.Apply(f.Type!, a.Params, self.Params) : f.Type!;
        var fun = (TFun)type;
        var coerced = args.Select((e, i) => Coerce(e, fun.Args[i].Type, e.Span)).ToList();
        TExpr callee = receiver != null ? new TInstanceField(span, type, receiver, f) : new TStaticField(span, type, f);
        return new TCall(span, Prune(fun.Return), callee, coerced);
    }

    // ---- `@:arrayAccess` ----

    /// `a[key]` on an abstract: its `@:arrayAccess` getter whose argument takes the key (as an
    /// assignment target, a TAbstractIndex the assignment turns into the setter).
    private TExpr TypeAbstractIndex(IndexExpr ix, TExpr target)
    {
        var ta = (TAbstract)target.Type.Follow();
        BuildAbstractHeader(ta.Abstract);
        var key = TypeExpr(ix.Index, null);
        if (IsPoisoned(key)) return key;
        if (ArrayAccessor(ta, key, 1) is not { } getter)
        {
            if (_lvalue && ArrayAccessor(ta, key, 2) is { } setter)
                return new TAbstractIndex(ix.Span, ((TFun)setter.Type!).Args[1].Type, target, key);
            Error(ix.Span, $"Array access is not allowed on {target.Type}");
            return Poisoned(ix.Span);
        }
        var get = CallOperator(ix.Span, getter, ta, target, [key]);
        return _lvalue ? new TAbstractIndex(ix.Span, get.Type, target, key) : get;
    }

    /// `a[key] = value` through the abstract's `@:arrayAccess` setter.
    private TExpr AbstractIndexAssign(TAbstractIndex ai, TExpr value, TextSpan span)
    {
        var ta = (TAbstract)ai.Target.Type.Follow();
        if (ArrayAccessor(ta, ai.Key, 2) is not { } setter)
        {
            Error(span, $"Array access is not allowed on {ai.Target.Type} for writing");
            return Poisoned(span);
        }
        return CallOperator(span, setter, ta, ai.Target, [ai.Key, value]);
    }

    private FieldSymbol? ArrayAccessor(TAbstract ta, TExpr key, int arity)
    {
        foreach (var fd in ta.Abstract.Decl.Fields)
        {
            if (!fd.Meta.Any(m => m.Name == ":arrayAccess")) continue;
            var f = ta.Abstract.Fields.GetValueOrDefault(fd.Name) ?? ta.Abstract.Statics.GetValueOrDefault(fd.Name);
            if (f is not { IsStatic: false } || f.Decl != fd || f.Type is not TFun ft || ft.Args.Count != arity) continue;
            var arg = ta.Abstract.Params.Count > 0 ? TypeSubst.Apply(ft.Args[0].Type, ta.Abstract.Params, ta.Params) : ft.Args[0].Type;
            if (CanUnify(key.Type, arg)) return f;
        }
        return null;
    }
}
