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
            var utarget = TypeValue(ufx.Target);
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
            // `Tree.getName()` with `using haxe.EnumTools`: an extension of the enum's type
            if (target is TTypeRef && !HasMember(target, ef.Name) && TryStaticExtension(c, ef, target) is { } ext) return ext;
        }
        // `Some(v)` where an Option is expected: Haxe finds the constructor through the expected type
        var calleeExpected = c.Callee is IdentExpr && expected?.Follow() is TEnum ? expected : null;
        return FinishCall(c, TypeExpr(c.Callee, calleeExpected), expected);
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
        // a `haxe.Rest<T>` last parameter takes the arguments left as one array (`@:from` makes
        // the Rest), or one spread array `f(...a)` as it is
        if (fun.Args.Count > 0 && IsRestType(fun.Args[^1].Type) && c.Args.Count >= fun.Args.Count - 1)
        {
            var fixedCount = fun.Args.Count - 1;
            var tail = c.Args.Skip(fixedCount).ToList();
            Expr packed = tail is [UnaryExpr { Op: UnaryOp.Spread } spread] ? spread.Operand
                : new ArrayLiteral(tail.Count > 0 ? tail[0].Span with { End = tail[^1].Span.End } : c.Span, tail);
            c = c with { Args = [.. c.Args.Take(fixedCount), packed] };
        }
        var args = new List<TExpr>(c.Args.Count);
        var p = 0; // the parameter the next argument goes to
        var skipped = -1; // the first optional parameter passed over
        for (var i = 0; i < c.Args.Count; i++, p++)
        {
            if (p >= fun.Args.Count)
            {
                if (p == fun.Args.Count) Error(c.Args[i].Span, "Too many arguments");
                TypeExpr(c.Args[i], null);
                continue;
            }
            // Haxe skips an optional parameter the argument does not fit while the arguments left
            // are fewer than the parameters left: `f(?n:Int, s:String)` called as `f("x")`
            while (p < fun.Args.Count - 1 && fun.Args[p].Optional && c.Args.Count - i < fun.Args.Count - p && !Fits(c.Args[i], fun.Args[p].Type))
            {
                if (skipped < 0) skipped = p;
                args.Add(LeftOut(c, fun, callee, p++));
            }
            var before = _diags.Items.Count;
            var at = p;
            args.Add(TypeArgument(c.Args[i], fun.Args[p], DefaultOf(callee, p) != null ? () => LeftOut(c, fun, callee, at) : null));
            if (_diags.Items.Count > before && skipped >= 0)
            {
                // when an argument fits nowhere, Haxe reports the first parameter it skipped
                _diags.Truncate(before);
                TypeArgument(c.Args[i], fun.Args[skipped]);
            }
            if (ArgumentFailed(before, c.Args[i].Span))
            {
                // Haxe stops typing the call at its first failing argument: the rest are typed
                // here (the tree needs them) but what they would report is not Haxe's
                var reported = _diags.Items.Count;
                for (var j = i + 1; j < c.Args.Count; j++) args.Add(TypeExpr(c.Args[j], p + j - i < fun.Args.Count ? fun.Args[p + j - i].Type : null));
                _diags.Truncate(reported);
                return args;
            }
        }
        for (; p < fun.Args.Count; p++)
        {
            if (!fun.Args[p].Optional)
            {
                // Haxe lists every argument left, optional ones as Null<T>
                var left = fun.Args.Skip(p).Select(a => $"{a.Name}:{(a.Optional ? TypeTextOf.Nullable(a.Type) : a.Type.ToString())}");
                Error(c.Span, "Not enough arguments, expected " + string.Join(", ", left));
                break;
            }
            args.Add(LeftOut(c, fun, callee, p));
        }
        return args;
    }

    /// One argument typed against its parameter; an error in it gets Haxe's note naming the parameter.
    private TExpr TypeArgument(Expr arg, FunArg param, Func<TExpr>? dflt = null)
    {
        var before = _diags.Items.Count;
        var outer = _argumentDepth;
        _argumentDepth = _frames.Count;
        var typed = TypeExpr(arg, param.Type);
        var value = dflt != null && _core.IsBasic(param.Type) && (typed is TConst { Value: null } || _core.NullInner(typed.Type) != null)
            ? NullMeansDefault(typed, param.Type, dflt, arg.Span)
            : Coerce(typed, param.Type, arg.Span);
        _argumentDepth = outer;
        NoteArgument(before, param, arg.Span);
        return value;
    }

    /// A null given for an Int, Float or Bool parameter with a default value means the default, as in
    /// Haxe (`f(x, null)` of `f(a, ?b:Int = 3)` has b = 3): the caller fills defaults in, and such a
    /// parameter is not nullable here. A Null<T> argument is tested once, through a temporary.
    private TExpr NullMeansDefault(TExpr value, HType type, Func<TExpr> dflt, TextSpan span)
    {
        if (value is TConst { Value: null }) return dflt();
        var tmp = new LocalSymbol(_nextLocalId++, "`arg", value.Type, span) { Owner = CurrentFunction };
        var isNull = MakeBinary(span, BinaryOp.Eq, new TLocal(span, tmp), new TConst(span, value.Type, null));
        var present = Coerce(new TLocal(span, tmp), type, span);
        return new TBlock(span, type, [new TVar(span, _core.Void, tmp, value), new TIf(span, type, isNull, dflt(), present)]);
    }

    /// Would `arg` be accepted as a `want`? Typed on trial: what it reports is dropped.
    private bool Fits(Expr arg, HType want)
    {
        var before = _diags.Items.Count;
        var typed = TypeExpr(arg, want);
        var fits = _diags.Items.Count == before && !IsPoisoned(typed) && (Prune(want) is TMono || CanUnify(typed.Type, want) || _core.IsInt(typed.Type) && _core.IsFloat(want)
            || typed is TConst { Value: null } || AbstractConversion(typed, want) != null);
        _diags.Truncate(before);
        return fits;
    }

    /// The value of optional parameter `p` the call leaves out: its default, the call's position
    /// for a PosInfos, else a missing-argument marker (null).
    private TExpr LeftOut(CallExpr c, TFun fun, FieldSymbol? callee, int p)
    {
        if (DefaultOf(callee, p) is { } dflt)
        {
            var saved = _module;
            _module = callee!.Owner.Module;
            var value = Coerce(TypeExpr(dflt, fun.Args[p].Type), fun.Args[p].Type, c.Span);
            _module = saved;
            return value;
        }
        if (IsPosInfos(fun.Args[p].Type)) return PosInfosExpr(c.Span, null);
        return new TMissingArg(c.Span, fun.Args[p].Type);
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
                if (at >= 0 && at < c.Args.Count && generic.Args[at].Type is not TParam)
                {
                    // the parameter inside the argument's type (`Array<T>`): Haxe shows both whole types
                    var argType = generic.Args[at].Type;
                    Error(span, $"error: {actual} should be {want}");
                    Error(span, $"... have: {TypeSubst.Apply(argType, f.Params, monos)}");
                    Error(span, $"... want: {TypeSubst.Apply(argType, f.Params, f.Params.Select(q => q == p ? want : Prune(monos[f.Params.IndexOf(q)])).ToList())}");
                }
                else
                {
                    Error(span, $"Constraint check failure for {f.Name}.{p.Name}");
                    Error(span, $"... {actual} should be {want}");
                }
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

    /// Did typing an argument report an error? Haxe then keeps only that error (and its notes):
    /// the rest of the argument was not typed.
    private bool ArgumentFailed(int before, TextSpan argSpan)
    {
        for (var k = before; k < _diags.Items.Count; k++)
        {
            var d = _diags.Items[k];
            if (d.Severity != Diagnostics.Severity.Error || _nestedErrors.Contains(d) || !Within(d.Span, argSpan)) continue;
            var end = k + 1;
            while (end < _diags.Items.Count && _diags.Items[end].Message.StartsWith("... ", StringComparison.Ordinal)) end++;
            _diags.Truncate(end);
            return true;
        }
        return false;
    }

    /// Haxe follows an error met while typing an argument with `... For function argument 'name'`
    /// at the same place (not for errors of the call itself: argument counts, missing types).
    private void NoteArgument(int diagnosticsBefore, FunArg arg, TextSpan argSpan)
    {
        for (var k = diagnosticsBefore; k < _diags.Items.Count; k++)
        {
            var d = _diags.Items[k];
            // not an error of a declaration the argument made the typer build (a class header)
            if (d.Severity != Diagnostics.Severity.Error || _nestedErrors.Contains(d) || !Within(d.Span, argSpan)) continue;
            // already explained by an inner call, or an error Haxe reports without the note
            var end = k + 1;
            for (; end < _diags.Items.Count && _diags.Items[end].Message.StartsWith("... ", StringComparison.Ordinal); end++)
                if (_diags.Items[end].Message.StartsWith("... For function argument", StringComparison.Ordinal)
                    || _diags.Items[end].Message.StartsWith("... For optional function argument", StringComparison.Ordinal)) return;
            if (d.Message.StartsWith("Not enough arguments", StringComparison.Ordinal) || d.Message.StartsWith("Too many arguments", StringComparison.Ordinal)
                || d.Message.StartsWith("Type not found", StringComparison.Ordinal) || d.Message.StartsWith("... ", StringComparison.Ordinal)
                || d.Message.Contains(" has no field ", StringComparison.Ordinal) || d.Message.StartsWith("Cannot access private field", StringComparison.Ordinal)
                || d.Message.StartsWith("Static access to instance field", StringComparison.Ordinal)) return;
            // after the error's own notes (`... have:`/`... want:`), as Haxe prints it
            // a `?x:T` argument is a Null<T> to Haxe
            if (arg.Question) ShowAsNullable(k, arg.Type);
            // Haxe calls an argument with a default value (or `?`) optional
            _diags.Insert(end, d with { Message = arg.Optional ? $"... For optional function argument '{arg.Name}'" : $"... For function argument '{arg.Name}'" });
            return;
        }
    }

    private static bool Within(TextSpan inner, TextSpan outer) =>
        inner.FileId == outer.FileId && inner.Start >= outer.Start && inner.End <= outer.End;

    /// `X should be T` of an optional argument or field: Haxe says `X should be Null<T>`.
    private void ShowAsNullable(int index, HType t)
    {
        var d = _diags.Items[index];
        var text = t.ToString();
        if (!d.Message.EndsWith(" should be " + text, StringComparison.Ordinal)) return;
        _diags.Replace(_diags.Items.Select((x, n) => n == index ? x with { Message = x.Message[..^text.Length] + TypeTextOf.Nullable(t) } : x));
    }
}
