using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// The constructor `new C()` runs: C's own, else the nearest superclass's.
    public static FieldSymbol? ConstructorOf(ClassSymbol c)
    {
        for (var k = c; k != null; k = k.Super?.Class)
            if (k.Constructor != null) return k.Constructor;
        return null;
    }

    private TExpr TypeNew(NewExpr n, HType? expected)
    {
        var sym = ResolveTypePath(n.Type.Pack, n.Type.Name, n.Type.Sub, n.Type.Span);
        // `new List<Int>()` where `typedef List<T> = haxe.ds.List<T>`: the class the typedef names
        if (sym is TypedefSymbol td && MakeType(td, n.Type.Params.Select(ResolveHint).ToList(), n.Span).Follow() is TInst target)
            return TypeNewOf(n, target.Class, target.Params.ToList(), expected);
        if (sym is AbstractSymbol { IsCoreType: false } abs)
        {
            var absType = MakeType(abs, n.Type.Params.Select(ResolveHint).ToList(), n.Span);
            if (AbstractStatic(n.Span, abs, "new") is not TStaticField ctorRef) { Error(n.Span, $"{abs.Name} does not have a constructor"); return Poisoned(n.Span); }
            var ctorFun = (TFun)ctorRef.Type;
            var ctorArgs = TypeArgs(new CallExpr(n.Span, new IdentExpr(n.Type.Span, abs.Name), n.Args), ctorFun, ctorRef.Field);
            return new TCall(n.Span, absType, ctorRef, ctorArgs);
        }
        if (sym is not ClassSymbol cls)
        {
            if (sym == null) { Error(n.Type.Span, $"Type not found : {n.Type.FullName}"); return Poisoned(n.Span); }
            if (sym is EnumSymbol or TypedefSymbol or AbstractSymbol { IsCoreType: true }) { Error(n.Span, $"{sym.Name} cannot be constructed"); return Poisoned(n.Span); }
            return Unsupported(n.Span, $"new {sym.Name}");
        }
        return TypeNewOf(n, cls, n.Type.Params.Select(ResolveHint).ToList(), expected);
    }

    /// `~/pattern/flags` is `new EReg("pattern", "flags")` of the top-level (std) EReg, as in Haxe.
    private TExpr TypeRegexLiteral(RegexLiteral r, HType? expected)
    {
        if (_loader.Load("EReg")?.MainType is not ClassSymbol ereg) { Error(r.Span, "Type not found : EReg"); return Poisoned(r.Span); }
        var n = new NewExpr(r.Span, new PathTypeHint(r.Span, [], "EReg", null, []),
            [new StringLiteral(r.Span, r.Pattern, false), new StringLiteral(r.Span, r.Flags, false)]);
        return TypeNewOf(n, ereg, [], expected);
    }

    /// `new C<typeArgs>(args)` once the class is known.
    private TExpr TypeNewOf(NewExpr n, ClassSymbol cls, List<HType> typeArgs, HType? expected)
    {
        BuildClassHeader(cls);
        if (cls.IsInterface) { Error(n.Span, $"{cls.Name} does not have a constructor"); return Poisoned(n.Span); }
        if ((cls.Decl.Modifiers & Modifiers.Abstract) != 0) { Error(n.Span, $"{cls.Name} is abstract and cannot be constructed"); return Poisoned(n.Span); }
        if (IsMapClass(cls)) return TypeNewMap(n, cls, expected);
        // extern classes the runtime makes: StringBuf, Vector (an Array of fixed length)
        if (cls.IsExtern && cls != ArraySym && cls.FullName is not ("StringBuf" or "haxe.ds.Vector")) return Unsupported(n.Span, $"new {cls.Name}");
        var type = (TInst)MakeType(cls, typeArgs, n.Span);
        if (expected != null && expected.Follow() is TInst e && e.Class == cls) Unify(type, expected);
        if (cls == ArraySym)
            return new TArrayDecl(n.Span, type, type.Params[0], []);
        if (!cls.IsExtern) UseClass(cls);
        var ctor = ConstructorOf(cls);
        var args = new List<TExpr>();
        if (ctor != null)
        {
            EnsureTyped(ctor);
            var fun = (TFun)TypeSubst.Apply(ctor.Type!, ((ClassSymbol)ctor.Owner).Params, InstParamsFor(type, (ClassSymbol)ctor.Owner));
            args = TypeArgs(new CallExpr(n.Span, new IdentExpr(n.Type.Span, cls.Name), n.Args), fun, ctor);
        }
        else
        {
            Error(n.Span, $"{cls.Name} does not have a constructor");
            foreach (var a in n.Args) TypeExpr(a, null);
        }
        return new TNew(n.Span, type, cls, args);
    }

    /// The type arguments of `owner` as seen from an instance type of a subclass.
    private static IReadOnlyList<HType> InstParamsFor(TInst inst, ClassSymbol owner)
    {
        HType? t = inst;
        while (t is TInst i)
        {
            if (i.Class == owner) return i.Params;
            // an interface's field may come from an interface it extends (ClassSymbol.FindField)
            if (i.Class.IsInterface)
                foreach (var parent in i.Class.Interfaces)
                    if (InstParamsFor((TInst)TypeSubst.Apply(parent, i.Class.Params, i.Params), owner) is { Count: > 0 } found)
                        return found;
            t = i.Class.Super is { } s ? TypeSubst.Apply(s, i.Class.Params, i.Params) : null;
        }
        return [];
    }

    private TExpr TypeSuperCall(CallExpr c)
    {
        if (_field?.Name != "new" || _frames.Count > 0)
        {
            Error(c.Span, "Cannot call super constructor outside class constructor");
            return Poisoned(c.Span);
        }
        if (_type is not ClassSymbol { Super: { } sup })
        {
            Error(c.Span, "Current class does not have a super");
            return Poisoned(c.Span);
        }
        var ctor = ConstructorOf(sup.Class);
        var args = new List<TExpr>();
        if (ctor != null)
        {
            EnsureTyped(ctor);
            var fun = (TFun)TypeSubst.Apply(ctor.Type!, ((ClassSymbol)ctor.Owner).Params, InstParamsFor(sup, (ClassSymbol)ctor.Owner));
            args = TypeArgs(c, fun, ctor);
        }
        else
        {
            Error(c.Span, $"{sup.Class.Name} does not have a constructor");
            return Poisoned(c.Span);
        }
        return new TSuperCtor(c.Span, _core.Void, sup.Class, args);
    }

    private TExpr TypeSuperField(FieldExpr fx)
    {
        if (_type is not ClassSymbol { Super: { } sup } || _field is { IsStatic: true })
        {
            Error(fx.Span, "Cannot use super here");
            return Poisoned(fx.Span);
        }
        var f = sup.Class.FindField(fx.Name);
        if (f == null) { Error(fx.NameSpan, $"{sup} has no field {fx.Name}"); return Poisoned(fx.Span); }
        return InstanceFieldExpr(fx.Span, new TSuper(fx.Span, sup), f);
    }
}
