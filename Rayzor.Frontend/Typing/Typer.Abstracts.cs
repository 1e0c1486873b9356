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
}
