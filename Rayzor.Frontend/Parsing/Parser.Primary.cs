using System.Globalization;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Parsing;

// Primary expressions: literals, identifiers, parentheses (and the arrow functions and `(e : T)` checks
// they may turn out to be), array/map literals, object literals and blocks, `new`, `cast`, `macro`,
// metadata, and the keyword expressions (which are "terminal": nothing binds after them, as in Haxe).
public sealed partial class Parser
{
    private Expr ParsePrimary(out bool terminal)
    {
        terminal = false;
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Int:
                Advance();
                return new IntLiteral(SpanOf(t), ParseIntValue(t), t.Text!);
            case TokenKind.Float:
                Advance();
                return new FloatLiteral(SpanOf(t), ParseFloatValue(t.Text!), t.Text!);
            case TokenKind.String:
                Advance();
                return StringExpr(t);
            case TokenKind.Regex:
                Advance();
                return new RegexLiteral(SpanOf(t), t.Text ?? "", t.Value as string ?? "");
            case TokenKind.Identifier:
                Advance();
                return new IdentExpr(SpanOf(t), t.Text!);
            case TokenKind.KwTrue or TokenKind.KwFalse or TokenKind.KwNull or TokenKind.KwThis or TokenKind.KwAbstract:
                Advance();
                return new IdentExpr(SpanOf(t), t.Text!);
            case TokenKind.Dollar:
                return ParseDollar();
            case TokenKind.LParen:
                return ParseParenthesized(out terminal);
            case TokenKind.LBracket:
                return ParseArrayLiteral();
            case TokenKind.LBrace:
                return ParseBraced(out terminal);
            case TokenKind.KwNew:
                return ParseNew();
            case TokenKind.KwCast:
                return ParseCast(out terminal);
            case TokenKind.Meta:
            {
                terminal = true;
                var meta = ParseMetaEntry();
                return MakeMeta(meta, ParseOperandExpr(meta.Span.End));
            }
            case TokenKind.At:
                terminal = true;
                SkipBareAt();
                return ParseOperandExpr(t.End);
        }
        terminal = true;
        switch (t.Kind)
        {
            case TokenKind.KwMacro: return ParseMacro(out terminal);
            case TokenKind.KwVar or TokenKind.KwFinal: return ParseVarExpr(single: true);
            case TokenKind.KwFunction: return ParseFunctionExpr(isInline: false, t.Start);
            case TokenKind.KwInline: return ParseInline();
            case TokenKind.KwIf: return ParseIf();
            case TokenKind.KwWhile: return ParseWhile();
            case TokenKind.KwDo: return ParseDoWhile();
            case TokenKind.KwFor: return ParseFor();
            case TokenKind.KwSwitch: return ParseSwitch();
            case TokenKind.KwTry: return ParseTry();
            case TokenKind.KwReturn:
            {
                Advance();
                if (!CanStartExpression(Kind)) return new ReturnExpr(SpanOf(t), null);
                var value = ParseExpr();
                return new ReturnExpr(SpanFrom(t.Start), value);
            }
            case TokenKind.KwBreak:
                Advance();
                return new BreakExpr(SpanOf(t));
            case TokenKind.KwContinue:
                Advance();
                return new ContinueExpr(SpanOf(t));
            case TokenKind.KwThrow:
            {
                Advance();
                var value = ParseOperandExpr(t.End);
                return new ThrowExpr(SpanFrom(t.Start), value);
            }
            case TokenKind.KwUntyped:
            {
                Advance();
                var value = ParseOperandExpr(t.End);
                return new UntypedExpr(SpanFrom(t.Start), value);
            }
        }
        ErrorExpected("expression");
        return new ErrorExpr(ZeroSpanAtCur());
    }

    /// A required full expression (Haxe's secure_expr): `Expected expression` when nothing can start one.
    private Expr ParseOperandExpr(int after)
    {
        if (CanStartExpression(Kind)) return ParseExpr();
        ErrorExpected("expression");
        return new ErrorExpr(SpanBetween(after, after));
    }

    private long ParseIntValue(in Token t)
    {
        var text = t.Text!;
        var end = text.Length;
        // strip a suffix (`i32`, `_i64`, `u32`)
        var s = text.IndexOfAny(['i', 'u']);
        if (s > 0) end = text[s - 1] == '_' ? s - 1 : s;
        ulong value = 0;
        var overflow = false;
        int radix = 10, i = 0;
        if (end > 2 && text[0] == '0' && (text[1] is 'x' or 'X')) { radix = 16; i = 2; }
        else if (end > 2 && text[0] == '0' && (text[1] is 'b' or 'B')) { radix = 2; i = 2; }
        for (; i < end; i++)
        {
            var c = text[i];
            if (c == '_') continue;
            var d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            var next = unchecked(value * (ulong)radix + (ulong)d);
            if (value > (ulong.MaxValue - (ulong)d) / (ulong)radix) overflow = true;
            value = next;
        }
        if (overflow || (radix == 10 && value > long.MaxValue))
        {
            Report(SyntaxCodes.InvalidNumber, SpanOf(t), "Invalid integer literal " + text);
            return 0;
        }
        return unchecked((long)value);
    }

    private static double ParseFloatValue(string text)
    {
        var s = text.Replace("_", "");
        var f = s.IndexOf('f');
        if (f > 0) s = s[..f];
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    private Expr StringExpr(in Token t)
    {
        if (t.Value is not StringPart[] parts) return new StringLiteral(SpanOf(t), t.Text ?? "", t.Value != null);
        var list = new List<Expr>(parts.Length);
        foreach (var part in parts)
        {
            var span = new TextSpan(_fileId, part.Start, part.End);
            list.Add(part.Kind switch
            {
                StringPartKind.Literal => new StringLiteral(span, part.Text, true),
                StringPartKind.Ident => new IdentExpr(span, part.Text),
                _ => ParseInterpolation(part),
            });
        }
        return new InterpolatedString(SpanOf(t), list);
    }

    // `${code}` inside a single-quoted string: the code is lexed in place and parsed as one expression.
    private Expr ParseInterpolation(StringPart part)
    {
        var before = _diags.Items.Count;
        var lexer = new Lexer(_file, _diags, part.Start, part.End);
        var tokens = Conditional.Preprocessor.Run(lexer, _defines, _diags, new TokenBuffer(16));
        var sub = new Parser(_file, _defines, _diags, tokens, before, this);
        if (sub.Kind == TokenKind.EndOfFile)
        {
            sub.Error(SyntaxCodes.Expected, new TextSpan(_fileId, part.End, part.End), "Expression cannot be empty");
            return new ErrorExpr(new TextSpan(_fileId, part.Start, part.End));
        }
        var e = sub.ParseExpr();
        if (sub.Kind != TokenKind.EndOfFile && !sub._needSync) sub.ErrorUnexpected();
        _stackExhausted |= sub._stackExhausted;
        return e;
    }

    // `$name`, `$name{expr}` (`$e{}`, `$v{}`, `$i{}`, `$a{}`, `$b{}`, `$p{}`, `${}`) of macro reification.
    private Expr ParseDollar()
    {
        var t = Advance();
        if (Kind != TokenKind.LBrace) return new DollarIdentExpr(SpanOf(t), t.Text!, null);
        Advance();
        var value = ParseOperandExpr(_prevEnd);
        Expect(TokenKind.RBrace, "}");
        return new DollarIdentExpr(SpanFrom(t.Start), t.Text!, value);
    }

    // `(e)`, `(e : T)`, and the arrow functions `() -> e`, `(a, b) -> e`, `(a:T = v, ?b) -> e`.
    private Expr ParseParenthesized(out bool terminal)
    {
        terminal = false;
        var open = Advance();
        if (Kind == TokenKind.RParen)
        {
            Advance();
            terminal = true;
            return ParseArrowBody(open.Start, []);
        }
        if (Kind == TokenKind.Question)
        {
            terminal = true;
            var ps = ParseParamList(TokenKind.RParen);
            return ParseArrowBody(open.Start, ps);
        }
        var e = ParseOperandExpr(open.End);
        switch (Kind)
        {
            case TokenKind.RParen:
                Advance();
                return new ParenExpr(SpanFrom(open.Start), e);
            case TokenKind.Comma:
            {
                terminal = true;
                Advance();
                var first = ArrowParamFromExpr(e);
                var rest = ParseParamList(TokenKind.RParen);
                return ParseArrowBody(open.Start, first is null ? rest : [first, .. rest]);
            }
            case TokenKind.Colon:
            {
                Advance();
                var type = ParseType();
                if (Accept(TokenKind.RParen)) return new CheckTypeExpr(SpanFrom(open.Start), e, type);
                terminal = true;
                var name = ArrowParamName(e);
                if (Accept(TokenKind.Comma))
                {
                    var rest = ParseParamList(TokenKind.RParen);
                    return ParseArrowBody(open.Start, [new ParamDecl(e.Span.To(type.Span), name, false, type, null, []), .. rest]);
                }
                if (Accept(TokenKind.Eq))
                {
                    var value = ParseOperandExpr(_prevEnd);
                    var param = new ParamDecl(e.Span.To(value.Span), name, true, type, value, []);
                    if (Accept(TokenKind.Comma))
                        return ParseArrowBody(open.Start, [param, .. ParseParamList(TokenKind.RParen)]);
                    Expect(TokenKind.RParen, ")");
                    return ParseArrowBody(open.Start, [param]);
                }
                ErrorUnexpected();
                return new ErrorExpr(SpanFrom(open.Start));
            }
            default:
                ErrorExpected(") or , or :");
                return new ParenExpr(SpanFrom(open.Start), e);
        }
    }

    private Expr ParseArrowBody(int start, IReadOnlyList<ParamDecl> args)
    {
        if (Kind != TokenKind.Arrow)
        {
            ErrorUnexpected();
            return new ErrorExpr(SpanFrom(start));
        }
        var arrow = Advance();
        var body = ParseOperand(arrow, out var terminal);
        if (!terminal) body = ParseExprRestAfter(body);
        return new ArrowFunctionExpr(SpanFrom(start), args, body);
    }

    // Haxe's arrow_first_param for `x -> e` and `(x) -> e` / `(x = 1) -> e` / `(x:T) -> e`.
    private ParamDecl? ArrowFirstParam(Expr e, in Token arrow)
    {
        switch (e)
        {
            case ParenExpr p: return ArrowParamFromExpr(p.Inner);
            case CheckTypeExpr c: return ArrowParamFromExpr(c);
            case IdentExpr: return ArrowParamFromExpr(e);
        }
        Error(SyntaxCodes.Unexpected, SpanOf(arrow), "Unexpected ->");
        return null;
    }

    private ParamDecl? ArrowParamFromExpr(Expr e)
    {
        switch (e)
        {
            case IdentExpr { Name: "true" or "false" or "null" or "this" or "super" }:
                Report(SyntaxCodes.Syntax, e.Span, "Invalid argument name");
                return null;
            case IdentExpr id:
                return new ParamDecl(e.Span, id.Name, false, null, null, []);
            case CheckTypeExpr { Value: IdentExpr id } c:
                return new ParamDecl(e.Span, id.Name, false, c.Type, null, []);
            case BinaryExpr { Op: BinaryOp.Assign } a:
            {
                var (name, type) = a.Left switch
                {
                    IdentExpr id => (id.Name, (TypeHint?)null),
                    CheckTypeExpr { Value: IdentExpr id } c => (id.Name, c.Type),
                    _ => (null, null),
                };
                if (name is null) break;
                return new ParamDecl(e.Span, name, true, type, a.Right, []);
            }
            case ParenExpr p:
                return ArrowParamFromExpr(p.Inner);
        }
        Error(SyntaxCodes.Unexpected, e.Span, "Unexpected " + DescribeForError(e));
        return null;
    }

    private string ArrowParamName(Expr e)
    {
        if (e is IdentExpr id) return id.Name;
        Error(SyntaxCodes.Unexpected, e.Span, "Unexpected " + DescribeForError(e));
        return "";
    }

    private string DescribeForError(Expr e)
    {
        var bytes = _file.Bytes;
        var len = Math.Min(e.Span.Length, 40);
        return len <= 0 ? "expression" : System.Text.Encoding.UTF8.GetString(bytes, e.Span.Start, len);
    }

    // `[a, b]`, `[k => v]`, `[for (...) e]`; a trailing comma is allowed.
    private Expr ParseArrayLiteral()
    {
        var open = Advance();
        var items = new List<Expr>();
        while (Kind != TokenKind.RBracket)
        {
            if (!CanStartExpression(Kind))
            {
                ErrorExpected(items.Count == 0 ? "expr or ]" : ", or ]");
                return new ArrayLiteral(SpanFrom(open.Start), items);
            }
            items.Add(ParseExpr());
            if (Accept(TokenKind.Comma)) continue;
            if (Kind != TokenKind.RBracket)
            {
                ErrorExpected(", or ]");
                return new ArrayLiteral(SpanFrom(open.Start), items);
            }
        }
        Advance();
        return new ArrayLiteral(SpanFrom(open.Start), items);
    }

    // `{` starts an object literal when followed by `name :` or `"name" :`, otherwise a block.
    private Expr ParseBraced(out bool terminal)
    {
        var next = PeekAt(1);
        var isObject = (next.Kind is TokenKind.Identifier or TokenKind.Dollar or TokenKind.String) && PeekAt(2).Kind == TokenKind.Colon;
        if (!isObject)
        {
            terminal = true;
            return ParseBlock();
        }
        terminal = false;
        var open = Advance();
        var fields = new List<ObjectField>();
        while (true)
        {
            var key = Cur;
            if (key.Kind is not (TokenKind.Identifier or TokenKind.Dollar or TokenKind.String)) break;
            if (key.Kind == TokenKind.String && key.Value is StringPart[])
                ErrorAt(key, "String interpolation is not allowed in object keys");
            Advance();
            Expect(TokenKind.Colon, ":");
            var value = ParseOperandExpr(_prevEnd);
            var name = key.Kind == TokenKind.Dollar ? "$" + key.Text : key.Text ?? "";
            fields.Add(new ObjectField(SpanFrom(key.Start), name, value, key.Kind == TokenKind.String));
            if (!Accept(TokenKind.Comma)) break;
        }
        if (!Accept(TokenKind.RBrace))
        {
            // report, then skip the rest of the literal: when its `}` is found, the expression goes on
            var needSync = _needSync;
            if (_prevKind == TokenKind.Comma) ErrorUnexpected();
            else ErrorExpected("}");
            if (SkipPastClosingBrace()) _needSync = needSync;
        }
        return new ObjectLiteral(SpanFrom(open.Start), fields);
    }

    // Skips to the `}` closing the current level and past it (true), or stops at a `;` outside brackets.
    private bool SkipPastClosingBrace()
    {
        var depth = 0;
        while (Kind != TokenKind.EndOfFile)
        {
            switch (Kind)
            {
                case TokenKind.RBrace when depth == 0:
                    Advance();
                    return true;
                case TokenKind.Semicolon when depth == 0: return false;
                case TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace: depth++; break;
                case TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace: depth--; break;
            }
            Advance();
        }
        return false;
    }

    private Expr ParseNew()
    {
        var kw = Advance();
        var type = ParseTypePath();
        if (Kind != TokenKind.LParen)
        {
            ErrorExpected("(");
            return new NewExpr(SpanFrom(kw.Start), type, []);
        }
        Advance();
        var args = ParseCallArgs();
        return new NewExpr(SpanFrom(kw.Start), type, args);
    }

    // `cast e` (the whole rest of the expression), `cast(e, T)`, `cast(e : T)`, `cast(e)...`.
    private Expr ParseCast(out bool terminal)
    {
        var kw = Advance();
        terminal = false;
        if (Kind != TokenKind.LParen)
        {
            terminal = true;
            var value = ParseOperandExpr(kw.End);
            return new CastExpr(SpanFrom(kw.Start), value, null);
        }
        var open = Advance();
        var e = ParseOperandExpr(open.End);
        switch (Kind)
        {
            case TokenKind.Comma:
            {
                Advance();
                var type = ParseType();
                Expect(TokenKind.RParen, ")");
                return new CastExpr(SpanFrom(kw.Start), e, type);
            }
            case TokenKind.Colon:
            {
                Advance();
                var type = ParseType();
                Expect(TokenKind.RParen, ")");
                return new CastExpr(SpanFrom(kw.Start), new CheckTypeExpr(SpanFrom(open.Start), e, type), null);
            }
            case TokenKind.RParen:
            {
                // Haxe: `cast (e).f + 1` casts the whole `(e).f + 1`
                Advance();
                terminal = true;
                Expr inner = new ParenExpr(SpanFrom(open.Start), e);
                inner = ParsePostfix(inner, out var innerTerminal);
                if (!innerTerminal) inner = ParseExprRestAfter(inner);
                return new CastExpr(SpanFrom(kw.Start), inner, null);
            }
            default:
                ErrorUnexpected();
                return new CastExpr(SpanFrom(kw.Start), e, null);
        }
    }

    // `macro e`, `macro : T`, `macro var a = 1`, `macro class C {}`; `macro.x` is a field of an identifier `macro`.
    private Expr ParseMacro(out bool terminal)
    {
        var kw = Advance();
        terminal = true;
        switch (Kind)
        {
            case TokenKind.Dot:
                terminal = false;
                return ParsePostfix(new IdentExpr(SpanOf(kw), "macro"), out terminal);
            case TokenKind.Colon:
            {
                Advance();
                var type = ParseType();
                return new MacroExpr(SpanFrom(kw.Start), null, type);
            }
            case TokenKind.KwVar or TokenKind.KwFinal:
            {
                var v = ParseVarExpr(single: false);
                return new MacroExpr(SpanFrom(kw.Start), v, null);
            }
            case TokenKind.KwClass or TokenKind.KwInterface:
            {
                var decl = ParseClass(Cur.Doc, [], Modifiers.None, Cur.Start, nameOptional: true);
                return new MacroExpr(SpanFrom(kw.Start), null, null, decl);
            }
            default:
            {
                var e = ParseOperandExpr(kw.End);
                return new MacroExpr(SpanFrom(kw.Start), e, null);
            }
        }
    }

    // `inline function f() {}` is an inline local function; `inline f(x)` / `inline new C()` is `@:inline e`.
    private Expr ParseInline()
    {
        var kw = Advance();
        if (Kind == TokenKind.KwFunction) return ParseFunctionExpr(isInline: true, kw.Start);
        var e = ParseOperandExpr(kw.End);
        return new MetaExpr(SpanFrom(kw.Start), new MetaEntry(SpanOf(kw), ":inline", []), e);
    }
}
