using System.Globalization;
using System.Text;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typing;

namespace Rayzor.Frontend.Typed;

/// Prints the typed tree (`rayzor dump --typed`): one block per typed function or initialized
/// variable, in Haxe-like syntax with the types the typer gave to declarations, calls, casts,
/// and `if`/`switch`/array/object values. Conversions the typer inserted show as `float(e)`,
/// `box(e)`, `unbox(e)`, `retype(e)`, `checked(e)`, `string(e)`; a field read by name at run time
/// (Dynamic, structures) as `e.?name`. Locals are printed by name, so the text depends only on
/// the program and is stable enough for snapshots.
public sealed class TypedPrinter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    private TypedPrinter() { }

    /// The typed functions of the types `include` accepts (all when null), grouped by type, types
    /// sorted by module and then in declaration order.
    public static string Print(TypedProgram program, Func<TypeSymbol, bool>? include = null)
    {
        var p = new TypedPrinter();
        IEnumerable<TypeSymbol> types = program.Classes.Cast<TypeSymbol>().Concat(program.Abstracts);
        var ordered = types.Distinct().Where(t => include == null || include(t))
            .OrderBy(t => t.Module.Path, StringComparer.Ordinal).ThenBy(t => t.Decl.Span.Start);
        foreach (var t in ordered) p.Type(t);
        return p._sb.ToString();
    }

    /// One function or variable initializer, as printed in the dump.
    public static string PrintField(FieldSymbol f)
    {
        var p = new TypedPrinter();
        p.Field(f);
        return p._sb.ToString();
    }

    /// One expression, printed at indentation 0.
    public static string PrintExpr(TExpr e)
    {
        var p = new TypedPrinter();
        p.Expr(e);
        return p._sb.ToString();
    }

    private void Type(TypeSymbol t)
    {
        var fields = t switch
        {
            ClassSymbol c => c.DeclaredFields,
            AbstractSymbol a => a.Statics.Values.Concat(a.Fields.Values).OrderBy(f => f.Decl.Span.Start).ToList(),
            _ => [],
        };
        var typed = fields.Where(f => f.Body != null && f.Decl.Kind is MethodField or VarField { Init: not null } or PropertyField { Init: not null }).ToList();
        // enum abstract values are constants, not code
        if (t is AbstractSymbol { Decl.IsEnum: true }) typed = typed.Where(f => f.Kind == FieldKindTag.Method).ToList();
        foreach (var f in typed)
        {
            Field(f);
            _sb.Append('\n');
        }
    }

    private void Field(FieldSymbol f)
    {
        var owner = f.Owner.Name.EndsWith(ModuleLoader.ModuleFieldsSuffix, StringComparison.Ordinal)
            ? f.Owner.Module.Path : f.Owner.FullName;
        if (f.IsStatic) _sb.Append("static ");
        if (f.IsInline) _sb.Append("inline ");
        if (f.Type is TFun fun && f.Kind == FieldKindTag.Method)
        {
            _sb.Append("function ").Append(owner).Append('.').Append(f.Name);
            if (f.Params.Count > 0) _sb.Append('<').Append(string.Join(", ", f.Params.Select(TypeText))).Append('>');
            _sb.Append('(');
            var args = f.AbstractThis != null ? f.ArgLocals.Skip(1).ToList() : f.ArgLocals;
            for (var i = 0; i < fun.Args.Count; i++)
            {
                if (i > 0) _sb.Append(", ");
                if (fun.Args[i].Optional) _sb.Append('?');
                _sb.Append(i < args.Count ? args[i].Name : fun.Args[i].Name).Append(':').Append(TypeText(fun.Args[i].Type));
            }
            _sb.Append("):").Append(TypeText(fun.Return)).Append(' ');
            Block(f.Body!);
        }
        else
        {
            _sb.Append("var ").Append(owner).Append('.').Append(f.Name).Append(':').Append(TypeText(f.Type!)).Append(" = ");
            Expr(f.Body!);
        }
        _sb.Append('\n');
    }

    private static string TypeText(HType t) => t.ToString();

    private void NewLine()
    {
        _sb.Append('\n');
        _sb.Append(' ', _indent * 2);
    }

    /// A body: a block as is, anything else inside braces.
    private void Block(TExpr e)
    {
        if (e is TBlock) { Expr(e); return; }
        _sb.Append('{');
        _indent++;
        Statement(e);
        _indent--;
        NewLine();
        _sb.Append('}');
    }

    /// A statement on its own line; those ending in a brace take no semicolon.
    private void Statement(TExpr e)
    {
        NewLine();
        Expr(e);
        var braced = e is TBlock { Exprs.Count: > 0 } or TWhile { DoWhile: false } or TForRange or TForArray or TTry
            || e is TIf { Type: var t } && IsVoidLike(t) || e is TSwitch { Type: var st } && IsVoidLike(st);
        if (!braced) _sb.Append(';');
    }

    private void List(IEnumerable<TExpr> es)
    {
        var first = true;
        foreach (var e in es)
        {
            if (!first) _sb.Append(", ");
            first = false;
            Expr(e);
        }
    }

    /// `e:Type`, for values whose type the reader cannot see otherwise.
    private void Typed(TExpr e, HType t)
    {
        Expr(e);
        _sb.Append(':').Append(TypeText(t));
    }

    private void Expr(TExpr e)
    {
        switch (e)
        {
            case TConst c: Const(c); break;
            case TThis: _sb.Append("this"); break;
            case TSuper: _sb.Append("super"); break;
            case TLocal l: _sb.Append(l.Local.Name); break;
            case TStaticField sf: _sb.Append(sf.Field.Owner.Name.EndsWith(ModuleLoader.ModuleFieldsSuffix, StringComparison.Ordinal) ? sf.Field.Owner.Module.Path : sf.Field.Owner.FullName).Append('.').Append(sf.Field.Name); break;
            case TInstanceField inf: Operand(inf.Target); _sb.Append('.').Append(inf.Field.Name); break;
            case TDynField df: Operand(df.Target); _sb.Append(".?").Append(df.Name); break;
            case TTypeRef tr: _sb.Append(tr.Symbol.FullName); break;
            case TCall call:
                Operand(call.Callee);
                _sb.Append('(');
                List(call.Args);
                _sb.Append("):").Append(TypeText(call.Type));
                break;
            case TNew n:
                _sb.Append("new ").Append(TypeText(n.Type)).Append('(');
                List(n.Args);
                _sb.Append(')');
                break;
            case TBinary b:
                _sb.Append('(');
                Expr(b.Left);
                _sb.Append(' ').Append(BinaryText(b.Op)).Append(' ');
                Expr(b.Right);
                _sb.Append(')');
                break;
            case TUnary u:
                _sb.Append(u.Op switch { UnaryOp.Not => "!", UnaryOp.Neg => "-", UnaryOp.BitNot => "~", _ => u.Op.ToString() });
                Operand(u.Operand);
                break;
            case TIncDec id:
                var op = id.Increment ? "++" : "--";
                if (!id.Postfix) _sb.Append(op);
                Operand(id.Target);
                if (id.Postfix) _sb.Append(op);
                break;
            case TAssign a:
                Expr(a.Target);
                _sb.Append(" = ");
                Expr(a.Value);
                break;
            case TAssignOp ao:
                Expr(ao.Target);
                _sb.Append(' ').Append(BinaryText(ao.Op)).Append("= ");
                Expr(ao.Value);
                break;
            case TVar v:
                _sb.Append(v.Local.IsFinal ? "final " : "var ").Append(v.Local.Name).Append(':').Append(TypeText(v.Local.Type));
                if (v.Local.Captured) _sb.Append(" /*captured*/");
                if (v.Init != null)
                {
                    _sb.Append(" = ");
                    Expr(v.Init);
                }
                break;
            case TBlock blk:
                if (blk.Exprs.Count == 0) { _sb.Append("{}"); break; }
                _sb.Append('{');
                _indent++;
                foreach (var x in blk.Exprs) Statement(x);
                _indent--;
                NewLine();
                _sb.Append('}');
                break;
            case TIf i:
                _sb.Append("if (");
                Condition(i.Cond);
                _sb.Append(") ");
                Block(i.Then);
                if (i.Else != null)
                {
                    _sb.Append(" else ");
                    if (i.Else is TIf) Expr(i.Else); else Block(i.Else);
                }
                if (!IsVoidLike(i.Type)) _sb.Append(':').Append(TypeText(i.Type));
                break;
            case TWhile w when w.DoWhile:
                _sb.Append("do ");
                Block(w.Body);
                _sb.Append(" while (");
                Condition(w.Cond);
                _sb.Append(')');
                break;
            case TWhile w:
                _sb.Append("while (");
                Condition(w.Cond);
                _sb.Append(") ");
                Block(w.Body);
                break;
            case TForRange fr:
                _sb.Append("for (").Append(fr.Var.Name).Append(':').Append(TypeText(fr.Var.Type)).Append(" in ");
                Expr(fr.From);
                _sb.Append("...");
                Expr(fr.To);
                _sb.Append(") ");
                Block(fr.Body);
                break;
            case TForArray fa:
                _sb.Append("for (").Append(fa.Var.Name).Append(':').Append(TypeText(fa.Var.Type)).Append(" in ");
                Expr(fa.Array);
                _sb.Append(") ");
                Block(fa.Body);
                break;
            case TReturn r:
                _sb.Append("return");
                if (r.Value != null) { _sb.Append(' '); Expr(r.Value); }
                break;
            case TBreak: _sb.Append("break"); break;
            case TContinue: _sb.Append("continue"); break;
            case TThrow th:
                _sb.Append("throw ");
                Expr(th.Value);
                break;
            case TCast cast:
                _sb.Append(cast.Kind switch
                {
                    CastKind.IntToFloat => "float",
                    CastKind.Box => "box",
                    CastKind.Unbox => "unbox",
                    CastKind.Retype => "retype",
                    _ => "checked",
                }).Append('(');
                Expr(cast.Value);
                _sb.Append("):").Append(TypeText(cast.Type));
                break;
            case TTrace t:
                _sb.Append("trace(").Append(Path.GetFileName(t.File)).Append(':').Append(t.Line).Append(", ");
                Expr(t.Value);
                _sb.Append(')');
                break;
            case TToString ts:
                _sb.Append("string(");
                Expr(ts.Value);
                _sb.Append(')');
                break;
            case TArrayDecl ad:
                _sb.Append('[');
                List(ad.Items);
                _sb.Append("]:").Append(TypeText(ad.Type));
                break;
            case TIndex ix:
                Operand(ix.Target);
                _sb.Append('[');
                Expr(ix.Index);
                _sb.Append(']');
                break;
            case TMapIndex mi:
                Operand(mi.Map);
                _sb.Append('[');
                Expr(mi.Key);
                _sb.Append("]:").Append(TypeText(mi.Type));
                break;
            case TAbstractIndex ai:
                Operand(ai.Target);
                _sb.Append('[');
                Expr(ai.Key);
                _sb.Append(']');
                break;
            case TMissingArg: _sb.Append("<default>"); break;
            case TSuperCtor sc:
                _sb.Append("super<").Append(sc.Class.FullName).Append(">(");
                List(sc.Args);
                _sb.Append(')');
                break;
            case TFunction fn: Function(fn); break;
            case TEnumValue ev:
                _sb.Append(ev.Ctor.Owner.Name).Append('.').Append(ev.Ctor.Name);
                if (ev.Args.Count > 0 || ev.Ctor.Type is TFun)
                {
                    _sb.Append('(');
                    List(ev.Args);
                    _sb.Append(')');
                }
                break;
            case TEnumCtorRef cr: _sb.Append(cr.Ctor.Owner.Name).Append('.').Append(cr.Ctor.Name); break;
            case TSwitch sw: Switch(sw); break;
            case TObjectDecl od:
                _sb.Append("{ ");
                for (var k = 0; k < od.Fields.Count; k++)
                {
                    if (k > 0) _sb.Append(", ");
                    _sb.Append(od.Fields[k].Name).Append(": ");
                    Expr(od.Fields[k].Value);
                }
                _sb.Append(" }:").Append(TypeText(od.Type));
                break;
            case TTry tr: Try(tr); break;
            default: _sb.Append('<').Append(e.GetType().Name).Append(">:").Append(TypeText(e.Type)); break;
        }
    }

    /// A condition in parentheses of its own: a binary operation without its parentheses.
    private void Condition(TExpr e)
    {
        if (e is TBinary b)
        {
            Expr(b.Left);
            _sb.Append(' ').Append(BinaryText(b.Op)).Append(' ');
            Expr(b.Right);
        }
        else Expr(e);
    }

    /// An operand of a postfix operation (call, field, index): parenthesized when it is not simple.
    private void Operand(TExpr e)
    {
        if (e is TLocal or TThis or TSuper or TStaticField or TInstanceField or TDynField or TTypeRef or TConst or TCall or TIndex or TEnumCtorRef) Expr(e);
        else
        {
            _sb.Append('(');
            Expr(e);
            _sb.Append(')');
        }
    }

    private static bool IsVoidLike(HType t) => t.Follow() is TAbstract { Abstract.Name: "Void" };

    private void Const(TConst c)
    {
        switch (c.Value)
        {
            case null: _sb.Append("null"); break;
            case string s: _sb.Append('"').Append(Escape(s)).Append('"'); break;
            case bool b: _sb.Append(b ? "true" : "false"); break;
            case int i: _sb.Append(i.ToString(CultureInfo.InvariantCulture)); break;
            case double d:
                var text = d.ToString("R", CultureInfo.InvariantCulture);
                _sb.Append(text);
                if (double.IsFinite(d) && !text.Contains('.') && !text.Contains('E')) _sb.Append(".0");
                break;
            default: _sb.Append("<error>"); break;
        }
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
            sb.Append(ch switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => ch.ToString(),
            });
        return sb.ToString();
    }

    private static string BinaryText(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/", BinaryOp.Mod => "%",
        BinaryOp.Eq => "==", BinaryOp.NotEq => "!=", BinaryOp.Lt => "<", BinaryOp.LtEq => "<=", BinaryOp.Gt => ">", BinaryOp.GtEq => ">=",
        BinaryOp.BoolAnd => "&&", BinaryOp.BoolOr => "||", BinaryOp.And => "&", BinaryOp.Or => "|", BinaryOp.Xor => "^",
        BinaryOp.Shl => "<<", BinaryOp.Shr => ">>", BinaryOp.UShr => ">>>", BinaryOp.Interval => "...", BinaryOp.NullCoal => "??",
        _ => op.ToString(),
    };

    private void Function(TFunction fn)
    {
        var fun = (TFun)fn.Type;
        _sb.Append("function");
        if (fn.Self != null) _sb.Append(' ').Append(fn.Self.Name);
        _sb.Append('(');
        for (var i = 0; i < fn.Args.Count; i++)
        {
            if (i > 0) _sb.Append(", ");
            if (i < fun.Args.Count && fun.Args[i].Optional) _sb.Append('?');
            _sb.Append(fn.Args[i].Name).Append(':').Append(TypeText(fn.Args[i].Type));
        }
        _sb.Append("):").Append(TypeText(fun.Return));
        if (fn.Captures.Count > 0) _sb.Append(" /*captures ").Append(string.Join(", ", fn.Captures.Select(c => c.Name))).Append("*/");
        _sb.Append(' ');
        Block(fn.Body);
    }

    private void Switch(TSwitch sw)
    {
        _sb.Append("switch (");
        if (sw.Subject is TCall or TCast or TArrayDecl or TObjectDecl) Expr(sw.Subject);
        else Typed(sw.Subject, sw.Subject.Type);
        _sb.Append(") {");
        _indent++;
        foreach (var c in sw.Cases)
        {
            NewLine();
            _sb.Append("case ").Append(string.Join(", ", c.Patterns.Select(PatternText)));
            if (c.Guard != null)
            {
                _sb.Append(" if (");
                Condition(c.Guard);
                _sb.Append(')');
            }
            _sb.Append(':');
            if (c.Body != null) CaseBody(c.Body);
        }
        if (sw.Default != null)
        {
            NewLine();
            _sb.Append("default:");
            CaseBody(sw.Default);
        }
        _indent--;
        NewLine();
        _sb.Append('}');
        if (!IsVoidLike(sw.Type)) _sb.Append(':').Append(TypeText(sw.Type));
    }

    private void CaseBody(TExpr body)
    {
        _indent++;
        foreach (var x in body is TBlock b ? b.Exprs : [body]) Statement(x);
        _indent--;
    }

    private static string PatternText(TPattern p) => p switch
    {
        PWild => "_",
        PConst c => PrintExpr(c.Value),
        PBind b => "var " + b.Local.Name + ":" + b.Local.Type,
        PBindAs ba => ba.Local.Name + " = " + PatternText(ba.Inner),
        PEnum e => e.Ctor.Name + (e.Args.Count > 0 ? "(" + string.Join(", ", e.Args.Select(PatternText)) + ")" : ""),
        POr o => string.Join(" | ", o.Alternatives.Select(PatternText)),
        PArray a => "[" + string.Join(", ", a.Items.Select(PatternText)) + "]",
        PStruct s => "{ " + string.Join(", ", s.Fields.Select(f => f.Name + ": " + PatternText(f.Pattern))) + " }",
        _ => "<" + p.GetType().Name + ">",
    };

    private void Try(TTry tr)
    {
        _sb.Append("try ");
        Block(tr.Body);
        foreach (var c in tr.Catches)
        {
            _sb.Append(" catch (").Append(c.Local.Name).Append(':').Append(TypeText(c.CatchType)).Append(") ");
            Block(c.Body);
        }
        if (!IsVoidLike(tr.Type)) _sb.Append(':').Append(TypeText(tr.Type));
    }
}
