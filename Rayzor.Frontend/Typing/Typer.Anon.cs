using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private TExpr TypeObjectLiteral(ObjectLiteral o, HType? expected)
    {
        if (expected?.Follow() is TInst { Class: var sc } si && sc.HasMeta(":structInit")) return TypeStructInit(o, si);
        var exp = expected?.Follow() as TAnon;
        var fields = new List<(string, TExpr)>();
        var types = new List<AnonField>();
        foreach (var f in o.Fields)
        {
            var wantField = exp?.Find(f.Name);
            var want = wantField?.Type;
            var v = TypeExpr(f.Value, want ?? new TMono());
            var before = _diags.Items.Count;
            if (want != null) v = Coerce(v, want, f.Value.Span);
            // an optional field is a Null<T> to Haxe
            if (wantField is { Optional: true } && _diags.Items.Count > before) ShowAsNullable(before, want!);
            fields.Add((f.Name, v));
            types.Add(new AnonField(f.Name, want ?? v.Type, false));
        }
        var type = new TAnon(types) { Literal = true };
        if (exp != null)
        {
            // a literal must have the structure's fields, and no others (Haxe lists names in descending order)
            var missing = exp.Fields.Where(f => !f.Optional && o.Fields.All(x => x.Name != f.Name)).Select(f => f.Name).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
            if (missing.Count == 1) Error(o.Span, $"Object requires field {missing[0]}");
            else if (missing.Count > 1) Error(o.Span, "Object requires fields: " + string.Join(", ", missing));
            var extra = o.Fields.FirstOrDefault(x => exp.Find(x.Name) == null);
            if (missing.Count == 0 && extra != null) { Error(o.Span, $"{type} has extra field {extra.Name}"); return Poisoned(o.Span); }
        }
        return new TObjectDecl(o.Span, type, fields);
    }

    /// <summary>
    /// `{name: "x"}` where a `@:structInit` class is expected: its constructor called with the
    /// fields by argument name (up to the first one missing, the rest left to their defaults), or,
    /// for a class without one, an instance whose variables get the fields or, when absent, their
    /// initializers (as the constructor Haxe generates would).
    /// </summary>
    private TExpr TypeStructInit(ObjectLiteral o, TInst si)
    {
        var sc = si.Class;
        BuildClassHeader(sc);
        UseClass(sc);
        var given = o.Fields.ToDictionary(f => f.Name, f => f.Value);
        if (sc.Constructor is { Decl.Kind: MethodField ctor })
        {
            var args = new List<Expr>();
            foreach (var a in ctor.Function.Args)
            {
                if (!given.Remove(a.Name, out var v)) break;
                args.Add(v);
            }
            foreach (var extra in given.Keys)
                Error(o.Span, $"{sc.Name} has no constructor argument {extra} before a missing one");
            var path = new PathTypeHint(o.Span, sc.Module.Pack, sc.Module.Name, sc.Name == sc.Module.Name ? null : sc.Name, []);
            return TypeExpr(new NewExpr(o.Span, path, args), si);
        }
        if (_loader.Load("Type")?.MainType is not ClassSymbol typeCls) return Unsupported(o.Span, "@:structInit without a constructor");
        BuildClassHeader(typeCls);
        if (!typeCls.Statics.TryGetValue("createEmptyInstance", out var empty)) return Unsupported(o.Span, "@:structInit without a constructor");
        var make = new TCall(o.Span, TDynamic.Instance, StaticFieldExpr(o.Span, typeCls, empty), [new TTypeRef(o.Span, new TTypeExpr(sc), sc)]);
        var self = DeclareLocal("`struct" + _nextLocalId, si, o.Span);
        var exprs = new List<TExpr> { new TVar(o.Span, _core.Void, self, new TCast(o.Span, si, make, CastKind.Retype)) };
        foreach (var f in sc.DeclaredFields)
        {
            if (f.IsStatic || f.Kind != FieldKindTag.Var || f.Decl.Kind is not VarField vf) continue;
            TExpr value;
            if (given.Remove(f.Name, out var v)) value = Coerce(TypeExpr(v, f.Type!), f.Type!, v.Span);
            else if (vf.Init != null)
            {
                // the initializer is the class's code: typed where the class is
                var saved = (_module, _type);
                (_module, _type) = (sc.Module, sc);
                try { value = Coerce(TypeExpr(vf.Init, f.Type!), f.Type!, vf.Init.Span); }
                finally { (_module, _type) = saved; }
            }
            else if (f.Meta(":optional") != null || _core.NullInner(f.Type!) != null || !_core.IsBasic(f.Type!)) continue;
            else
            {
                Error(o.Span, $"Object requires field {f.Name}");
                continue;
            }
            exprs.Add(new TAssign(o.Span, f.Type!, InstanceFieldExpr(o.Span, new TLocal(o.Span, self), f), value));
        }
        foreach (var extra in given.Keys) Error(o.Span, $"{sc.Name} has no field {extra}");
        exprs.Add(new TLocal(o.Span, self));
        return new TBlock(o.Span, si, exprs);
    }

    /// The Haxe classes whose static functions are the members of the built-in types found by
    /// name at run time (Rayzor.Runtime/haxe/_std/rayzor/*Members.hx, docs/abi.md "Members by name").
    public static readonly string[] MemberClasses = ["rayzor.StringMembers", "rayzor.ArrayMembers", "rayzor.StringBufMembers", "rayzor.MapMembers", "rayzor.MapIteratorMembers"];

    private bool _membersUsed;

    /// Compiles the member classes once the program may read a built-in value's field by name: a
    /// field of a Dynamic, reflection, or a String, Array or Map used as a structure.
    private void UseMemberClasses()
    {
        if (_membersUsed) return;
        _membersUsed = true;
        foreach (var name in MemberClasses)
        {
            if (_loader.Load(name)?.MainType is not ClassSymbol cls) continue;
            UseClass(cls);
            foreach (var f in cls.Statics.Values)
                if (f.Kind == FieldKindTag.Method) Enqueue(f);
        }
    }

    /// `e.name` on an anonymous structure (or a class instance seen structurally) or on Dynamic.
    private TExpr TypeDynField(FieldExpr fx, TExpr target)
    {
        // `Null<T>` of a structure (an optional argument): the structure's fields
        var t = _core.NullInner(target.Type)?.Follow() ?? target.Type.Follow();
        // a Dynamic may hold a String, an Array or a Map (a structure only when Coerce saw one go in)
        if (t is not TAnon) UseMemberClasses();
        if (t is TAnon anon)
        {
            var f = anon.Find(fx.Name);
            if (f == null) { Error(fx.NameSpan, WithSuggestions($"{target.Type} has no field {fx.Name}", fx.Name, anon.Fields.Select(x => x.Name))); return Poisoned(fx.Span); }
            return new TDynField(fx.Span, f.Type, target, fx.Name);
        }
        return new TDynField(fx.Span, TDynamic.Instance, target, fx.Name);
    }
}
