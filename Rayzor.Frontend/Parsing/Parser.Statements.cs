using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Parsing;

// Blocks and the keyword expressions: var/final, if, while, do, for, switch, try, local functions.
public sealed partial class Parser
{
    /// `{ statements }`.
    private BlockExpr ParseBlock()
    {
        var open = Advance();
        if (!Enter()) return new BlockExpr(SpanFrom(open.Start), []);
        try
        {
            var list = ParseStatements(stopAtCase: false);
            Expect(TokenKind.RBrace, "}");
            return new BlockExpr(SpanFrom(open.Start), list);
        }
        finally
        {
            Leave();
        }
    }

    /// Statements up to `}` (or, in a switch, up to `case`/`default`), each ended by `;` (optional after `}`).
    private List<Expr> ParseStatements(bool stopAtCase)
    {
        var list = new List<Expr>();
        while (true)
        {
            var k = Kind;
            if (k is TokenKind.RBrace or TokenKind.EndOfFile) return list;
            if (stopAtCase && k is TokenKind.KwCase or TokenKind.KwDefault) return list;
            var before = _index;
            if (!CanStartStatement(k))
            {
                ErrorExpected("}");
                SyncStatement();
                if (_index == before) Advance();
                continue;
            }
            _needSync = false;
            var e = ParseStatement();
            list.Add(e);
            if (_tooDeep)
            {
                RecoverFromTooDeep(before);
                continue;
            }
            if (_needSync) SyncStatement();
            else Semicolon();
            _needSync = false;
            if (_index == before) Advance();
        }
    }

    private static bool CanStartStatement(TokenKind k) => CanStartExpression(k) || k == TokenKind.KwStatic;

    private Expr ParseStatement()
    {
        switch (Kind)
        {
            case TokenKind.KwVar or TokenKind.KwFinal:
                return ParseVarExpr(single: false);
            case TokenKind.KwStatic:
                ErrorUnexpected();
                Advance();
                return new ErrorExpr(SpanOf(Cur));
            default:
                return ParseExpr();
        }
    }

    /// `var a:T = e, b` / `final a = e`; in expression position (single) only one variable, as in Haxe.
    private VarExpr ParseVarExpr(bool single)
    {
        var kw = Advance();
        var isFinal = kw.Kind == TokenKind.KwFinal;
        if (isFinal && Kind == TokenKind.KwVar)
        {
            Report(SyntaxCodes.Syntax, SpanBetween(kw.Start, Cur.End), "`final var` is not supported, use `final` instead");
            Advance();
        }
        var vars = new List<VarDeclarator>();
        while (true)
        {
            var d = ParseVarDeclarator(kw, vars.Count == 0);
            if (d is null) break;
            vars.Add(d);
            if (single || Kind != TokenKind.Comma) break;
            Advance();
        }
        return new VarExpr(SpanFrom(kw.Start), vars, isFinal);
    }

    private VarDeclarator? ParseVarDeclarator(in Lexing.Token keyword, bool first)
    {
        var start = Cur.Start;
        var meta = ParseMetas();
        if (!IsDollarIdent)
        {
            // Haxe 4.2 reports a missing first name at the `var` keyword
            if (first) Error(SyntaxCodes.Syntax, new TextSpan(_fileId, keyword.Start, keyword.End), "Missing variable identifier");
            else ErrorUnexpected();
            return null;
        }
        var nameTok = Advance();
        if (Kind == TokenKind.LParen)
        {
            // `var x(get, set)` is for fields only
            var open = Advance();
            while (Kind is not (TokenKind.RParen or TokenKind.EndOfFile or TokenKind.Semicolon)) Advance();
            Accept(TokenKind.RParen);
            Report(SyntaxCodes.Syntax, SpanFrom(open.Start), "Cannot define property accessors for local vars");
        }
        var type = ParseOptionalTypeHint();
        Expr? init = null;
        if (Accept(TokenKind.Eq)) init = ParseOperandExpr(_prevEnd);
        return new VarDeclarator(SpanFrom(start), DollarIdentName(nameTok), type, init, meta);
    }

    private Expr ParseIf()
    {
        var kw = Advance();
        var cond = ParseCondition();
        var then = ParseOperandExpr(_prevEnd);
        Expr? other = null;
        if (Accept(TokenKind.KwElse)) other = ParseOperandExpr(_prevEnd);
        else if (Kind == TokenKind.Semicolon && PeekAt(1).Kind == TokenKind.KwElse)
        {
            // Haxe accepts `if (c) a; else b`
            Advance();
            Advance();
            other = ParseOperandExpr(_prevEnd);
        }
        return new IfExpr(SpanFrom(kw.Start), cond, then, other);
    }

    /// `( expr )` after `if`/`while`.
    private Expr ParseCondition()
    {
        if (!Expect(TokenKind.LParen, "(")) return new ErrorExpr(ZeroSpanAtCur());
        var cond = ParseOperandExpr(_prevEnd);
        Expect(TokenKind.RParen, ")");
        return cond;
    }

    private Expr ParseWhile()
    {
        var kw = Advance();
        var cond = ParseCondition();
        var body = ParseOperandExpr(_prevEnd);
        return new WhileExpr(SpanFrom(kw.Start), cond, body, false);
    }

    private Expr ParseDoWhile()
    {
        var kw = Advance();
        var body = ParseOperandExpr(kw.End);
        if (!Accept(TokenKind.KwWhile))
        {
            ErrorExpected("while");
            return body;
        }
        var cond = ParseCondition();
        return new WhileExpr(SpanFrom(kw.Start), cond, body, true);
    }

    /// `for (v in it) body` and `for (k => v in it) body`.
    private Expr ParseFor()
    {
        var kw = Advance();
        Expect(TokenKind.LParen, "(");
        if (!IsDollarIdent)
        {
            ErrorUnexpected();
            return new ErrorExpr(SpanFrom(kw.Start));
        }
        var first = Advance();
        string? key = null;
        var valueTok = first;
        if (Accept(TokenKind.FatArrow))
        {
            key = DollarIdentName(first);
            if (!IsDollarIdent)
            {
                ErrorUnexpected();
                return new ErrorExpr(SpanFrom(kw.Start));
            }
            valueTok = Advance();
        }
        // Haxe parses `x in e` as one expression, so a missing `in` reads as a missing `)`
        if (!Expect(TokenKind.KwIn, ")")) return new ErrorExpr(SpanFrom(kw.Start));
        var iterable = ParseOperandExpr(_prevEnd);
        Expect(TokenKind.RParen, ")");
        var body = ParseOperandExpr(_prevEnd);
        return new ForExpr(SpanFrom(kw.Start), DollarIdentName(valueTok), SpanOf(valueTok), key, iterable, body);
    }

    /// `switch e { case p1, p2 if (guard): body  default: body }` — a case body runs to the next case.
    private Expr ParseSwitch()
    {
        var kw = Advance();
        var subject = ParseOperandExpr(kw.End);
        var cases = new List<SwitchCase>();
        Expr? def = null;
        var hasDefault = false;
        var firstDefault = default(Lexing.Token);
        if (!Expect(TokenKind.LBrace, "{")) return new SwitchExpr(SpanFrom(kw.Start), subject, cases, null, false);
        while (true)
        {
            if (Kind == TokenKind.KwCase)
            {
                var caseTok = Advance();
                var patterns = new List<Expr>();
                while (true)
                {
                    patterns.Add(Kind is TokenKind.KwVar or TokenKind.KwFinal ? ParseCaseVar() : ParseOperandExpr(_prevEnd));
                    if (!Accept(TokenKind.Comma)) break;
                }
                Expr? guard = null;
                if (Kind == TokenKind.KwIf)
                {
                    Advance();
                    guard = ParseCondition();
                }
                _needSync = false;
                if (!Expect(TokenKind.Colon, ":")) SkipToCaseColon();
                var body = CaseBody();
                cases.Add(new SwitchCase(SpanFrom(caseTok.Start), patterns, guard, body));
            }
            else if (Kind == TokenKind.KwDefault)
            {
                var defTok = Advance();
                Expect(TokenKind.Colon, ":");
                var body = CaseBody();
                // Haxe reports a duplicate at the earlier `default`
                if (hasDefault) ErrorAt(firstDefault, "Duplicate default");
                else firstDefault = defTok;
                hasDefault = true;
                def = body;
            }
            else break;
        }
        Expect(TokenKind.RBrace, "}");
        return new SwitchExpr(SpanFrom(kw.Start), subject, cases, def, hasDefault);
    }

    // after a broken pattern: skip to the `:` of the case (or to the next case / the closing brace)
    private void SkipToCaseColon()
    {
        var depth = 0;
        while (Kind != TokenKind.EndOfFile)
        {
            if (depth == 0 && Kind is TokenKind.KwCase or TokenKind.KwDefault or TokenKind.RBrace) return;
            if (depth == 0 && Kind == TokenKind.Colon) { Advance(); return; }
            if (Kind is TokenKind.LParen or TokenKind.LBracket or TokenKind.LBrace) depth++;
            if (Kind is TokenKind.RParen or TokenKind.RBracket or TokenKind.RBrace) depth--;
            Advance();
        }
    }

    private Expr ParseCaseVar()
    {
        var kw = Advance();
        if (!IsDollarIdent)
        {
            ErrorUnexpected();
            return new ErrorExpr(SpanFrom(kw.Start));
        }
        var name = Advance();
        var decl = new VarDeclarator(SpanOf(name), DollarIdentName(name), null, null, []);
        return new VarExpr(SpanFrom(kw.Start), [decl], kw.Kind == TokenKind.KwFinal);
    }

    // No statement: null; one: that expression; several: a block.
    private Expr? CaseBody()
    {
        var list = ParseStatements(stopAtCase: true);
        return list.Count switch
        {
            0 => null,
            1 => list[0],
            _ => new BlockExpr(list[0].Span.To(list[^1].Span), list),
        };
    }

    private Expr ParseTry()
    {
        var kw = Advance();
        var body = ParseOperandExpr(kw.End);
        var catches = new List<CatchClause>();
        while (Kind == TokenKind.KwCatch)
        {
            var c = Advance();
            Expect(TokenKind.LParen, "(");
            if (!IsDollarIdent)
            {
                ErrorUnexpected();
                break;
            }
            var name = Advance();
            TypeHint? type = null;
            if (Accept(TokenKind.Colon)) type = ParseType();
            if (!Accept(TokenKind.RParen))
            {
                Error(SyntaxCodes.Syntax, SpanOf(Cur), "Missing type declaration");
                break;
            }
            var handler = ParseOperandExpr(_prevEnd);
            catches.Add(new CatchClause(SpanFrom(c.Start), DollarIdentName(name), type, handler));
        }
        return new TryExpr(SpanFrom(kw.Start), body, catches);
    }

    /// `function name<T>(args):Ret body` as an expression (name optional).
    private Expr ParseFunctionExpr(bool isInline, int start)
    {
        var kw = Advance();
        string? name = null;
        if (IsDollarIdent) name = DollarIdentName(Advance());
        var fn = ParseFunctionRest(kw.Start, requireBody: true);
        return new FunctionExpr(SpanFrom(start), name, fn, isInline);
    }
}
