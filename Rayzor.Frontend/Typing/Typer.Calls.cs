using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private TExpr TypeCall(CallExpr c, HType? expected)
    {
        if (c.Callee is IdentExpr { Name: "trace" } && LookupLocal("trace") == null)
            return TypeTrace(c);
        if (c.Callee is IdentExpr { Name: "super" }) return TypeSuperCall(c);
        if (c.Callee is FieldExpr { Target: not IdentExpr { Name: "super" } } ufx && !(ufx.Name is "getIndex" or "getName" or "getParameters" && c.Args.Count == 0))
        {
            var utarget = TypeExpr(ufx.Target, null);
            if (!IsPoisoned(utarget) && !HasMember(utarget, ufx.Name) && TryStaticExtension(c, ufx, utarget) is { } ext) return ext;
            return FinishCall(c, IsPoisoned(utarget) ? utarget : TypeFieldOf(ufx, utarget));
        }
        if (c.Callee is FieldExpr { Name: "getIndex" or "getName" or "getParameters" } ef && c.Args.Count == 0)
        {
            var target = TypeExpr(ef.Target, null);
            if (target.Type.Follow() is TEnum && FindTypeByName("Type") is ClassSymbol typeCls)
            {
                BuildClassHeader(typeCls);
                var name = ef.Name switch { "getIndex" => "enumIndex", "getName" => "enumConstructor", _ => "enumParameters" };
                var f = typeCls.Statics[name];
                return new TCall(c.Span, ((TFun)f.Type!).Return, new TStaticField(ef.Span, f.Type!, f), [target]);
            }
        }
        return FinishCall(c, TypeExpr(c.Callee, null), expected);
    }

    private TExpr FinishCall(CallExpr c, TExpr callee, HType? expected = null)
    {
        if (callee is TEnumCtorRef ctorRef) return ApplyCtor(c, ctorRef, expected);
        if (callee is TInstanceField { Field.Name: "iterator" or "keyValueIterator" } ai && ai.Field.Owner == ArraySym) return TypeArrayIteratorCall(c, ai);
        if (IsPoisoned(callee))
        {
            foreach (var a in c.Args) TypeExpr(a, null);
            return callee;
        }
        if (callee.Type.Follow() is TAbstract { Params: [var nullable] } nt && nt.Abstract == _core.NullSym && nullable.Follow() is TFun)
            callee = new TCast(callee.Span, nullable, callee, CastKind.Retype); // `Null<A->B>` calls like `A->B`
        if (_core.IsDynamic(callee.Type)) return DynamicCall(c, callee);
        if (callee.Type.Follow() is not TFun fun)
        {
            if (callee is TTypeRef) return Unsupported(c.Span, "Calling a type");
            Error(c.Callee.Span, $"{callee.Type} cannot be called");
            return new TConst(c.Span, TDynamic.Instance, null);
        }
        List<HType>? monos = null;
        var generic = fun;
        if (callee is TStaticField { Field: var sf } && sf.Params.Count > 0 || callee is TInstanceField { Field.Params.Count: > 0 })
        {
            var field = callee is TStaticField s ? s.Field : ((TInstanceField)callee).Field;
            monos = field.Params.Select(_ => (HType)new TMono()).ToList();
            fun = (TFun)TypeSubst.Apply(fun, field.Params, monos);
        }
        var calleeField = callee switch { TStaticField sf2 => sf2.Field, TInstanceField inf => inf.Field, _ => null };
        var args = TypeArgs(c, fun, calleeField);
        if (monos != null) CheckConstraints(c, calleeField!, generic, monos);
        // an enum made by a native (Type.typeof's ValueType) needs its descriptor in the program
        if (calleeField is { IsExtern: true } && Prune(fun.Return).Follow() is TEnum made) UseEnum(made.Enum);
        if (calleeField?.Owner.FullName is "Reflect" or "Type") UseMemberClasses();
        return new TCall(c.Span, Prune(fun.Return), callee, args);
    }

    /// Calling a Dynamic value: any arguments, boxed; the result is Dynamic (checked at run time).
    private TExpr DynamicCall(CallExpr c, TExpr callee)
    {
        var args = c.Args.Select(a => Coerce(TypeExpr(a, null), TDynamic.Instance, a.Span)).ToList();
        return new TCall(c.Span, TDynamic.Instance, callee, args);
    }

    /// Default values of a method's optional arguments (`?x:Int = 1`), filled in by the caller.
    private static Expr? DefaultOf(FieldSymbol? f, int i) =>
        f?.Decl.Kind is MethodField m && i < m.Function.Args.Count ? m.Function.Args[i].Default : null;

    private List<TExpr> TypeArgs(CallExpr c, TFun fun, FieldSymbol? callee = null)
    {
        var args = new List<TExpr>(c.Args.Count);
        for (var i = 0; i < c.Args.Count; i++)
        {
            if (i >= fun.Args.Count)
            {
                if (i == fun.Args.Count) Error(c.Args[i].Span, "Too many arguments");
                TypeExpr(c.Args[i], null);
                continue;
            }
            var expected = fun.Args[i].Type;
            var before = _diags.Items.Count;
            args.Add(Coerce(TypeExpr(c.Args[i], expected), expected, c.Args[i].Span));
            NoteArgument(before, fun.Args[i].Name);
        }
        for (var i = c.Args.Count; i < fun.Args.Count; i++)
        {
            if (!fun.Args[i].Optional)
            {
                // Haxe lists every argument left, optional ones as Null<T>
                var left = fun.Args.Skip(i).Select(a => $"{a.Name}:{(a.Optional ? TypeTextOf.Nullable(a.Type) : a.Type.ToString())}");
                Error(c.Span, "Not enough arguments, expected " + string.Join(", ", left));
                break;
            }
            if (DefaultOf(callee, i) is { } dflt)
            {
                var saved = _module;
                _module = callee!.Owner.Module;
                args.Add(Coerce(TypeExpr(dflt, fun.Args[i].Type), fun.Args[i].Type, c.Span));
                _module = saved;
            }
            else if (IsPosInfos(fun.Args[i].Type)) args.Add(PosInfosExpr(c.Span, null));
            else args.Add(new TMissingArg(c.Span, fun.Args[i].Type));
        }
        return args;
    }

    /// The type arguments inferred for a generic method must satisfy its parameters' constraints;
    /// Haxe reports a failure at the argument that decided the type.
    private void CheckConstraints(CallExpr c, FieldSymbol f, TFun generic, List<HType> monos)
    {
        for (var i = 0; i < f.Params.Count; i++)
        {
            var p = f.Params[i];
            if (p.Constraints.Count == 0 || Prune(monos[i]) is not { } actual || actual is TMono || IsDynamicLike(actual)) continue;
            foreach (var k in p.Constraints)
            {
                var want = TypeSubst.Apply(k, f.Params, monos);
                if (want.Follow() is TAnon || CanUnify(actual, want)) continue;
                var at = -1;
                for (var j = 0; j < generic.Args.Count && at < 0; j++) if (Mentions(generic.Args[j].Type, p)) at = j;
                var span = at >= 0 && at < c.Args.Count ? c.Args[at].Span : c.Span;
                Error(span, $"Constraint check failure for {f.Name}.{p.Name}");
                Error(span, $"... {actual} should be {want}");
                if (at >= 0 && at < c.Args.Count) Error(span, $"... For function argument '{generic.Args[at].Name}'");
                break;
            }
        }
    }

    /// Does `t` contain the type parameter `p`?
    private static bool Mentions(HType t, TParam p) => t switch
    {
        TParam q => ReferenceEquals(q, p),
        TMono { Bound: { } b } => Mentions(b, p),
        TInst i => i.Params.Any(x => Mentions(x, p)),
        TEnum e => e.Params.Any(x => Mentions(x, p)),
        TAbstract a => a.Params.Any(x => Mentions(x, p)),
        TType tt => tt.Params.Any(x => Mentions(x, p)),
        TFun fn => fn.Args.Any(a => Mentions(a.Type, p)) || Mentions(fn.Return, p),
        TAnon an => an.Fields.Any(x => Mentions(x.Type, p)),
        _ => false,
    };

    /// Haxe follows an error met while typing an argument with `... For function argument 'name'`
    /// at the same place (not for errors of the call itself: argument counts, missing types).
    private void NoteArgument(int diagnosticsBefore, string name)
    {
        for (var k = diagnosticsBefore; k < _diags.Items.Count; k++)
        {
            var d = _diags.Items[k];
            if (d.Severity != Diagnostics.Severity.Error) continue;
            // already explained by an inner call, or an error Haxe reports without the note
            for (var n = k + 1; n < _diags.Items.Count && _diags.Items[n].Message.StartsWith("... ", StringComparison.Ordinal); n++)
                if (_diags.Items[n].Message.StartsWith("... For function argument", StringComparison.Ordinal)) return;
            if (d.Message.StartsWith("Not enough arguments", StringComparison.Ordinal) || d.Message.StartsWith("Too many arguments", StringComparison.Ordinal)
                || d.Message.StartsWith("Type not found", StringComparison.Ordinal) || d.Message.StartsWith("... ", StringComparison.Ordinal)
                || d.Message.Contains(" has no field ", StringComparison.Ordinal) || d.Message.StartsWith("Cannot access private field", StringComparison.Ordinal)) return;
            _diags.Insert(k + 1, d with { Message = $"... For function argument '{name}'" });
            return;
        }
    }
}
