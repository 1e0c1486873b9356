using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private readonly List<EnumSymbol> _enums = new();

    /// Enums whose values the program creates, in first-use order.
    public IReadOnlyList<EnumSymbol> Enums => _enums;

    private void BuildEnum(EnumSymbol e)
    {
        if (e.Constructors.Count > 0 || e.Decl.Constructors.Count == 0) return;
        var saved = (_module, _type);
        var savedScopes = _typeParamScopes.ToList();
        _module = e.Module;
        _type = e;
        if (e.Params.Count == 0) foreach (var p in e.Decl.Params) e.Params.Add(new TParam(p.Name, []));
        _typeParamScopes.Clear();
        _typeParamScopes.Add(e.Params);
        var self = new TEnum(e, e.Params.Cast<HType>().ToList());
        for (var i = 0; i < e.Decl.Constructors.Count; i++)
        {
            var d = e.Decl.Constructors[i];
            var ctor = new EnumCtorSymbol(e, d.Name, i, d);
            e.Constructors.Add(ctor);
        }
        foreach (var ctor in e.Constructors)
        {
            var d = ctor.Decl;
            ctor.Type = d.Args == null ? self
                : new TFun(d.Args.Select(a => new FunArg(a.Name, a.Optional, a.Type != null ? ParamHint(a) : TDynamic.Instance)).ToList(), self);
        }
        (_module, _type) = saved;
        _typeParamScopes.Clear();
        _typeParamScopes.AddRange(savedScopes);
    }

    private void UseEnum(EnumSymbol e)
    {
        BuildEnum(e);
        if (!_enums.Contains(e)) _enums.Add(e);
    }

    /// An enum constructor visible by its bare name: from enums of this module and of imports.
    private EnumCtorSymbol? FindCtorByName(string name, HType? expected)
    {
        if (expected?.Follow() is TEnum te)
        {
            BuildEnum(te.Enum);
            if (te.Enum.Constructors.FirstOrDefault(c => c.Name == name) is { } fromExpected) return fromExpected;
        }
        IEnumerable<TypeSymbol> candidates = _module.Types;
        foreach (var imp in _module.Syntax.Imports)
        {
            if (imp.Wildcard) continue;
            if (ResolveImportPath(imp.Path) is { } t) candidates = candidates.Append(t);
            var m = _loader.Load(string.Join('.', imp.Path));
            if (m != null) candidates = candidates.Concat(m.Types);
        }
        foreach (var t in candidates)
            if (t is EnumSymbol e && e.Decl.Constructors.Any(c => c.Name == name))
            {
                BuildEnum(e);
                return e.Constructors.First(c => c.Name == name);
            }
        return null;
    }

    /// A value of an `enum abstract` of this module or an import, by its bare name.
    private TExpr? FindEnumAbstractValue(TextSpan span, string name)
    {
        IEnumerable<TypeSymbol> candidates = _module.Types;
        foreach (var imp in _module.Syntax.Imports)
        {
            if (imp.Wildcard) continue;
            if (ResolveImportPath(imp.Path) is { } t) candidates = candidates.Append(t);
            if (_loader.Load(string.Join('.', imp.Path)) is { } m) candidates = candidates.Concat(m.Types);
        }
        foreach (var t in candidates)
            if (t is AbstractSymbol { Decl.IsEnum: true } a && a.Decl.Fields.Any(f => f.Name == name && f.Kind is VarField))
                return AbstractStatic(span, a, name);
        return null;
    }

    /// A constructor as an expression: a value when it has no arguments, else something to call.
    private TExpr CtorExpr(TextSpan span, EnumCtorSymbol ctor)
    {
        UseEnum(ctor.Owner);
        var fresh = ctor.Owner.Params.Select(_ => (HType)new TMono()).ToList();
        var type = TypeSubst.Apply(ctor.Type!, ctor.Owner.Params, fresh);
        return ctor.Decl.Args == null ? new TEnumValue(span, type, ctor, []) : new TEnumCtorRef(span, type, ctor);
    }

    /// `Ctor(args)`: the enum's type parameters come from the expected type first (`return Ok(v)` in a
    /// function returning `Result<Int, String>`), then from the arguments, as in Haxe.
    private TExpr ApplyCtor(CallExpr c, TEnumCtorRef r, HType? expected)
    {
        var fun = (TFun)r.Type;
        if (expected?.Follow() is TEnum want && fun.Return.Follow() is TEnum have && want.Enum == have.Enum)
            for (var i = 0; i < have.Params.Count; i++)
                if (Prune(have.Params[i]) is TMono) Unify(have.Params[i], want.Params[i]);
        var args = TypeArgs(c, fun);
        return new TEnumValue(c.Span, fun.Return, r.Ctor, args);
    }
}
