using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private TExpr TypeSwitch(SwitchExpr sw, HType? expected)
    {
        var subject = TypeExpr(sw.Subject is ParenExpr p ? p.Inner : sw.Subject, null);
        if (IsPoisoned(subject)) return subject;
        var asValue = expected != null && !_core.IsVoid(expected);
        var cases = new List<TCase>();
        var bodies = new List<TExpr>();
        foreach (var c in sw.Cases)
        {
            PushScope();
            var bound = new Dictionary<string, LocalSymbol>();
            var patterns = c.Patterns.Select(x => TypePattern(x, subject.Type, bound)).ToList();
            var guard = c.Guard != null ? Coerce(TypeExpr(c.Guard, _core.Bool), _core.Bool, c.Guard.Span) : null;
            var body = c.Body != null ? TypeExpr(c.Body, asValue ? expected : null) : null;
            PopScope();
            if (body != null) bodies.Add(body);
            cases.Add(new TCase(patterns, guard, body));
        }
        TExpr? dflt = null;
        if (sw.HasDefault && sw.Default != null) { dflt = TypeExpr(sw.Default, asValue ? expected : null); bodies.Add(dflt); }
        var type = _core.Void;
        if (asValue)
        {
            type = expected!;
            if (Prune(type) is TMono mono)
            {
                if (bodies.Count == 0 || bodies.Any(b => _core.IsVoid(b.Type))) return new TSwitch(sw.Span, _core.Void, subject, cases, dflt);
                type = bodies.Aggregate(bodies[0], (acc, b) => new TConst(b.Span, CommonType(acc, b), null)).Type;
                mono.Bound = type;
            }
            cases = cases.Select(k => k with { Body = k.Body != null ? Coerce(k.Body, type, k.Body.Span) : null }).ToList();
            if (dflt != null) dflt = Coerce(dflt, type, dflt.Span);
        }
        return new TSwitch(sw.Span, type, subject, cases, dflt);
    }

    /// Interprets a case expression as a pattern against a value of type `t`.
    private TPattern TypePattern(Expr e, HType t, Dictionary<string, LocalSymbol> bound)
    {
        switch (e)
        {
            case ParenExpr p: return TypePattern(p.Inner, t, bound);
            case IdentExpr { Name: "_" }: return new PWild();
            case BinaryExpr { Op: BinaryOp.Or } or:
                return new POr([TypePattern(or.Left, t, bound), TypePattern(or.Right, t, bound)]);
            case BinaryExpr { Op: BinaryOp.Assign, Left: IdentExpr name } bind:
                return new PBindAs(Bind(name.Name, t, name.Span, bound), TypePattern(bind.Right, t, bound));
            case VarExpr { Vars.Count: 1 } v:
                return new PBind(Bind(v.Vars[0].Name, t, v.Span, bound));
            case IdentExpr { Name: "null" } n: return new PConst(new TConst(n.Span, t, null));
            case IdentExpr id when t.Follow() is TEnum te && EnumCtor(te, id.Name) is { } ctor:
                return new PEnum(ctor, [], []);
            case IdentExpr id when id.Name is "true" or "false": return new PConst(new TConst(id.Span, _core.Bool, id.Name == "true"));
            case IdentExpr id when char.IsLower(id.Name[0]) || id.Name[0] == '_':
                return new PBind(Bind(id.Name, t, id.Span, bound));
            case CallExpr { Callee: IdentExpr cid } call when t.Follow() is TEnum te2 && EnumCtor(te2, cid.Name) is { } ctor2:
                return EnumPattern(ctor2, te2, call.Args, bound, call.Span);
            case CallExpr { Callee: FieldExpr { Target: IdentExpr, Name: var cname } } call2 when t.Follow() is TEnum te3 && EnumCtor(te3, cname) is { } ctor3:
                return EnumPattern(ctor3, te3, call2.Args, bound, call2.Span);
            case FieldExpr { Name: var fname } when t.Follow() is TEnum te4 && EnumCtor(te4, fname) is { } ctor4:
                return new PEnum(ctor4, [], []);
            case ArrayLiteral arr when ArrayElem(t) is { } elem:
                return new PArray(arr.Items.Select(x => TypePattern(x, elem, bound)).ToList(), elem);
            case ObjectLiteral obj when StructFieldType(t, obj.Fields.Count > 0 ? obj.Fields[0].Name : "") is not null || obj.Fields.Count == 0:
            {
                var fields = new List<(string, TPattern, HType)>();
                foreach (var f in obj.Fields)
                {
                    if (StructFieldType(t, f.Name) is not { } ft) { Error(f.Value.Span, $"{t} has no field {f.Name}"); continue; }
                    fields.Add((f.Name, TypePattern(f.Value, ft, bound), ft));
                }
                return new PStruct(fields);
            }
            case IntLiteral or FloatLiteral or StringLiteral or UnaryExpr { Op: UnaryOp.Neg }:
            {
                var v = TypeExpr(e, t);
                if (_core.IsFloat(t) && _core.IsInt(v.Type)) v = Coerce(v, t, e.Span);
                if (!Unify(v.Type, t)) Error(e.Span, $"{v.Type} should be {t}");
                return new PConst(v);
            }
            default:
            {
                // an expression pattern: a constant or an enum-abstract value
                var v = TypeExpr(e, t);
                if (IsPoisoned(v)) return new PWild();
                if (v is TEnumValue ev) return new PEnum(ev.Ctor, [], []);
                return new PConst(Coerce(v, t, e.Span));
            }
        }
    }

    /// The type of a field a structure pattern names: of an anonymous structure or a class instance.
    private HType? StructFieldType(HType t, string name) => t.Follow() switch
    {
        TAnon a => a.Find(name)?.Type,
        TInst i when i.Class.FindField(name) is { Kind: not FieldKindTag.Method } f => InstParamsFor(i, (ClassSymbol)f.Owner) is var ps && ps.Count > 0 ? TypeSubst.Apply(f.Type!, ((ClassSymbol)f.Owner).Params, ps) : f.Type,
        _ => null,
    };

    private EnumCtorSymbol? EnumCtor(TEnum te, string name)
    {
        BuildEnum(te.Enum);
        UseEnum(te.Enum);
        return te.Enum.Constructors.FirstOrDefault(c => c.Name == name);
    }

    private TPattern EnumPattern(EnumCtorSymbol ctor, TEnum te, IReadOnlyList<Expr> args, Dictionary<string, LocalSymbol> bound, TextSpan span)
    {
        var fun = (TFun)TypeSubst.Apply(ctor.Type!, ctor.Owner.Params, te.Params);
        if (args.Count != fun.Args.Count) Error(span, $"Wrong number of arguments for {ctor.Name}: expected {fun.Args.Count}");
        var subs = new List<TPattern>();
        for (var i = 0; i < Math.Min(args.Count, fun.Args.Count); i++) subs.Add(TypePattern(args[i], fun.Args[i].Type, bound));
        // the declared (erased) argument types decide how arguments are stored
        var declared = ((TFun)ctor.Type!).Args.Select(a => a.Type).ToList();
        return new PEnum(ctor, subs, declared);
    }

    /// A pattern variable; the same name in several alternatives of an or-pattern is one local.
    private LocalSymbol Bind(string name, HType t, TextSpan span, Dictionary<string, LocalSymbol> bound)
    {
        if (bound.TryGetValue(name, out var existing)) return existing;
        var l = DeclareLocal(name, t, span);
        bound[name] = l;
        return l;
    }
}
