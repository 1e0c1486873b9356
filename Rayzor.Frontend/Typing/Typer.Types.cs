using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    // ---- declarations ----

    private void BuildClassHeader(ClassSymbol c)
    {
        if (c.HeaderBuilt) return;
        c.HeaderBuilt = true;
        var saved = (_module, _type);
        var savedScopes = _typeParamScopes.ToList();
        _module = c.Module;
        _type = c;
        _typeParamScopes.Clear();
        foreach (var p in c.Decl.Params) c.Params.Add(new TParam(p.Name, []));
        _typeParamScopes.Add(c.Params);
        ResolveConstraints(c.Decl.Params, c.Params);
        if (!c.IsInterface && c.Decl.Extends.Count > 0)
        {
            var hint = ResolveHint(c.Decl.Extends[0]);
            if (hint is TInst sup && !sup.Class.IsInterface)
            {
                BuildClassHeader(sup.Class);
                c.Super = sup;
                if ((sup.Class.Decl.Modifiers & Modifiers.Final) != 0 || sup.Class.HasMeta(":final")) Error(c.Decl.Span, "Cannot extend a final class");
            }
            else if (hint is TInst) Error(c.Decl.Extends[0].Span, "Cannot extend by using an interface");
            else if (hint is not TDynamic) Error(c.Decl.Extends[0].Span, "Cannot extend by a non-class type"); // Dynamic: already reported
        }
        foreach (var h in c.IsInterface ? c.Decl.Extends : c.Decl.Implements)
        {
            var hint = ResolveHint(h);
            if (hint is TInst i && i.Class.IsInterface) c.Interfaces.Add(i);
            else if (hint is not TDynamic) Error(h.Span, "You can only implement an interface");
        }
        foreach (var fd in c.Decl.Fields)
        {
            var isStatic = (fd.Modifiers & Modifiers.Static) != 0;
            var f = new FieldSymbol(c, fd.Name, fd, isStatic);
            if (fd.Name == "new" && !isStatic) c.Constructor = f;
            // a duplicate (reported by CheckClass) does not replace the first declaration
            else if (isStatic) c.Statics.TryAdd(fd.Name, f);
            else c.Fields.TryAdd(fd.Name, f);
            c.DeclaredFields.Add(f);
        }
        foreach (var f in c.DeclaredFields) BuildFieldType(f);
        InferFromInterfaces(c);
        (_module, _type) = saved;
        _typeParamScopes.Clear();
        _typeParamScopes.AddRange(savedScopes);
    }

    /// `T:C`, `T:A & B`, `T:{x:Int}`: the constraints of type parameters, once they are in scope.
    /// `Box<String>` where `class Box<T:Float>`: each written type argument must satisfy its
    /// parameter's constraints (Haxe points at the argument).
    private void CheckHintConstraints(PathTypeHint p, TypeSymbol sym, List<HType> args)
    {
        for (var i = 0; i < p.Params.Count && i < sym.Params.Count && i < args.Count; i++)
        {
            var actual = Prune(args[i]);
            if (actual is TMono or TParam || IsDynamicLike(actual)) continue;
            foreach (var k in sym.Params[i].Constraints)
            {
                var want = TypeSubst.Apply(k, sym.Params, args);
                if (want.Follow() is TAnon || CanUnify(actual, want)) continue;
                Error(p.Params[i].Span, $"Constraint check failure for {sym.Name}.{sym.Params[i].Name}");
                Error(p.Params[i].Span, $"... {actual} should be {want}");
                break;
            }
        }
    }

    private void ResolveConstraints(IReadOnlyList<TypeParamDecl> decls, List<TParam> ps)
    {
        for (var i = 0; i < decls.Count && i < ps.Count; i++)
            if (decls[i].Constraints.Count > 0)
                ps[i].Constraints = decls[i].Constraints.SelectMany(h => h is IntersectionTypeHint ih ? ih.Types : [h]).Select(ResolveHint).ToList();
    }

    private void BuildFieldType(FieldSymbol f)
    {
        _typeParamScopes.Add(f.Params);
        switch (f.Decl.Kind)
        {
            case MethodField m:
                foreach (var p in m.Function.Params) f.Params.Add(new TParam(p.Name, []));
                ResolveConstraints(m.Function.Params, f.Params);
                // Extern std functions keep `?a:Int` unboxed: their natives take a sentinel for "omitted".
                var native = f.IsExtern;
                var args = m.Function.Args.Select(a => new FunArg(a.Name, a.Optional || a.Default != null,
                    a.Type != null ? ParamHint(a, boxOptional: !native) : DefaultArgType(a, boxDefaults: false)) { Question = a.Optional }).ToList();
                var ret = m.Function.Return != null ? ResolveHint(m.Function.Return)
                    : f.Name == "new" ? _core.Void
                    : f.IsExtern || m.Function.Body == null ? _core.Void : new TMono();
                f.Type = new TFun(args, ret);
                break;
            case VarField v:
                f.Type = v.Type != null ? ResolveHint(v.Type) : new TMono();
                break;
            case PropertyField p:
                f.Type = p.Type != null ? ResolveHint(p.Type) : new TMono();
                break;
        }
        _typeParamScopes.RemoveAt(_typeParamScopes.Count - 1);
    }

    // ---- type hints ----

    /// Resolves a written type in the current module and type-parameter scope.
    private HType ResolveHint(TypeHint hint)
    {
        switch (hint)
        {
            case PathTypeHint p:
            {
                if (p.Pack.Count == 0 && p.Sub == null)
                    for (var i = _typeParamScopes.Count - 1; i >= 0; i--)
                        foreach (var tp in _typeParamScopes[i])
                            if (tp.Name == p.Name) return tp;
                var sym = ResolveTypePath(p.Pack, p.Name, p.Sub, p.Span);
                if (sym == null)
                {
                    Error(p.Span, $"Type not found : {p.FullName}");
                    return TDynamic.Instance;
                }
                var args = p.Params.Select(ResolveHint).ToList();
                var declared = sym.Decl.Params.Count;
                if (sym != _core?.DynamicSym && args.Count != declared)
                {
                    if (args.Count > declared) Error(p.Params[declared].Span, $"Too many type parameters for {sym.Name}");
                    else Error(p.Span, $"Not enough type parameters for {sym.Name}");
                }
                var made = MakeType(sym, args, p.Span);
                CheckHintConstraints(p, sym, args);
                return made;
            }
            case FunctionTypeHint ft:
            {
                // an optional Int, Float or Bool argument is a `Null<T>`, as in a function's own signature
                var args = ft.Args.Select((a, i) => new FunArg(a.Name ?? "", a.Optional, OptionalArg(ResolveHint(a.Type), a.Optional))).ToList();
                // `Void -> T` is the old syntax for a function without arguments.
                if (args.Count == 1 && _core.IsVoid(args[0].Type)) args.Clear();
                return new TFun(args, ResolveHint(ft.Return));
            }
            case ParenTypeHint pt: return ResolveHint(pt.Inner);
            case OptionalTypeHint ot: return ResolveHint(ot.Inner);
            case NamedTypeHint nt: return ResolveHint(nt.Inner);
            case AnonTypeHint at:
                return new TAnon(at.Fields.Select(f => new AnonField(f.Name,
                    f.Kind switch
                    {
                        VarField { Type: { } t } => ResolveHint(t),
                        PropertyField { Type: { } t } => ResolveHint(t),
                        MethodField m => new TFun(m.Function.Args.Select(a => new FunArg(a.Name, a.Optional || a.Default != null,
                            a.Type != null ? ParamHint(a) : TDynamic.Instance) { Question = a.Optional }).ToList(),
                            m.Function.Return != null ? ResolveHint(m.Function.Return) : _core.Void),
                        _ => TDynamic.Instance,
                    },
                    f.Kind is VarField { Optional: true } || f.Meta.Any(m => m.Name == ":optional"))).ToList());
            case ExtendTypeHint eh:
            {
                var own = (TAnon)ResolveHint(new AnonTypeHint(eh.Span, eh.Fields));
                return MergeAnon(eh.Bases.Select(ResolveHint).Append(own));
            }
            case IntersectionTypeHint ih:
                return MergeAnon(ih.Types.Select(ResolveHint));
            default:
                Error(hint.Span, "This kind of type is not supported yet", "RZ0900");
                return TDynamic.Instance;
        }
    }

    /// `{> A, > B, c:Int}` and `A & B`: the fields of all the structures.
    private static TAnon MergeAnon(IEnumerable<HType> parts)
    {
        var fields = new List<AnonField>();
        foreach (var p in parts)
            if (p.Follow() is TAnon a)
                foreach (var f in a.Fields)
                    if (fields.All(x => x.Name != f.Name)) fields.Add(f);
        return new TAnon(fields);
    }

    /// Makes the type value of a symbol applied to arguments (missing arguments become monomorphs).
    /// A parameter's declared type; `...rest:T` is a `haxe.Rest<T>`.
    private HType ParamHint(ParamDecl a, bool boxOptional = true, bool boxDefaults = false)
    {
        // `?a:Int` without a default is a `Null<Int>`: an omitted argument is null, as in Haxe; so is
        // an Int with a default in a local function, which applies its defaults itself (WithDefaults)
        var t = OptionalArg(ResolveHint(a.Type!), boxOptional && (a.Optional && a.Default == null || boxDefaults && a.Default != null));
        if (!a.IsRest || _loader.Load("haxe.Rest")?.MainType is not AbstractSymbol rest) return t;
        BuildAbstractHeader(rest);
        return MakeType(rest, [t], a.Span);
    }

    /// The type of an argument without a hint from its default value when that is a String or Float
    /// literal (`b = "x"` is a String even where the body adds it to an Int), else unknown until used.
    private HType DefaultArgType(ParamDecl a, bool boxDefaults) => a.Default switch
    {
        StringLiteral or InterpolatedString => _core.String,
        FloatLiteral => boxDefaults ? _core.Null(_core.Float) : _core.Float,
        _ => new TMono(),
    };

    /// An optional Int, Float or Bool argument's type: `Null<T>`.
    private HType OptionalArg(HType t, bool optional) =>
        optional && _core != null && _core.IsBasic(t) && _core.NullInner(t) == null ? _core.Null(t) : t;

    private static bool IsRestType(HType t) => t.Follow() is TAbstract { Abstract.FullName: "haxe.Rest" };

    private HType MakeType(TypeSymbol sym, List<HType> args, TextSpan span)
    {
        if (sym is ClassSymbol c) BuildClassHeader(c);
        if (sym is TypedefSymbol td) BuildTypedef(td);
        if (sym is EnumSymbol en) BuildEnum(en);
        if (sym is AbstractSymbol abs && abs.Decl.Params.Count > 0 && abs.Params.Count == 0)
            foreach (var p in abs.Decl.Params) abs.Params.Add(new TParam(p.Name, []));
        if (sym is AbstractSymbol { IsCoreType: false } userAbs && _core != null) BuildAbstractHeader(userAbs);
        while (args.Count < sym.Decl.Params.Count) args.Add(new TMono());
        return sym switch
        {
            ClassSymbol cs => new TInst(cs, args),
            EnumSymbol es => new TEnum(es, args),
            AbstractSymbol a when a == _core?.DynamicSym => TDynamic.Instance,
            AbstractSymbol a => new TAbstract(a, args),
            TypedefSymbol t => new TType(t, args),
            _ => TDynamic.Instance,
        };
    }

    private void BuildTypedef(TypedefSymbol td)
    {
        if (td.Target != null) return;
        td.Target = TDynamic.Instance; // breaks cycles
        var saved = (_module, _type);
        var savedScopes = _typeParamScopes.ToList();
        _module = td.Module;
        _type = td;
        foreach (var p in td.Decl.Params) td.Params.Add(new TParam(p.Name, []));
        _typeParamScopes.Clear();
        _typeParamScopes.Add(td.Params);
        td.Target = ResolveHint(td.Decl.Type);
        (_module, _type) = saved;
        _typeParamScopes.Clear();
        _typeParamScopes.AddRange(savedScopes);
    }

    /// Finds the symbol a written type path names, by Haxe's lookup rules.
    private TypeSymbol? ResolveTypePath(IReadOnlyList<string> pack, string name, string? sub, TextSpan span)
    {
        if (pack.Count > 0)
        {
            var m = _loader.Load(string.Join('.', pack.Append(name)));
            return m == null ? null : sub != null ? m.Find(sub) : m.MainType;
        }
        var t = FindTypeByName(name);
        if (t == null) return null;
        if (sub == null) return t;
        return t.Module.Find(sub);
    }

    /// An unqualified type name: this module, imports, this package and its parents, then the top level.
    private TypeSymbol? FindTypeByName(string name)
    {
        if (_module.Find(name) is { } local) return local;
        foreach (var imp in _module.Syntax.Imports)
        {
            if (imp.Wildcard)
            {
                var m = _loader.Load(string.Join('.', imp.Path.Append(name)));
                if (m?.MainType is { } w) return w;
                continue;
            }
            var alias = imp.Alias ?? imp.Path[^1];
            if (alias != name)
            {
                // `import pack.Module;` also brings the module's other types
                if (imp.Alias == null && _loader.Load(string.Join('.', imp.Path))?.Find(name) is { } sibling) return sibling;
                continue;
            }
            var found = ResolveImportPath(imp.Path);
            if (found != null) return found;
        }
        // this package, then each enclosing one (`Exception` in package haxe.exceptions is haxe.Exception)
        for (var n = _module.Pack.Count; n > 0; n--)
        {
            var m = _loader.Load(string.Join('.', _module.Pack.Take(n).Append(name)));
            if (m?.MainType is { } same) return same;
        }
        var top = _loader.Load(name);
        if (top?.MainType is { } t) return t;
        return _loader.Load("StdTypes")?.Find(name);
    }

    /// `import a.b.Mod` or `import a.b.Mod.SubType`.
    private TypeSymbol? ResolveImportPath(IReadOnlyList<string> path)
    {
        var m = _loader.Load(string.Join('.', path));
        if (m?.MainType is { } t) return t;
        if (path.Count >= 2)
        {
            var parent = _loader.Load(string.Join('.', path.Take(path.Count - 1)));
            if (parent?.Find(path[^1]) is { } sub) return sub;
        }
        return null;
    }

    /// `pkg.Main` as given to `-main`.
    private TypeSymbol? ResolveDottedType(string dotted, TextSpan span)
    {
        var parts = dotted.Split('.');
        var m = _loader.Load(dotted);
        if (m?.MainType is { } t) return t;
        if (parts.Length >= 2 && _loader.Load(string.Join('.', parts[..^1]))?.Find(parts[^1]) is { } sub) return sub;
        return null;
    }

    // ---- unification ----

    /// Binds monomorphs so that `a` can be used where `b` is expected; false when impossible.
    private bool Unify(HType a, HType b)
    {
        a = Prune(a);
        b = Prune(b);
        if (ReferenceEquals(a, b)) return true;
        if (a is TMono ma) { ma.Bound = b; return true; }
        if (b is TMono mb) { mb.Bound = a; return true; }
        if (b is TDynamic || a is TDynamic) return true;
        if (b is TParam || a is TParam) return true; // erased generics: checked loosely for now
        if (a is TType ta) return Unify(ta.Typedef.Expand(ta.Params), b);
        if (b is TType tb) return Unify(a, tb.Typedef.Expand(tb.Params));
        switch (a, b)
        {
            case (TAbstract x, TAbstract y) when x.Abstract == y.Abstract:
                return UnifyParams(x.Params, y.Params);
            case (_, TAbstract { Abstract: { IsCoreType: false } ya } yt) when ya.From.Any(f => Unify(a, TypeSubst.Apply(f, ya.Params, yt.Params))):
                return true;
            case (TAbstract { Abstract: { IsCoreType: false } xa } xt, _) when xa.To.Any(t => Unify(TypeSubst.Apply(t, xa.Params, xt.Params), b)):
                return true;
            case (TAbstract x, TAbstract y):
                if (y.Abstract == _core.NullSym) return Unify(a, y.Params[0]);
                if (x.Abstract == _core.NullSym) return Unify(x.Params[0], b);
                if (x.Abstract == _core.IntSym && y.Abstract == _core.FloatSym) return true;
                return false;
            case (_, TAbstract y2) when y2.Abstract == _core.NullSym: return Unify(a, y2.Params[0]);
            case (TAbstract x2, _) when x2.Abstract == _core.NullSym: return Unify(x2.Params[0], b);
            case (TInst x, TInst y):
                return AsInstanceOf(x, y.Class) is { } view && UnifyParams(view.Params, y.Params);
            case (TEnum x, TEnum y): return x.Enum == y.Enum && UnifyParams(x.Params, y.Params);
            case (TEnum, TAbstract { Abstract.Name: "EnumValue" }): return true;
            case (TTypeExpr { Type: ClassSymbol tc }, TAbstract { Abstract.Name: "Class", Params.Count: 1 } cl):
                return Unify(new TInst(tc, tc.Params.Cast<HType>().ToList()), cl.Params[0]);
            case (TTypeExpr { Type: EnumSymbol te }, TAbstract { Abstract.Name: "Enum", Params.Count: 1 } en):
                UseEnum(te);
                return Unify(new TEnum(te, te.Params.Select(_ => (HType)new TMono()).ToList()), en.Params[0]);
            case (TAbstract { Abstract.Name: "Enum" or "Class" }, TTypeExpr): return true;
            case (TTypeExpr, TTypeExpr): return true;
            case (TFun x, TFun y):
                if (x.Args.Count < y.Args.Count) return false;
                for (var i = 0; i < x.Args.Count; i++)
                {
                    if (i >= y.Args.Count) { if (!x.Args[i].Optional) return false; continue; }
                    if (!Unify(y.Args[i].Type, x.Args[i].Type)) return false;
                }
                return _core.IsVoid(y.Return) || Unify(x.Return, y.Return);
            case (TAnon x, TAnon y):
                foreach (var f in y.Fields)
                {
                    var xf = x.Find(f.Name);
                    if (xf == null) { if (!f.Optional) return false; continue; }
                    if (!Unify(xf.Type, f.Type)) return false;
                }
                return true;
            case (TFun, TAbstract { Abstract.FullName: "haxe.Function" }):
                return true; // haxe.Constraints.Function: any function
            case (TInst x, TAnon y):
                // structural use of a class instance: checked at field access; its members' types
                // still inform inference (`Array<Int>` as `Iterable<A>` gives A = Int)
                BuildClassHeader(x.Class);
                foreach (var f in y.Fields)
                {
                    if (x.Class.FindField(f.Name) is not { Owner: ClassSymbol owner } m) continue;
                    EnsureTyped(m);
                    if (m.Type == null) continue;
                    Unify(owner.Params.Count > 0 ? TypeSubst.Apply(m.Type, owner.Params, InstParamsFor(x, owner)) : m.Type, f.Type);
                }
                return true;
            default:
                return false;
        }
    }

    /// Haxe's explanation of a function type that does not fit another of the same arity: the
    /// first argument that does not accept the expected one, else the result.
    private List<string>? FunctionMismatch(TFun have, TFun want)
    {
        static string Shape(TFun f, int k) => "(" + string.Join(", ", f.Args.Select((a, i) => i == k ? a.Type.ToString() : "...")) + ") -> ...";
        for (var i = 0; i < have.Args.Count; i++)
            if (!Unify(want.Args[i].Type, have.Args[i].Type))
                return [$"error: {want.Args[i].Type} should be {have.Args[i].Type}", "... have: " + Shape(have, i), "... want: " + Shape(want, i)];
        if (!_core.IsVoid(want.Return) && !Unify(have.Return, want.Return))
            return [$"error: {have.Return} should be {want.Return}", $"... have: (...) -> {have.Return}", $"... want: (...) -> {want.Return}"];
        return null;
    }

    private bool UnifyParams(IReadOnlyList<HType> xs, IReadOnlyList<HType> ys)
    {
        for (var i = 0; i < Math.Min(xs.Count, ys.Count); i++)
        {
            var x = Prune(xs[i]); var y = Prune(ys[i]);
            if (x is TMono || y is TMono) { Unify(x, y); continue; }
            if (x is TDynamic || y is TDynamic) continue;
            if (!SameType(x, y)) return false;
        }
        return true;
    }

    private bool SameType(HType a, HType b)
    {
        a = Prune(a); b = Prune(b);
        if (ReferenceEquals(a, b)) return true;
        return (a, b) switch
        {
            (TAbstract x, TAbstract y) => x.Abstract == y.Abstract && x.Params.Zip(y.Params).All(p => SameType(p.First, p.Second)),
            (TInst x, TInst y) => x.Class == y.Class && x.Params.Zip(y.Params).All(p => SameType(p.First, p.Second)),
            (TEnum x, TEnum y) => x.Enum == y.Enum && x.Params.Zip(y.Params).All(p => SameType(p.First, p.Second)),
            (TType x, _) => SameType(x.Typedef.Expand(x.Params), b),
            (_, TType y) => SameType(a, y.Typedef.Expand(y.Params)),
            (TParam, TParam) => ReferenceEquals(a, b),
            (TFun, TFun) => Unify(a, b),
            (TAnon, TAnon) => Unify(a, b),
            _ => false,
        };
    }

    /// How a function's arguments and result are represented (basic kinds unboxed, the rest pointers).
    private string FunRepr(TFun f)
    {
        char R(HType t) => _core.IsInt(t) ? 'i' : _core.IsFloat(t) ? 'f' : _core.IsBool(t) ? 'b' : _core.IsVoid(t) ? 'v' : 'p';
        return string.Concat(f.Args.Select(a => R(a.Type))) + R(f.Return);
    }

    /// `t` seen as an instance of `target` (itself, a superclass or an implemented interface) with
    /// the type parameters substituted along the way (`Evaluator` as `Visitor<Int>`); null when unrelated.
    private static TInst? AsInstanceOf(TInst t, ClassSymbol target)
    {
        if (t.Class == target) return t;
        var ps = t.Class.Params;
        if (t.Class.Super is { } super && AsInstanceOf(Substitute(super, ps, t.Params), target) is { } viaSuper) return viaSuper;
        foreach (var i in t.Class.Interfaces)
            if (AsInstanceOf(Substitute(i, ps, t.Params), target) is { } viaInterface) return viaInterface;
        return null;
    }

    private static TInst Substitute(TInst t, IReadOnlyList<TParam> ps, IReadOnlyList<HType> args) =>
        ps.Count == 0 || args.Count != ps.Count ? t : (TInst)TypeSubst.Apply(t, ps, args);

    private static bool ImplementsInterface(ClassSymbol c, ClassSymbol iface)
    {
        foreach (var i in c.Interfaces)
            if (i.Class == iface || ImplementsInterface(i.Class, iface)) return true;
        return false;
    }

    private static HType Prune(HType t)
    {
        while (t is TMono { Bound: { } b }) t = b;
        return t;
    }

    /// Converts `e` to the expected type, inserting the value conversion it needs, or reports
    /// Haxe's `X should be Y`.
    private TExpr Coerce(TExpr e, HType expected, TextSpan span)
    {
        var exp = Prune(expected);
        var act = Prune(e.Type);
        if (IsPoisoned(e)) return e;
        if (exp is TMono m)
        {
            if (act is TMono) { Unify(act, exp); return e; }
            m.Bound = act;
            return e;
        }
        if (_core.IsVoid(exp)) return e;
        if (e is TConst { Value: null } && act is TMono or TDynamic) return e with { Type = exp };
        // Void is no value, not even a Dynamic one
        if (_core.IsVoid(act))
        {
            Error(span, $"Void should be {exp}");
            return Poisoned(e.Span);
        }
        if (!Unify(act, exp))
        {
            if (AbstractConversion(e, exp) is { } converted) return converted;
            if (act.Follow() is TFun haveFun && exp.Follow() is TFun wantFun && haveFun.Args.Count == wantFun.Args.Count && FunctionMismatch(haveFun, wantFun) is { } why)
            {
                // Haxe explains a function mismatch by the first argument or the result that differs
                Error(span, why[0]);
                foreach (var line in why.Skip(1)) Error(span, line);
                return e;
            }
            if (ParameterMismatch(act, exp) is { } because)
            {
                foreach (var line in because) Error(span, line);
                return e;
            }
            Error(span, $"{act} should be {exp}");
            // a structure without a field the expected one has: Haxe names the first (by name)
            if (act.Follow() is TAnon have && exp.Follow() is TAnon want
                && want.Fields.Where(f => !f.Optional && have.Find(f.Name) == null).Select(f => f.Name).Order(StringComparer.Ordinal).FirstOrDefault() is { } absent)
                Error(span, $"... {act} has no field {absent}");
            return e;
        }
        act = Prune(e.Type);
        if (exp.Follow() is TAnon && (_core.IsString(act) || ArrayElem(act) != null || MapParams(act) != null
            || act.Follow() is TInst { Class.FullName: "rayzor.MapIterator" or "rayzor.MapKeyValueIterator" })) UseMemberClasses();
        var expBasic = _core.IsBasic(exp);
        var actBasic = _core.IsBasic(act);
        if (_core.IsInt(act) && _core.IsFloat(exp)) return e is TConst { Value: int iv } ? new TConst(e.Span, exp, (double)iv) : new TCast(e.Span, exp, e, CastKind.IntToFloat);
        if (actBasic && !expBasic && exp is not TParam) return new TCast(e.Span, exp, e, CastKind.Box);
        if (!actBasic && expBasic) return new TCast(e.Span, exp, e, CastKind.Unbox);
        // an Array used as a structure (`Iterable<T>`) is wrapped in a class whose members exist by name
        if (ArrayElem(act) is { } elem && exp.Follow() is TAnon { } structure && structure.Find("iterator") != null
            && _loader.Load("rayzor.ArrayIterable")?.MainType is ClassSymbol wrapper)
        {
            BuildClassHeader(wrapper);
            UseClass(wrapper);
            return new TNew(e.Span, MakeType(wrapper, [elem], e.Span), wrapper, [e]);
        }
        // a Dynamic value used as a String may hold anything (a boxed Int passed to a String argument)
        if (_core.IsDynamic(act) && _core.IsString(exp)) return new TCast(e.Span, exp, e, CastKind.DynamicToString);
        // a Dynamic value used as a function is called dynamically through a wrapper
        if (_core.IsDynamic(act) && exp.Follow() is TFun) return new TCast(e.Span, exp, e, CastKind.Retype);
        // a function value whose arguments or result are represented differently gets an adapter
        if (act.Follow() is TFun af && exp.Follow() is TFun ef && FunRepr(af) != FunRepr(ef)) return new TCast(e.Span, exp, e, CastKind.Retype);
        return e;
    }
}
