using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;

namespace Rayzor.Frontend.Parsing;

// Function signatures and parameters, shared by fields, local functions, arrow functions and enum constructors.
public sealed partial class Parser
{
    /// After `function [name]`: `<T>(args):Ret body`. A body is required for expressions; for fields `;` means none.
    private FunctionSyntax ParseFunctionRest(int start, bool requireBody)
    {
        var typeParams = ParseTypeParamDecls();
        List<ParamDecl> args;
        if (Accept(TokenKind.LParen)) args = ParseParamList(TokenKind.RParen);
        else
        {
            ErrorExpected("(");
            args = [];
        }
        var ret = ParseOptionalTypeHint();
        Expr? body = null;
        if (requireBody) body = ParseOperandExpr(_prevEnd);
        else if (Kind == TokenKind.Semicolon) Advance();
        else if (Kind is TokenKind.KwFunction or TokenKind.KwVar or TokenKind.KwFinal && NewlineBeforeCur())
        {
            // `function f():Void` then the next field: a field's body is never a bare declaration (Haxe would
            // take it as one and fail later, or not at all)
            Report(SyntaxCodes.MissingSemicolon, SpanOf(Cur), "Missing ;");
        }
        else if (CanStartExpression(Kind))
        {
            body = ParseExpr();
            if (!_needSync) Semicolon();
        }
        else Error(SyntaxCodes.MissingSemicolon, SpanOf(Cur), "Missing ;"); // Haxe: a body or `;`
        return new FunctionSyntax(SpanFrom(start), typeParams, args, ret, body);
    }

    /// Parameters after the opening parenthesis, through `closing`; trailing comma allowed.
    private List<ParamDecl> ParseParamList(TokenKind closing)
    {
        var list = new List<ParamDecl>();
        while (true)
        {
            if (Accept(closing)) return list;
            var p = ParseParam();
            if (p is null)
            {
                ErrorUnexpected();
                SkipPast(closing);
                return list;
            }
            list.Add(p);
            if (Accept(TokenKind.Comma)) continue;
            if (Accept(closing)) return list;
            ErrorUnexpected();
            SkipPast(closing);
            return list;
        }
    }

    private void SkipPast(TokenKind closing)
    {
        var depth = 0;
        while (Kind != TokenKind.EndOfFile)
        {
            if (depth == 0 && Kind == closing) { Advance(); return; }
            if (depth == 0 && Kind is TokenKind.Semicolon or TokenKind.RBrace or TokenKind.LBrace) return;
            if (Kind is TokenKind.LParen or TokenKind.LBracket) depth++;
            if (Kind is TokenKind.RParen or TokenKind.RBracket) depth--;
            Advance();
        }
    }

    /// `@meta ?name:Type = default` or `...rest:Type`; null when no parameter starts here.
    private ParamDecl? ParseParam()
    {
        var start = Cur.Start;
        var meta = ParseMetas();
        var optional = Accept(TokenKind.Question);
        var rest = !optional && Accept(TokenKind.Ellipsis);
        if (!IsDollarIdent) return null;
        var name = Advance();
        var type = ParseOptionalTypeHint();
        Expr? def = null;
        if (Accept(TokenKind.Eq)) def = ParseOperandExpr(_prevEnd);
        return new ParamDecl(SpanFrom(start), DollarIdentName(name), optional, type, def, meta, rest);
    }

    /// `: Type` if present.
    private TypeHint? ParseOptionalTypeHint() => Accept(TokenKind.Colon) ? ParseType() : null;
}
