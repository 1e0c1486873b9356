using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// Classes whose static functions extend values (`using pack.Tools;`), innermost first.
    private IEnumerable<ClassSymbol> UsingClasses()
    {
        foreach (var u in _module.Syntax.Usings.Reverse())
        {
            var m = _loader.Load(string.Join('.', u.Path));
            if (m != null)
            {
                foreach (var t in m.Types) if (t is ClassSymbol c) yield return c;
                continue;
            }
            if (ResolveImportPath(u.Path) is ClassSymbol sub) yield return sub;
        }
    }

    /// Whether `target.name` resolves without static extensions.
    private bool HasMember(TExpr target, string name)
    {
        // an enum's constructors (`Tree.getConstructors()` with `using haxe.EnumTools` extends Enum<Tree>)
        if (target is TTypeRef { Symbol: EnumSymbol en })
        {
            BuildEnum(en);
            return en.Constructors.Any(k => k.Name == name);
        }
        if (target is TTypeRef) return true;
        var t = target.Type.Follow();
        if (_core.NullInner(t) is { } inner && !_core.IsBasic(inner)) t = inner.Follow();
        return t switch
        {
            TInst i => BuildAndFind(i.Class, name),
            TAnon a => a.Find(name) != null,
            TEnum => name is "getIndex" or "getName" or "getParameters",
            TDynamic or TMono => true,
            _ => false,
        };

        bool BuildAndFind(ClassSymbol c, string n)
        {
            BuildClassHeader(c);
            return c.FindField(n) != null;
        }
    }

    /// Whether a `using` class has a static function `name` that takes a `t` first (`for (c in s)`
    /// with `using StringTools` finds `StringTools.iterator`).
    private bool HasExtension(HType t, string name)
    {
        foreach (var cls in UsingClasses())
        {
            BuildClassHeader(cls);
            if (cls.Statics.TryGetValue(name, out var f) && f.Kind == FieldKindTag.Method
                && f.Type!.Follow() is TFun { Args.Count: > 0 } fun && (f.Params.Count > 0 || CanUnify(t, fun.Args[0].Type)))
                return true;
        }
        return false;
    }

    /// `x.f(args)` where f is a static function of a `using` class whose first argument takes x.
    private TExpr? TryStaticExtension(CallExpr c, FieldExpr fx, TExpr target)
    {
        foreach (var cls in UsingClasses())
        {
            BuildClassHeader(cls);
            if (!cls.Statics.TryGetValue(fx.Name, out var f) || f.Kind != FieldKindTag.Method) continue;
            var fun = (TFun)f.Type!.Follow();
            if (fun.Args.Count == 0) continue;
            if (f.Params.Count > 0) fun = (TFun)TypeSubst.Apply(fun, f.Params, f.Params.Select(_ => (HType)new TMono()).ToList());
            if (!Unify(target.Type, fun.Args[0].Type)) continue;
            UseClass(cls);
            EnsureTyped(f);
            if (!f.IsExtern) Enqueue(f);
            fun = (TFun)(f.Params.Count > 0 ? fun : f.Type!.Follow());
            var rest = new TFun(fun.Args.Skip(1).ToList(), fun.Return);
            var args = TypeArgs(c, rest, null);
            args.Insert(0, Coerce(target, fun.Args[0].Type, fx.Target.Span));
            return new TCall(c.Span, Prune(fun.Return), new TStaticField(fx.Span, f.Type!, f), args);
        }
        return null;
    }
}
