using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    private TExpr TypeSwitch(SwitchExpr sw, HType? expected)
    {
        var subject = TypeValue(sw.Subject is ParenExpr p ? p.Inner : sw.Subject);
        if (IsPoisoned(subject)) return subject;
        var asValue = expected != null && !_core.IsVoid(expected);
        var cases = new List<TCase>();
        var bodies = new List<TExpr>();
        var patternErrors = false;
        foreach (var c in sw.Cases)
        {
            PushScope();
            var before = _diags.Items.Count;
            var patterns = TypeCasePatterns(c.Patterns, subject.Type, new PatternVars());
            // a capture variable with an upper-case name is still a capture: the checks go on
            patternErrors |= _diags.Items.Skip(before).Any(d => d.Severity == Diagnostics.Severity.Error && d.Message != "Pattern variables must be lower-case");
            var guard = c.Guard != null ? Coerce(TypeExpr(c.Guard, _core.Bool), _core.Bool, c.Guard.Span) : null;
            var body = c.Body != null ? TypeExpr(c.Body, asValue ? expected : null) : null;
            PopScope();
            if (body != null) bodies.Add(body);
            // Haxe's case position: `case` to the end of the body's last expression, else to the colon
            var caseSpan = c.Body != null ? new TextSpan(c.Span.FileId, c.Span.Start, c.Body.Span.End) : c.Span;
            cases.Add(new TCase(patterns, guard, body) { Span = caseSpan });
        }
        TExpr? dflt = null;
        if (sw.HasDefault && sw.Default != null) { dflt = TypeExpr(sw.Default, asValue ? expected : null); bodies.Add(dflt); }
        var complete = !patternErrors && CheckSwitch(sw, subject, cases, asValue);
        var type = _core.Void;
        if (asValue)
        {
            type = expected!;
            if (Prune(type) is TMono mono)
            {
                if (bodies.Count == 0 || bodies.Any(b => _core.IsVoid(b.Type))) return new TSwitch(sw.Span, _core.Void, subject, cases, dflt) { Complete = complete };
                type = bodies.Aggregate(bodies[0], (acc, b) => new TConst(b.Span, CommonType(acc, b), null)).Type;
                mono.Bound = type;
            }
            cases = cases.Select(k => k with { Body = k.Body != null ? Coerce(k.Body, type, k.Body.Span) : null }).ToList();
            if (dflt != null) dflt = Coerce(dflt, type, dflt.Span);
        }
        return new TSwitch(sw.Span, type, subject, cases, dflt) { Complete = complete };
    }

    /// Exhaustiveness and unused cases, as Haxe checks them; `default` is a last `case _`.
    private bool CheckSwitch(SwitchExpr sw, TExpr subject, List<TCase> cases, bool asValue)
    {
        var infos = cases.Select(c => new MatchChecker.CaseInfo(c.Patterns, c.Guard != null, c.Span)).ToList();
        if (sw.HasDefault) infos.Add(new MatchChecker.CaseInfo([new PWild()], false, DefaultSpan(sw)));
        return MatchChecker.Check(_core, _diags, subject, infos, asValue, sw.Span);
    }

    /// Where Haxe places `default:` (with its body, else just the colon); the syntax tree keeps
    /// no span for it, so it is found in the text after the last case.
    private TextSpan DefaultSpan(SwitchExpr sw)
    {
        var from = sw.Cases.Count > 0 ? sw.Cases[^1].Span.End : sw.Subject.Span.End;
        if (sw.Span.FileId < 0) return sw.Span;
        var bytes = _loader.Sources[sw.Span.FileId].Bytes;
        var text = System.Text.Encoding.ASCII.GetString(bytes, from, Math.Max(0, Math.Min(sw.Span.End, bytes.Length) - from));
        var at = text.IndexOf("default", StringComparison.Ordinal);
        if (at < 0) return sw.Span;
        var colon = text.IndexOf(':', at);
        if (colon < 0) return sw.Span;
        if (sw.Default != null && sw.Default.Span.End > from + colon) return new TextSpan(sw.Span.FileId, from + at, sw.Default.Span.End);
        return new TextSpan(sw.Span.FileId, from + colon, from + colon + 1);
    }

    /// The variables of one case's patterns. Alternatives (`a | b`, `case a, b:`) share their
    /// locals, and each must bind the same names, as Haxe requires.
    private sealed class PatternVars
    {
        public Dictionary<string, LocalSymbol> Locals { get; } = new();

        /// Names bound so far in the alternative being typed, with where.
        public Dictionary<string, TextSpan> Current { get; set; } = new();

        /// The names the first alternative bound, which a later one may bind (null outside `|`).
        public Dictionary<string, TextSpan>? Allowed { get; set; }
    }

    /// `case a, b, c:` is `a | (b | c)` for Haxe's variable rules; the patterns stay a list.
    private List<TPattern> TypeCasePatterns(IReadOnlyList<Expr> es, HType t, PatternVars vars)
    {
        if (es.Count == 1) return [TypePattern(es[0], t, vars)];
        var (first, rest) = TypeAlternatives(() => TypePattern(es[0], t, vars), () => TypeCasePatterns(es.Skip(1).ToList(), t, vars), vars);
        return [first, .. rest];
    }

    /// Types two alternatives: the right one may bind only what the left one bound, and must bind all of it.
    private (TLeft Left, TRight Right) TypeAlternatives<TLeft, TRight>(Func<TLeft> left, Func<TRight> right, PatternVars vars)
    {
        var (outer, outerAllowed) = (vars.Current, vars.Allowed);
        vars.Current = new();
        var l = left();
        var leftVars = vars.Current;
        vars.Current = new();
        vars.Allowed = leftVars;
        var errors = _diags.ErrorCount;
        var r = right();
        // Haxe stops at the first error of a pattern
        if (_diags.ErrorCount == errors)
            foreach (var (name, span) in leftVars)
                if (!vars.Current.ContainsKey(name)) Error(span, $"Variable {name} must appear exactly once in each sub-pattern");
        vars.Current = outer;
        vars.Allowed = outerAllowed;
        foreach (var (name, span) in leftVars) outer[name] = span;
        return (l, r);
    }

    /// Interprets a case expression as a pattern against a value of type `t`.
    private TPattern TypePattern(Expr e, HType t, PatternVars vars) =>
        TypePatternAt(e, t, vars) with { Span = e.Span };

    private TPattern TypePatternAt(Expr e, HType t, PatternVars bound)
    {
        switch (e)
        {
            case ParenExpr p: return TypePattern(p.Inner, t, bound);
            case IdentExpr { Name: "_" }: return new PWild();
            case BinaryExpr { Op: BinaryOp.Or } or:
            {
                var (l, r) = TypeAlternatives(() => TypePattern(or.Left, t, bound), () => TypePattern(or.Right, t, bound), bound);
                return new POr([l, r]);
            }
            case BinaryExpr { Op: BinaryOp.Assign, Left: IdentExpr name } bind:
                return new PBindAs(Bind(name.Name, t, name.Span, bound), TypePattern(bind.Right, t, bound));
            case VarExpr { Vars.Count: 1 } v:
                return new PBind(Bind(v.Vars[0].Name, t, v.Span, bound));
            case IdentExpr { Name: "null" } n: return new PConst(new TConst(n.Span, t, null));
            case IdentExpr id when PatternEnum(t, id.Name) is { } te && EnumCtor(te, id.Name) is { } ctor:
                return new PEnum(ctor, [], []);
            case IdentExpr id when id.Name is "true" or "false": return new PConst(new TConst(id.Span, _core.Bool, id.Name == "true"));
            case IdentExpr id when char.IsLower(id.Name[0]) || id.Name[0] == '_':
                return new PBind(Bind(id.Name, t, id.Span, bound));
            case CallExpr { Callee: IdentExpr cid } call when PatternEnum(t, cid.Name) is { } te2 && EnumCtor(te2, cid.Name) is { } ctor2:
                return EnumPattern(ctor2, te2, call.Args, bound, call.Span);
            case CallExpr { Callee: FieldExpr { Target: IdentExpr, Name: var cname } } call2 when PatternEnum(t, cname) is { } te3 && EnumCtor(te3, cname) is { } ctor3:
                return EnumPattern(ctor3, te3, call2.Args, bound, call2.Span);
            case FieldExpr { Name: var fname } when PatternEnum(t, fname) is { } te4 && EnumCtor(te4, fname) is { } ctor4:
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
                var before = _diags.Items.Count;
                var v = TypeExpr(e, t);
                if (IsPoisoned(v) && e is IdentExpr upper && _diags.Items.Count == before + 1 && _diags.Items[before].Message == $"Unknown identifier : {upper.Name}")
                {
                    // an unknown capitalized name is a capture variable with a wrong name
                    _diags.Replace(_diags.Items.Take(before).Append(_diags.Items[before] with { Message = "Pattern variables must be lower-case" }));
                    return new PBind(Bind(upper.Name, t, upper.Span, bound));
                }
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

    /// The enum a constructor pattern matches against a value of type `t`: `t` itself, the enum
    /// of a `Null<E>`, or, for a type not known yet (an untyped parameter), the enum whose
    /// constructor `name` is visible by its bare name, which `t` then becomes (as Haxe infers it).
    private TEnum? PatternEnum(HType t, string name)
    {
        var f = t.Follow();
        if (_core.NullInner(t) is { } inner) f = inner.Follow();
        if (f is TEnum te) return te;
        if (f is not TMono || name.Length == 0 || !char.IsUpper(name[0]) || FindCtorByName(name, null) is not { } ctor) return null;
        var owner = ctor.Owner;
        var inferred = new TEnum(owner, owner.Params.Select(_ => (HType)new TMono()).ToList());
        return Unify(inferred, t) ? inferred : null;
    }

    private EnumCtorSymbol? EnumCtor(TEnum te, string name)
    {
        BuildEnum(te.Enum);
        UseEnum(te.Enum);
        return te.Enum.Constructors.FirstOrDefault(c => c.Name == name);
    }

    /// `Ctor(p1, p2)`: a last `_` stands for all the remaining arguments, and left-out optional
    /// arguments match anything, as in Haxe.
    private TPattern EnumPattern(EnumCtorSymbol ctor, TEnum te, IReadOnlyList<Expr> args, PatternVars bound, TextSpan span)
    {
        if (ctor.Type is not TFun)
        {
            Error(span, $"{ctor.Name} does not take arguments"); // Haxe: an enum value is not callable
            return new PEnum(ctor, [], []);
        }
        var fun = (TFun)TypeSubst.Apply(ctor.Type!, ctor.Owner.Params, te.Params);
        var subs = new List<TPattern>();
        for (var i = 0; i < fun.Args.Count; i++)
        {
            if (i == args.Count - 1 && args[i] is IdentExpr { Name: "_" } && args.Count < fun.Args.Count)
            {
                while (subs.Count < fun.Args.Count) subs.Add(new PWild { Span = args[i].Span });
                break;
            }
            if (i < args.Count) subs.Add(TypePattern(args[i], fun.Args[i].Type, bound));
            else if (fun.Args[i].Optional) subs.Add(new PWild { Span = span });
            else { Error(span, "Not enough arguments"); break; }
        }
        if (args.Count > fun.Args.Count) Error(span, "Too many arguments");
        // the declared (erased) argument types decide how arguments are stored
        var declared = ((TFun)ctor.Type!).Args.Select(a => a.Type).ToList();
        return new PEnum(ctor, subs, declared);
    }

    /// A pattern variable; the same name in several alternatives of an or-pattern is one local.
    private LocalSymbol Bind(string name, HType t, TextSpan span, PatternVars vars)
    {
        // Haxe types arguments right to left, so it reports the earlier of the two
        if (vars.Current.TryGetValue(name, out var before)) Error(before.Start < span.Start ? before : span, $"Variable {name} is bound multiple times");
        else if (vars.Allowed != null && !vars.Allowed.ContainsKey(name)) Error(span, $"Variable {name} must appear exactly once in each sub-pattern");
        vars.Current[name] = span;
        if (vars.Locals.TryGetValue(name, out var existing)) return existing;
        var l = DeclareLocal(name, t, span);
        vars.Locals[name] = l;
        return l;
    }
}
