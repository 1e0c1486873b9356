using System.Text;
using Rayzor.Frontend.Syntax;

namespace Rayzor.Frontend.Parsing;

/// Prints syntax trees as compact S-expressions — `(+ 1 (* 2 3))` — for tests and `dump --ast`.
public static class SyntaxPrinter
{
    public static string Print(Expr? e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    public static string Print(TypeHint? t)
    {
        var sb = new StringBuilder();
        Write(sb, t);
        return sb.ToString();
    }

    /// Operator spelling of a binary operator (`BinaryOp.Add` -> `+`).
    public static string OpText(BinaryOp op) => op switch
    {
        BinaryOp.Add => "+", BinaryOp.Sub => "-", BinaryOp.Mul => "*", BinaryOp.Div => "/", BinaryOp.Mod => "%",
        BinaryOp.Shl => "<<", BinaryOp.Shr => ">>", BinaryOp.UShr => ">>>", BinaryOp.And => "&", BinaryOp.Or => "|",
        BinaryOp.Xor => "^", BinaryOp.Eq => "==", BinaryOp.NotEq => "!=", BinaryOp.Lt => "<", BinaryOp.LtEq => "<=",
        BinaryOp.Gt => ">", BinaryOp.GtEq => ">=", BinaryOp.BoolAnd => "&&", BinaryOp.BoolOr => "||",
        BinaryOp.Interval => "...", BinaryOp.Arrow => "=>", BinaryOp.NullCoal => "??", BinaryOp.Assign => "=",
        _ => op.ToString(),
    };

    private static string UnText(UnaryOp op) => op switch
    {
        UnaryOp.Increment => "++", UnaryOp.Decrement => "--", UnaryOp.Not => "!", UnaryOp.Neg => "-",
        UnaryOp.BitNot => "~", _ => "...",
    };

    private static void List(StringBuilder sb, IEnumerable<Expr> items)
    {
        foreach (var i in items)
        {
            sb.Append(' ');
            Write(sb, i);
        }
    }

    private static void Write(StringBuilder sb, Expr? e)
    {
        switch (e)
        {
            case null: sb.Append("null"); break;
            case ErrorExpr: sb.Append("<error>"); break;
            case IntLiteral i: sb.Append(i.Text); break;
            case FloatLiteral f: sb.Append(f.Text); break;
            case StringLiteral s: sb.Append('"').Append(Escape(s.Value)).Append('"'); break;
            case InterpolatedString s: sb.Append("(interp"); List(sb, s.Parts); sb.Append(')'); break;
            case RegexLiteral r: sb.Append("~/").Append(r.Pattern).Append('/').Append(r.Flags); break;
            case IdentExpr id: sb.Append(id.Name); break;
            case DollarIdentExpr d:
                if (d.Value is null) sb.Append('$').Append(d.Name);
                else { sb.Append("($").Append(d.Name).Append(' '); Write(sb, d.Value); sb.Append(')'); }
                break;
            case FieldExpr f: sb.Append(f.Safe ? "(?. " : "(. "); Write(sb, f.Target); sb.Append(' ').Append(f.Name).Append(')'); break;
            case CallExpr c: sb.Append("(call "); Write(sb, c.Callee); List(sb, c.Args); sb.Append(')'); break;
            case NewExpr n: sb.Append("(new "); Write(sb, n.Type); List(sb, n.Args); sb.Append(')'); break;
            case BinaryExpr b: sb.Append('(').Append(OpText(b.Op)).Append(' '); Write(sb, b.Left); sb.Append(' '); Write(sb, b.Right); sb.Append(')'); break;
            case AssignOpExpr a: sb.Append('(').Append(OpText(a.Op)).Append("= "); Write(sb, a.Left); sb.Append(' '); Write(sb, a.Right); sb.Append(')'); break;
            case UnaryExpr u: sb.Append('(').Append(u.Postfix ? "post" : "").Append(UnText(u.Op)).Append(' '); Write(sb, u.Operand); sb.Append(')'); break;
            case TernaryExpr t: sb.Append("(? "); Write(sb, t.Cond); sb.Append(' '); Write(sb, t.Then); sb.Append(' '); Write(sb, t.Else); sb.Append(')'); break;
            case IfExpr i:
                sb.Append("(if "); Write(sb, i.Cond); sb.Append(' '); Write(sb, i.Then);
                if (i.Else != null) { sb.Append(' '); Write(sb, i.Else); }
                sb.Append(')');
                break;
            case WhileExpr w:
                if (w.DoWhile) { sb.Append("(do "); Write(sb, w.Body); sb.Append(' '); Write(sb, w.Cond); }
                else { sb.Append("(while "); Write(sb, w.Cond); sb.Append(' '); Write(sb, w.Body); }
                sb.Append(')');
                break;
            case ForExpr f:
                sb.Append("(for ").Append(f.KeyVar is null ? "" : f.KeyVar + "=>").Append(f.Var).Append(' ');
                Write(sb, f.Iterable); sb.Append(' '); Write(sb, f.Body); sb.Append(')');
                break;
            case BlockExpr b: sb.Append("(block"); List(sb, b.Exprs); sb.Append(')'); break;
            case VarExpr v:
                sb.Append(v.IsFinal ? "(final" : "(var");
                foreach (var d in v.Vars)
                {
                    sb.Append(" (");
                    foreach (var m in d.Meta) { WriteMeta(sb, m); sb.Append(' '); }
                    sb.Append(d.Name);
                    if (d.Type != null) { sb.Append(':'); Write(sb, d.Type); }
                    if (d.Init != null) { sb.Append(' '); Write(sb, d.Init); }
                    sb.Append(')');
                }
                sb.Append(')');
                break;
            case FunctionExpr f:
                sb.Append(f.IsInline ? "(inline-function" : "(function");
                if (f.Name != null) sb.Append(' ').Append(f.Name);
                sb.Append(' ');
                WriteFunction(sb, f.Function);
                sb.Append(')');
                break;
            case ArrowFunctionExpr a:
                sb.Append("(-> (");
                WriteParams(sb, a.Args);
                sb.Append(") ");
                Write(sb, a.Body);
                sb.Append(')');
                break;
            case ReturnExpr r:
                sb.Append("(return");
                if (r.Value != null) { sb.Append(' '); Write(sb, r.Value); }
                sb.Append(')');
                break;
            case BreakExpr: sb.Append("(break)"); break;
            case ContinueExpr: sb.Append("(continue)"); break;
            case ThrowExpr t: sb.Append("(throw "); Write(sb, t.Value); sb.Append(')'); break;
            case TryExpr t:
                sb.Append("(try "); Write(sb, t.Body);
                foreach (var c in t.Catches)
                {
                    sb.Append(" (catch ").Append(c.Name);
                    if (c.Type != null) { sb.Append(':'); Write(sb, c.Type); }
                    sb.Append(' '); Write(sb, c.Body); sb.Append(')');
                }
                sb.Append(')');
                break;
            case SwitchExpr s:
                sb.Append("(switch "); Write(sb, s.Subject);
                foreach (var c in s.Cases)
                {
                    sb.Append(" (case (");
                    for (var i = 0; i < c.Patterns.Count; i++) { if (i > 0) sb.Append(' '); Write(sb, c.Patterns[i]); }
                    sb.Append(')');
                    if (c.Guard != null) { sb.Append(" if "); Write(sb, c.Guard); }
                    sb.Append(' '); Write(sb, c.Body); sb.Append(')');
                }
                if (s.HasDefault) { sb.Append(" (default "); Write(sb, s.Default); sb.Append(')'); }
                sb.Append(')');
                break;
            case ArrayLiteral a: sb.Append("(array"); List(sb, a.Items); sb.Append(')'); break;
            case ObjectLiteral o:
                sb.Append("(object");
                foreach (var f in o.Fields)
                {
                    sb.Append(" (").Append(f.Quoted ? "\"" + f.Name + "\"" : f.Name).Append(' ');
                    Write(sb, f.Value);
                    sb.Append(')');
                }
                sb.Append(')');
                break;
            case IndexExpr i: sb.Append("(index "); Write(sb, i.Target); sb.Append(' '); Write(sb, i.Index); sb.Append(')'); break;
            case CastExpr c:
                sb.Append("(cast "); Write(sb, c.Value);
                if (c.Type != null) { sb.Append(' '); Write(sb, c.Type); }
                sb.Append(')');
                break;
            case IsExpr i: sb.Append("(is "); Write(sb, i.Value); sb.Append(' '); Write(sb, i.Type); sb.Append(')'); break;
            case CheckTypeExpr c: sb.Append("(: "); Write(sb, c.Value); sb.Append(' '); Write(sb, c.Type); sb.Append(')'); break;
            case UntypedExpr u: sb.Append("(untyped "); Write(sb, u.Value); sb.Append(')'); break;
            case ParenExpr p: sb.Append("(paren "); Write(sb, p.Inner); sb.Append(')'); break;
            case MetaExpr m: sb.Append('('); WriteMeta(sb, m.Meta); sb.Append(' '); Write(sb, m.Value); sb.Append(')'); break;
            case MacroExpr m:
                sb.Append("(macro");
                if (m.Value != null) { sb.Append(' '); Write(sb, m.Value); }
                if (m.Type != null) { sb.Append(" : "); Write(sb, m.Type); }
                if (m.Decl != null) sb.Append(" class ").Append(m.Decl.Name);
                sb.Append(')');
                break;
            default: sb.Append('<').Append(e.GetType().Name).Append('>'); break;
        }
    }

    private static void WriteMeta(StringBuilder sb, MetaEntry m)
    {
        sb.Append('@').Append(m.Name);
        if (m.Args.Count == 0) return;
        sb.Append('(');
        for (var i = 0; i < m.Args.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, m.Args[i]);
        }
        sb.Append(')');
    }

    private static void WriteFunction(StringBuilder sb, FunctionSyntax f)
    {
        if (f.Params.Count > 0) sb.Append('<').Append(string.Join(",", f.Params.Select(p => p.Name))).Append('>');
        sb.Append('(');
        WriteParams(sb, f.Args);
        sb.Append(')');
        if (f.Return != null) { sb.Append(':'); Write(sb, f.Return); }
        sb.Append(' ');
        Write(sb, f.Body);
    }

    private static void WriteParams(StringBuilder sb, IReadOnlyList<ParamDecl> ps)
    {
        for (var i = 0; i < ps.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            var p = ps[i];
            foreach (var m in p.Meta) { WriteMeta(sb, m); sb.Append(' '); }
            if (p.IsRest) sb.Append("...");
            if (p.Optional) sb.Append('?');
            sb.Append(p.Name);
            if (p.Type != null) { sb.Append(':'); Write(sb, p.Type); }
            if (p.Default != null) { sb.Append('='); Write(sb, p.Default); }
        }
    }

    private static void Write(StringBuilder sb, TypeHint? t)
    {
        switch (t)
        {
            case null: sb.Append("null"); break;
            case PathTypeHint p:
                sb.Append(p.FullName);
                if (p.Params.Count > 0)
                {
                    sb.Append('<');
                    for (var i = 0; i < p.Params.Count; i++) { if (i > 0) sb.Append(','); Write(sb, p.Params[i]); }
                    sb.Append('>');
                }
                break;
            case FunctionTypeHint f:
                sb.Append("fn(");
                for (var i = 0; i < f.Args.Count; i++)
                {
                    if (i > 0) sb.Append(',');
                    var a = f.Args[i];
                    if (a.Optional) sb.Append('?');
                    if (a.Name != null) sb.Append(a.Name).Append(':');
                    Write(sb, a.Type);
                }
                sb.Append("):");
                Write(sb, f.Return);
                break;
            case AnonTypeHint a: sb.Append('{'); WriteFields(sb, a.Fields); sb.Append('}'); break;
            case ExtendTypeHint x:
                sb.Append('{');
                foreach (var b in x.Bases) { sb.Append('>'); Write(sb, b); sb.Append(", "); }
                WriteFields(sb, x.Fields);
                sb.Append('}');
                break;
            case IntersectionTypeHint i:
                for (var k = 0; k < i.Types.Count; k++) { if (k > 0) sb.Append(" & "); Write(sb, i.Types[k]); }
                break;
            case ParenTypeHint p: sb.Append('('); Write(sb, p.Inner); sb.Append(')'); break;
            case OptionalTypeHint o: sb.Append('?'); Write(sb, o.Inner); break;
            case NamedTypeHint n: sb.Append(n.Name).Append(':'); Write(sb, n.Inner); break;
            case ExprTypeHint e: sb.Append('#'); Write(sb, e.Expr); break;
            case ErrorTypeHint: sb.Append("<error>"); break;
            default: sb.Append('<').Append(t.GetType().Name).Append('>'); break;
        }
    }

    private static void WriteFields(StringBuilder sb, IReadOnlyList<FieldDecl> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            var f = fields[i];
            switch (f.Kind)
            {
                case VarField v:
                    if (v.Optional) sb.Append('?');
                    sb.Append(f.Name).Append(':');
                    Write(sb, v.Type);
                    break;
                case PropertyField p:
                    sb.Append(f.Name).Append('(').Append(p.Get).Append(',').Append(p.Set).Append("):");
                    Write(sb, p.Type);
                    break;
                case MethodField m:
                    sb.Append("function ").Append(f.Name);
                    WriteFunction(sb, m.Function);
                    break;
            }
        }
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r");
}
