using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Typing;

public sealed partial class Typer
{
    /// Types an expression; `expected` guides inference (monomorph binding, literal types) only.
    /// A sub-expression whose value is used where no type is expected (an operand, a call's or field's
    /// target, a thrown value): a `switch`, `if`, `try` or block there is a value, not a statement, as
    /// with Haxe's WithType.value; anything else is typed as without an expected type.
    private TExpr TypeValue(Expr e) => TypeExpr(e, IsBranching(e) ? new TMono() : null);

    private static bool IsBranching(Expr e) => e switch
    {
        ParenExpr p => IsBranching(p.Inner),
        // a ternary's branches are values too: `x |= c ? switch (...) {...} : 3`
        SwitchExpr or IfExpr or TryExpr or BlockExpr or TernaryExpr => true,
        _ => false,
    };

    /// Deepest nesting of expressions the typer follows (a 100k-long `a + a + ...` chain is 100k deep;
    /// Haxe itself overflows its stack there); deeper, `Expression nested too deeply`, once.
    public const int MaxExprDepth = 50_000;

    private int _exprDepth;
    private bool _tooDeepReported;

    private TExpr TypeExpr(Expr e, HType? expected)
    {
        // the depth bounds what later passes (lowering) meet too; the stack check is for a small-stack caller
        if (_exprDepth >= MaxExprDepth || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            if (!_tooDeepReported) Error(e.Span, "Expression nested too deeply", "RZ0013");
            _tooDeepReported = true;
            return Poisoned(e.Span);
        }
        _exprDepth++;
        try
        {
            return TypeExprAt(e, expected);
        }
        finally
        {
            _exprDepth--;
        }
    }

    private TExpr TypeExprAt(Expr e, HType? expected)
    {
        switch (e)
        {
            case IntLiteral i:
                // hex literals wrap to Int32 (0xFFFFFFFF is -1); decimal ones past Int32 are Floats
                var hex = i.Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || i.Text.StartsWith("-0x", StringComparison.OrdinalIgnoreCase);
                if (i.Value is < int.MinValue or > uint.MaxValue || !hex && i.Value > int.MaxValue) return new TConst(i.Span, _core.Float, (double)i.Value);
                return new TConst(i.Span, _core.Int, unchecked((int)i.Value));
            case FloatLiteral f: return new TConst(f.Span, _core.Float, f.Value);
            case StringLiteral s: return new TConst(s.Span, _core.String, s.Value);
            case InterpolatedString isx: return TypeInterpolation(isx);
            case IdentExpr id:
                _expectedForIdent = expected;
                return TypeIdent(id);
            case ParenExpr p: return TypeExpr(p.Inner, expected);
            // `{}` where a value is expected is an empty structure, as in Haxe
            case BlockExpr { Exprs.Count: 0 } eb0 when expected != null && !_core.IsVoid(expected):
                return TypeObjectLiteral(new ObjectLiteral(eb0.Span, []), expected);
            case BlockExpr b: return TypeBlock(b, expected);
            case VarExpr v: return TypeVar(v);
            case BinaryExpr bin: return TypeBinary(bin);
            case AssignOpExpr ao: return TypeAssignOp(ao);
            case UnaryExpr u: return TypeUnary(u);
            case TernaryExpr t: return TypeIfValue(t.Span, t.Cond, t.Then, t.Else, expected);
            case IfExpr ie: return ie.Else != null && expected != null && !_core.IsVoid(expected) && !(Prune(expected) is TMono && IsStatementIf(ie))
                ? TypeIfValue(ie.Span, ie.Cond, ie.Then, ie.Else, expected)
                : TypeIfStatement(ie);
            case WhileExpr w:
            {
                var cond = Coerce(TypeExpr(w.Cond, _core.Bool), _core.Bool, w.Span); // Haxe reports at the loop
                _loopDepth++;
                var body = TypeExpr(w.Body, null);
                _loopDepth--;
                return new TWhile(w.Span, _core.Void, cond, body, w.DoWhile);
            }
            case ForExpr fe: return TypeFor(fe);
            case BreakExpr br:
                if (_loopDepth == 0) Error(br.Span, "Break outside loop");
                return new TBreak(br.Span, _core.Void);
            case ContinueExpr co:
                if (_loopDepth == 0) Error(co.Span, "Continue outside loop");
                return new TContinue(co.Span, _core.Void);
            case ReturnExpr r: return TypeReturn(r);
            case FieldExpr fx: return TypeField(fx);
            case CallExpr c: return TypeCall(c, expected);
            case ThrowExpr th: return TypeThrow(th);
            case TryExpr te: return TypeTry(te, expected);
            case ErrorExpr err: return Poisoned(err.Span);
            case CheckTypeExpr ct:
            {
                var t = ResolveHint(ct.Type);
                var errors = _diags.ErrorCount;
                var checkedValue = Coerce(TypeExpr(ct.Value, t), t, ct.Span);
                // a failed check still gives the stated type (Haxe reports what follows from it)
                if (_diags.ErrorCount > errors && !IsPoisoned(checkedValue)) return new TCast(ct.Span, t, checkedValue, CastKind.Retype);
                // `(money : Int)`: the value now has the stated type (an abstract's operators no longer apply)
                if (!IsPoisoned(checkedValue) && (IsUserAbstract(checkedValue.Type) || IsUserAbstract(t)) && !ReferenceEquals(Prune(checkedValue.Type), Prune(t)))
                    checkedValue = new TCast(ct.Span, t, checkedValue, CastKind.Retype);
                return checkedValue;
            }
            case MetaExpr { Meta.Name: ":privateAccess" } pa:
            {
                // private fields and `null` setters are accessible inside (haxe.Timer's MainLoop events)
                _privateAccess++;
                try { return TypeExpr(pa.Value, expected); }
                finally { _privateAccess--; }
            }
            case MetaExpr me: return TypeExpr(me.Value, expected);
            case UntypedExpr ue: return Unsupported(ue.Span, "untyped");
            case ArrayLiteral al: return TypeArrayLiteral(al, expected);
            case NewExpr ne: return TypeNew(ne, expected);
            case RegexLiteral rl: return TypeRegexLiteral(rl, expected);
            case SwitchExpr sw: return TypeSwitch(sw, expected);
            case ObjectLiteral ol: return TypeObjectLiteral(ol, expected);
            case CastExpr ce:
            {
                var value = TypeExpr(ce.Value, null);
                if (IsPoisoned(value)) return value;
                if (ce.Type == null)
                    return new TCast(ce.Span, expected != null && !_core.IsVoid(expected) ? expected : new TMono(), value, CastKind.Retype);
                return TypeCheckedCast(ce, value, ResolveHint(ce.Type));
            }
            case FunctionExpr fe when fe.Function.Body != null: return TypeLocalFunction(fe, expected);
            case ArrowFunctionExpr ae: return TypeArrow(ae, expected);
            case IndexExpr ix: return TypeIndex(ix);
            default:
                return Unsupported(e.Span, DescribeSyntax(e));
        }
    }

    private static string DescribeSyntax(Expr e) => e switch
    {
        NewExpr => "new",
        ArrayLiteral => "Array literal",
        ObjectLiteral => "Anonymous object",
        FunctionExpr => "Local function",
        ArrowFunctionExpr => "Arrow function",
        SwitchExpr => "switch",
        TryExpr => "try/catch",
        IndexExpr => "Array access",
        CastExpr => "cast",
        IsExpr => "is",
        MacroExpr => "macro",
        _ => e.GetType().Name.Replace("Expr", ""),
    };

    private TExpr TypeBlock(BlockExpr b, HType? expected)
    {
        PushScope();
        var list = new List<TExpr>(b.Exprs.Count);
        for (var i = 0; i < b.Exprs.Count; i++)
            list.Add(TypeExpr(b.Exprs[i], i == b.Exprs.Count - 1 ? expected : null));
        PopScope();
        return new TBlock(b.Span, list.Count > 0 ? list[^1].Type : _core.Void, list);
    }

    private TExpr TypeVar(VarExpr v)
    {
        var decls = new List<TExpr>();
        foreach (var d in v.Vars)
        {
            var hinted = d.Type != null ? ResolveHint(d.Type) : null;
            TExpr? init = null;
            HType type;
            if (d.Init != null)
            {
                init = TypeExpr(d.Init, hinted ?? new TMono());
                // Haxe reports a mismatch on the whole `var` statement, semicolon included
                if (hinted != null) init = Coerce(init, hinted, v.Vars.Count == 1 ? WithSemicolon(v.Span) : d.Span);
                type = hinted ?? init.Type;
                if (_core.IsVoid(type) && !IsPoisoned(init)) Error(new TextSpan(d.Span.FileId, d.Span.Start, d.Span.Start + d.Name.Length), "Variables of type Void are not allowed", LateCode);
            }
            else type = hinted ?? new TMono();
            // declared after the initializer: `var x = x + 1` reads the outer x
            var local = DeclareLocal(d.Name, type, d.Span, v.IsFinal);
            decls.Add(new TVar(d.Span, _core.Void, local, init));
        }
        return decls.Count == 1 ? decls[0] : new TBlock(v.Span, _core.Void, decls);
    }

    /// The span extended over the `;` that follows it (Haxe's positions of `var` statements include it).
    private TextSpan WithSemicolon(TextSpan span)
    {
        if (span.FileId < 0) return span;
        var bytes = _loader.Sources[span.FileId].Bytes;
        var i = span.End;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < bytes.Length && bytes[i] == (byte)';' ? span with { End = i + 1 } : span;
    }

    /// An `if` whose branches end in statements (loops, returns) cannot be a value; a `throw` can stand
    /// for any value (`if (t == null) throw "x" else t`).
    private static bool IsStatementIf(IfExpr ie) =>
        IsStatement(ie.Then) && ie.Then is not ThrowExpr || ie.Else != null && IsStatement(ie.Else) && ie.Else is not ThrowExpr;

    private static bool IsStatement(Expr e) => e switch
    {
        BlockExpr { Exprs.Count: 0 } => true,
        BlockExpr b => IsStatement(b.Exprs[^1]),
        WhileExpr or ForExpr or ReturnExpr or BreakExpr or ContinueExpr or ThrowExpr or VarExpr => true,
        _ => false,
    };

    private TExpr TypeIfStatement(IfExpr ie)
    {
        var cond = Coerce(TypeExpr(ie.Cond, _core.Bool), _core.Bool, ie.Span); // Haxe reports at the `if`
        var then = TypeExpr(ie.Then, null);
        var els = ie.Else != null ? TypeExpr(ie.Else, null) : null;
        return new TIf(ie.Span, _core.Void, cond, then, els);
    }

    /// `c ? a : b` and `if` used as a value: both branches unify to one type.
    private TExpr TypeIfValue(TextSpan span, Expr c, Expr a, Expr b, HType? expected)
    {
        var cond = Coerce(TypeExpr(c, _core.Bool), _core.Bool, span);
        var then = TypeExpr(a, expected);
        var els = TypeExpr(b, expected ?? then.Type);
        var type = expected != null && !_core.IsVoid(expected) && Prune(expected) is not TMono ? expected : CommonType(then, els);
        if (expected != null && Prune(expected) is TMono) Unify(expected, type);
        then = Coerce(then, type, a.Span);
        els = Coerce(els, type, b.Span);
        return new TIf(span, type, cond, then, els);
    }

    /// The type two branches meet in: Float when Int meets Float, else the first's when the second fits.
    private HType CommonType(TExpr a, TExpr b)
    {
        if (_core.IsNumeric(a.Type) && _core.IsNumeric(b.Type))
            return _core.IsFloat(a.Type) || _core.IsFloat(b.Type) ? _core.Float : _core.Int;
        if (a is TConst { Value: null }) return _core.IsBasic(b.Type) ? _core.Null(b.Type) : b.Type;
        if (b is TConst { Value: null }) return _core.IsBasic(a.Type) ? _core.Null(a.Type) : a.Type;
        return a.Type;
    }

    private TExpr TypeFor(ForExpr fe)
    {
        if (fe.KeyVar == null && fe.Iterable is BinaryExpr { Op: BinaryOp.Interval } range)
        {
            var from = Coerce(TypeExpr(range.Left, _core.Int), _core.Int, range.Left.Span);
            var to = Coerce(TypeExpr(range.Right, _core.Int), _core.Int, range.Right.Span);
            PushScope();
            var v = DeclareLocal(fe.Var, _core.Int, fe.VarSpan);
            _loopDepth++;
            var body = TypeExpr(fe.Body, null);
            _loopDepth--;
            PopScope();
            return new TForRange(fe.Span, _core.Void, v, from, to, body);
        }
        var iterable = TypeExpr(fe.Iterable, null);
        if (IsPoisoned(iterable)) return iterable;
        if (fe.KeyVar == null && ArrayElem(iterable.Type) is { } elem) return TypeForArray(fe, iterable, elem);
        return TypeForIterable(fe, iterable);
    }

    private TExpr TypeReturn(ReturnExpr r)
    {
        if (_returnType == null) { Error(r.Span, "Return outside function"); return new TReturn(r.Span, _core.Void, null); }
        if (r.Value == null)
        {
            if (Prune(_returnType) is TMono m) m.Bound = _core.Void;
            else if (!_core.IsVoid(_returnType)) Error(r.Span, $"Void should be {_returnType}");
            return new TReturn(r.Span, _core.Void, null);
        }
        var value = TypeExpr(r.Value, _returnType);
        if (_core.IsVoid(value.Type) && Prune(_returnType) is TMono m2) { m2.Bound = _core.Void; return new TReturn(r.Span, _core.Void, value); }
        _returnsValue = true;
        // a value returned from a Void function
        if (_core.IsVoid(_returnType) && !_core.IsVoid(value.Type) && !IsPoisoned(value) && Prune(value.Type) is not TMono)
        {
            Error(r.Span, $"{value.Type} should be Void");
            return new TReturn(r.Span, _core.Void, value);
        }
        // Haxe reports a mismatch at the whole `return`
        return new TReturn(r.Span, _core.Void, Coerce(value, _returnType, r.Span));
    }

    private TExpr TypeInterpolation(InterpolatedString s)
    {
        TExpr? acc = null;
        foreach (var part in s.Parts)
        {
            var t = TypeValue(part);
            var str = ToStringExpr(t);
            acc = acc == null ? str : new TBinary(s.Span, _core.String, BinaryOp.Add, acc, str);
        }
        return acc ?? new TConst(s.Span, _core.String, "");
    }

    /// Converts any value to String the way `Std.string` does.
    private TExpr ToStringExpr(TExpr e)
    {
        if (_core.IsString(e.Type)) return e;
        // an abstract with its own `toString` prints through it, as in Haxe
        if (e.Type.Follow() is TAbstract { Abstract: { IsCoreType: false } a } ta && !IsPoisoned(e))
        {
            BuildAbstractHeader(a);
            if (a.Fields.TryGetValue("toString", out var ts) && ts.Type is TFun { Args.Count: 0 })
                return CallOperator(e.Span, ts, ta, e, []);
            // a static `toString(x:A)` serves inside the abstract itself (haxe.CallStack's; Haxe
            // refuses it elsewhere: "Invalid call to static function toString through abstract instance")
            if (_type == a && a.Statics.TryGetValue("toString", out var sts))
            {
                EnsureTyped(sts);
                if (sts.Type is TFun { Args.Count: 1 }) return CallOperator(e.Span, sts, ta, null, [e]);
            }
        }
        return new TToString(e.Span, _core.String, e);
    }

    // ---- identifiers and fields ----

    private TExpr TypeIdent(IdentExpr id)
    {
        switch (id.Name)
        {
            case "true": return new TConst(id.Span, _core.Bool, true);
            case "false": return new TConst(id.Span, _core.Bool, false);
            case "null": return new TConst(id.Span, new TMono(), null);
            case "this" when LookupLocal("this") is { } thisLocal:
                return new TLocal(id.Span, thisLocal);
            case "this":
                if (_field is { IsStatic: true } || _type is not ClassSymbol tc)
                {
                    Error(id.Span, "Cannot access this from a static function");
                    return Poisoned(id.Span);
                }
                return new TThis(id.Span, new TInst(tc, tc.Params.Cast<HType>().ToList()));
        }
        if (LookupLocal(id.Name) is { } local)
        {
            NoteCapture(local);
            return new TLocal(id.Span, local);
        }
        for (var c = _type as ClassSymbol; c != null; c = c.Super?.Class)
        {
            if (c.Statics.TryGetValue(id.Name, out var sf)) return StaticFieldExpr(id.Span, c, sf);
            if (c.Fields.TryGetValue(id.Name, out var inf))
            {
                if (_field is { IsStatic: true })
                {
                    Error(id.Span, $"Cannot access {id.Name} in static function");
                    return Poisoned(id.Span);
                }
                var self = new TThis(id.Span, new TInst((ClassSymbol)_type!, ((ClassSymbol)_type!).Params.Cast<HType>().ToList()));
                return InstanceFieldExpr(id.Span, self, inf);
            }
        }
        if (_type is AbstractSymbol ownAbs && AbstractStatic(id.Span, ownAbs, id.Name) is { } ownStatic) return ownStatic;
        if (_type is AbstractSymbol selfAbs && _field is { IsStatic: false } && selfAbs.Fields.ContainsKey(id.Name) && LookupLocal("this") is { } abstractThis)
        {
            // a member of the abstract itself: `x` is `this.x` with `this` seen as the abstract
            var self = new TCast(id.Span, new TAbstract(selfAbs, selfAbs.Params.Cast<HType>().ToList()), new TLocal(id.Span, abstractThis), CastKind.Retype);
            return TypeFieldOf(new FieldExpr(id.Span, id, id.Name, id.Span), self);
        }
        if (ImportedStatic(id) is { } imported) return imported;
        if (ModuleLevelField(id) is { } moduleField) return moduleField;
        if (_expectedForIdent?.Follow() is TAbstract { Abstract: { IsCoreType: false } expAbs } && expAbs.Decl.IsEnum
            && AbstractStatic(id.Span, expAbs, id.Name) is { } enumValue) return enumValue;
        if (FindCtorByName(id.Name, _expectedForIdent) is { } ctor) return CtorExpr(id.Span, ctor);
        if (char.IsUpper(id.Name[0]) && FindEnumAbstractValue(id.Span, id.Name) is { } eav) return eav;
        if (FindTypeByName(id.Name) is { } type)
        {
            if (type is ClassSymbol cls) BuildClassHeader(cls);
            return new TTypeRef(id.Span, new TTypeExpr(type), type);
        }
        Error(id.Span, $"Unknown identifier : {id.Name}");
        return Poisoned(id.Span);
    }

    private TExpr StaticFieldExpr(TextSpan span, ClassSymbol c, FieldSymbol f)
    {
        UseClass(c);
        EnsureTyped(f);
        if (!f.IsExtern) Enqueue(f);
        return ReadProperty(new TStaticField(span, f.Type!, f));
    }

    private TExpr InstanceFieldExpr(TextSpan span, TExpr target, FieldSymbol f)
    {
        // a member used on a value of a class nothing here instantiates (a value from Dynamic, a
        // type test) still needs the class's code
        if (f.Owner is ClassSymbol owner0 && !f.IsExtern) UseClass(owner0);
        EnsureTyped(f);
        if (!f.IsExtern) Enqueue(f);
        var type = f.Type!;
        var recv = target.Type.Follow();
        if (recv is TAbstract na && na.Abstract == _core.NullSym) recv = na.Params[0].Follow();
        if (recv is TInst inst && f.Owner is ClassSymbol owner && owner.Params.Count > 0)
            type = TypeSubst.Apply(type, owner.Params, InstParamsFor(inst, owner));
        return ReadProperty(new TInstanceField(span, type, target, f));
    }

    private TExpr TypeField(FieldExpr fx)
    {
        if (fx.Target is IdentExpr { Name: "super" }) return TypeSuperField(fx);
        if (fx is { Name: "code", Target: StringLiteral { Value.Length: > 0 } lit })
            return new TConst(fx.Span, _core.Int, char.ConvertToUtf32(lit.Value, 0));
        if (TypePackagePath(fx) is { } viaPackage) return viaPackage;
        var target = TypeValue(fx.Target);
        if (IsPoisoned(target)) return target;
        return TypeFieldOf(fx, target);
    }

    /// A module-level function or var of this module or of an imported module.
    private TExpr? ModuleLevelField(IdentExpr id)
    {
        IEnumerable<ModuleSymbol> modules = [_module];
        foreach (var imp in _module.Syntax.Imports)
            if (!imp.Wildcard && _loader.Load(string.Join('.', imp.Path)) is { } m) modules = modules.Append(m);
        foreach (var m in modules)
            if (m.Find(m.Name + ModuleLoader.ModuleFieldsSuffix) is ClassSymbol holder)
            {
                BuildClassHeader(holder);
                if (holder.Statics.TryGetValue(id.Name, out var f)) return StaticFieldExpr(id.Span, holder, f);
            }
        return null;
    }

    /// `import pack.Class.field;` (or `... as alias`) makes a static field visible by its name.
    private TExpr? ImportedStatic(IdentExpr id)
    {
        foreach (var imp in _module.Syntax.Imports)
        {
            if (imp.Wildcard || imp.Path.Count < 2 || (imp.Alias ?? imp.Path[^1]) != id.Name) continue;
            if (ResolveImportPath(imp.Path.Take(imp.Path.Count - 1).ToList()) is ClassSymbol cls)
            {
                BuildClassHeader(cls);
                if (cls.Statics.TryGetValue(imp.Path[^1], out var f)) return StaticFieldExpr(id.Span, cls, f);
            }
        }
        return null;
    }

    /// `haxe.io.Bytes` / `pack.Type.field` in an expression, when `pack` is not a variable.
    private TExpr? TypePackagePath(FieldExpr fx)
    {
        var parts = new List<(string Name, TextSpan Span)>();
        Expr e = fx;
        while (e is FieldExpr f) { parts.Insert(0, (f.Name, f.Span)); e = f.Target; }
        if (e is not IdentExpr root || !char.IsLower(root.Name[0]) || LookupLocal(root.Name) != null) return null;
        if (_type is ClassSymbol self && (self.FindField(root.Name) != null || self.Statics.ContainsKey(root.Name))) return null;
        parts.Insert(0, (root.Name, root.Span));
        var typeAt = parts.FindIndex(p => char.IsUpper(p.Name[0]));
        if (typeAt <= 0) return null;
        var pack = parts.Take(typeAt).Select(p => p.Name).ToList();
        var module = _loader.Load(string.Join('.', pack.Append(parts[typeAt].Name)));
        if (module?.MainType is not { } sym) return null;
        var next = typeAt + 1;
        if (next < parts.Count && module.Find(parts[next].Name) is { } sub && char.IsUpper(parts[next].Name[0])) { sym = sub; next++; }
        if (sym is ClassSymbol cls) BuildClassHeader(cls);
        TExpr cur = new TTypeRef(parts[next - 1].Span, new TTypeExpr(sym), sym);
        for (var i = next; i < parts.Count; i++)
            cur = TypeFieldOf(new FieldExpr(parts[i].Span, new IdentExpr(parts[i].Span, "_"), parts[i].Name, parts[i].Span), cur);
        return cur;
    }

    /// `target.name` once the target is typed.
    private TExpr TypeFieldOf(FieldExpr fx, TExpr target)
    {
        if (target is TTypeRef { Symbol: EnumSymbol en } ter)
        {
            BuildEnum(en);
            if (en.Constructors.FirstOrDefault(k => k.Name == fx.Name) is { } ctor) return CtorExpr(fx.Span, ctor);
            Error(fx.NameSpan, $"Enum<{en.Name}> has no field {fx.Name}");
            return Poisoned(fx.Span);
        }
        if (target is TTypeRef { Symbol: AbstractSymbol absSym } atr)
        {
            if (AbstractStatic(fx.Span, absSym, fx.Name) is { } st) return st;
            Error(fx.NameSpan, $"Abstract<{absSym.Name}> has no field {fx.Name}");
            return Poisoned(fx.Span);
        }
        if (target is TTypeRef tr)
        {
            if (tr.Symbol is ClassSymbol cls)
            {
                BuildClassHeader(cls);
                for (var c = cls; c != null; c = c.Super?.Class)
                    if (c.Statics.TryGetValue(fx.Name, out var sf))
                    {
                        CheckAccess(sf, fx.NameSpan);
                        return StaticFieldExpr(fx.Span, c, sf);
                    }
                if (cls.FindField(fx.Name) != null)
                {
                    Error(fx.NameSpan, $"Static access to instance field {fx.Name} is not allowed");
                    return Poisoned(fx.Span);
                }
            }
            Error(fx.NameSpan, tr.Symbol is ClassSymbol sc0 ? WithSuggestions($"Class<{tr.Symbol.Name}> has no field {fx.Name}", fx.Name, sc0.Statics.Keys) : $"{tr.Symbol.Name} has no field {fx.Name}");
            return Poisoned(fx.Span);
        }
        if (target.Type.Follow() is TAbstract { Abstract.IsCoreType: false } absValue)
        {
            // an abstract's value has the abstract's fields only (AbstractMember: the underlying type's with @:forward)
            if (AbstractMember(fx, target, absValue) is { } member) return member;
            Error(fx.NameSpan, $"{absValue} has no field {fx.Name}");
            return Poisoned(fx.Span);
        }
        var tt = CoreTypes.Runtime(target.Type);
        // `Null<T>` of an object type: the field of T (a null value fails at run time)
        if (_core.NullInner(tt) is { } innerT && !_core.IsBasic(innerT)) tt = innerT.Follow();
        if (tt is TInst ti)
        {
            BuildClassHeader(ti.Class);
            if (ti.Class == _core.StringSym && fx.Name == "length" || ti.Class.FindField(fx.Name) is not null)
            {
                var f = ti.Class.FindField(fx.Name)!;
                if (f != null) CheckAccess(f, fx.NameSpan);
                return InstanceFieldExpr(fx.Span, target, f!);
            }
            for (var sc = ti.Class; sc != null; sc = sc.Super?.Class)
                if (sc.Statics.ContainsKey(fx.Name))
                {
                    Error(fx.NameSpan, $"Cannot access static field {fx.Name} from a class instance");
                    return Poisoned(fx.Span);
                }
            var known = InstanceFieldNames(ti.Class);
            Error(fx.NameSpan, WithSuggestions($"{ti} has no field {fx.Name}", fx.Name, ti.Class == _core.StringSym ? known.Append("length") : known));
            return Poisoned(fx.Span);
        }
        if (tt is TAnon || _core.IsDynamic(tt) || tt is TMono) return TypeDynField(fx, target);
        if (Prune(target.Type) is TParam { Constraints.Count: > 0 } tp)
        {
            // a constrained type parameter: the field of the first constraint that has it
            foreach (var c in tp.Constraints)
                if (HasField(c, fx.Name) || _core.IsString(c) && fx.Name == "length")
                {
                    // a structural constraint may be met by a String or an Array: their members by name
                    if (c.Follow() is TAnon) UseMemberClasses();
                    return TypeFieldOf(fx, new TCast(target.Span, c, target, CastKind.Retype));
                }
            Error(fx.NameSpan, $"{tp} has no field {fx.Name}");
            return Poisoned(fx.Span);
        }
        // Int, Float, Bool, Void, functions: no fields
        if (tt is TAbstract { Abstract.IsCoreType: true } or TFun)
        {
            Error(fx.NameSpan, $"{target.Type} has no field {fx.Name}");
            return Poisoned(fx.Span);
        }
        return Unsupported(fx.Span, $"Field access on {target.Type}");
    }

    /// `cast(e, T)`: a static upcast or a basic conversion needs no test; anything else is tested at
    /// run time like on the other Haxe targets.
    private TExpr TypeCheckedCast(CastExpr ce, TExpr value, HType to)
    {
        var from = value.Type.Follow();
        var target = to.Follow();
        if (to is TInst { Params.Count: > 0 } or TEnum { Params.Count: > 0 } && !(to is TInst ti0 ? ti0.Params : ((TEnum)to).Params).All(p => p.Follow() is TDynamic))
        {
            Error(ce.Type!.Span, "Cast type parameters must be Dynamic");
            return Poisoned(ce.Span);
        }
        if (_core.IsNumeric(from) && _core.IsNumeric(target) || IsStaticSubclass(from, target))
            return Coerce(value, to, ce.Span);
        return new TCast(ce.Span, to, value, CastKind.Checked);
    }

    private static bool IsStaticSubclass(HType from, HType to)
    {
        if (from is not TInst fi || to is not TInst ti) return false;
        for (var c = fi.Class; c != null; c = c.Super?.Class)
            if (c == ti.Class) return true;
        return false;
    }
}
