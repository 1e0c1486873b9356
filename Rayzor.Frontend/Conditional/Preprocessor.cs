using System.Globalization;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Conditional;

/// Applies `#if/#elseif/#else/#end/#error/#line` to a lexer's tokens: the result holds only the tokens of
/// active branches (ending with EndOfFile). Working on tokens, as Haxe does, makes `#if` legal anywhere —
/// between declarations, inside expressions, argument lists or metadata.
public sealed class Preprocessor
{
    private readonly Lexer _lexer;
    private readonly Defines _defines;
    private readonly DiagnosticBag _diags;
    private readonly List<Frame> _stack = new();
    private Token? _peeked;
    private Token? _pushedBack;
    // condition parsing: nesting of `(` and `!`, operators so far, open parentheses, and whether it was abandoned
    private int _condDepth;
    private int _condNodes;
    private int _condParens;
    private bool _condAbandoned;

    /// Deepest nesting and most operators in one `#if` condition; beyond them the condition is an error (its
    /// evaluation is recursive, and no real condition comes close).
    public const int MaxConditionDepth = 200;
    public const int MaxConditionOperators = 1000;

    private sealed class Frame(Token directive, bool parentActive, bool active)
    {
        public Token Directive = directive;
        public readonly bool ParentActive = parentActive;
        public bool Active = active;
        public bool AnyTaken = active;
        public bool SawElse;
    }

    private Preprocessor(Lexer lexer, Defines defines, DiagnosticBag diagnostics)
    {
        _lexer = lexer;
        _defines = defines;
        _diags = diagnostics;
    }

    /// The active tokens of the whole file.
    public static List<Token> Run(SourceFile file, Defines defines, DiagnosticBag diagnostics) =>
        Run(new Lexer(file, diagnostics), defines, diagnostics, new TokenBuffer()).ToList();

    /// Appends the active tokens the lexer yields (EndOfFile last) to `output`, which it returns.
    public static TokenBuffer Run(Lexer lexer, Defines defines, DiagnosticBag diagnostics, TokenBuffer output)
    {
        new Preprocessor(lexer, defines, diagnostics).Run(output);
        return output;
    }

    private bool Active => _stack.Count == 0 || _stack[^1].Active;

    private void Run(TokenBuffer output)
    {
        string? pendingDoc = null;
        while (true)
        {
            var t = NextRaw();
            if (t.Kind == TokenKind.Sharp)
            {
                if (Active && t.Doc != null) pendingDoc = t.Doc;
                Directive(t);
                continue;
            }
            if (t.Kind == TokenKind.EndOfFile)
            {
                // after an unterminated string or comment swallowed the file, the missing #end is only an echo
                if (_stack.Count > 0 && !_diags.Items.Any(d => d.Code is SyntaxCodes.UnterminatedString or SyntaxCodes.UnclosedComment or SyntaxCodes.UnclosedCode))
                    Error(SyntaxCodes.UnclosedConditional, Span(_stack[^1].Directive), "Unclosed conditional compilation block");
                output.Add(t);
                return;
            }
            if (!Active) continue;
            if (pendingDoc != null)
            {
                if (t.Doc == null) t = t.WithDoc(pendingDoc);
                pendingDoc = null;
            }
            output.Add(t);
        }
    }

    private Token NextRaw()
    {
        if (_pushedBack is { } p)
        {
            _pushedBack = null;
            return p;
        }
        return _lexer.Next();
    }

    private void Directive(Token t)
    {
        switch (t.Text)
        {
            case "if":
            {
                var cond = ReadCondition(t);
                var parent = Active;
                _stack.Add(new Frame(t, parent, parent && Evaluate(cond)));
                return;
            }
            case "elseif":
            {
                var cond = ReadCondition(t);
                if (_stack.Count == 0 || _stack[^1].SawElse)
                {
                    Error(SyntaxCodes.InvalidDirective, Span(t), "Invalid #elseif");
                    return;
                }
                var f = _stack[^1];
                f.Active = f.ParentActive && !f.AnyTaken && Evaluate(cond);
                f.AnyTaken |= f.Active;
                return;
            }
            case "else":
            {
                if (_stack.Count == 0 || _stack[^1].SawElse)
                {
                    Error(SyntaxCodes.InvalidDirective, Span(t), "Invalid #else");
                    return;
                }
                var f = _stack[^1];
                f.SawElse = true;
                f.Active = f.ParentActive && !f.AnyTaken;
                f.AnyTaken = true;
                return;
            }
            case "end":
                if (_stack.Count == 0) Error(SyntaxCodes.InvalidDirective, Span(t), "Invalid #end");
                else _stack.RemoveAt(_stack.Count - 1);
                return;
            case "error":
                if (!Active) return;
                {
                    var next = _lexer.Next();
                    // an empty message is no message (found by the fuzzer: `#error ""` printed an empty line)
                    if (next.Kind == TokenKind.String && next.Value is not StringPart[] && !string.IsNullOrWhiteSpace(next.Text))
                        Error(SyntaxCodes.UserError, Span(next), next.Text);
                    else if (next.Kind == TokenKind.String && next.Value is not StringPart[])
                        Error(SyntaxCodes.UserError, Span(t), "Not implemented for current platform");
                    else
                    {
                        Error(SyntaxCodes.UserError, Span(t), "Not implemented for current platform");
                        _pushedBack = next;
                    }
                }
                return;
            case "line":
                if (!Active) return;
                {
                    // Rayzor keeps byte positions, so `#line` cannot renumber; the number is checked and dropped.
                    var next = _lexer.Next();
                    if (next.Kind != TokenKind.Int || !int.TryParse(next.Text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        Error(SyntaxCodes.Unexpected, Span(next), "Unexpected " + TokenFacts.Display(next));
                        if (next.Kind == TokenKind.EndOfFile) _pushedBack = next;
                    }
                }
                return;
            default:
                Error(SyntaxCodes.UnknownDirective, Span(t), "Unknown token");
                return;
        }
    }

    private bool Evaluate(Expr? cond)
    {
        if (cond is null) return false;
        var result = ConditionEvaluator.Evaluate(cond, _defines, out var error, out var errorSpan);
        if (error != null) Error(SyntaxCodes.InvalidCondition, errorSpan, error);
        return result;
    }

    // ---- condition parsing: Haxe's parse_macro_cond — one term unless parenthesized ----

    private Expr? ReadCondition(Token directive)
    {
        _peeked = null;
        _condDepth = _condNodes = _condParens = 0;
        _condAbandoned = false;
        var errors = _diags.Items.Count;
        var e = ParseTerm(allowBinary: false);
        if (_peeked is { } unread)
        {
            // a token looked at but not part of the condition goes back to the code, lexed as code
            _lexer.Rewind(unread);
            _peeked = null;
        }
        if (_condAbandoned) return null;
        if (e is null && _diags.Items.Count == errors) Error(SyntaxCodes.InvalidCondition, Span(directive), "Invalid condition expression");
        return e;
    }

    private Token NextCond()
    {
        if (_peeked is { } p)
        {
            _peeked = null;
            return p;
        }
        return _lexer.NextInCondition();
    }

    private Token PeekCond() => _peeked ??= _lexer.NextInCondition();

    private Expr? ParseTerm(bool allowBinary)
    {
        if (_condAbandoned) return null;
        if (++_condDepth > MaxConditionDepth) return Abandon();
        try
        {
            return ParseTermInner(allowBinary);
        }
        finally
        {
            _condDepth--;
        }
    }

    private Expr? ParseTermInner(bool allowBinary)
    {
        var t = NextCond();
        var span = Span(t);
        switch (t.Kind)
        {
            case TokenKind.Identifier:
                if (allowBinary && PeekCond().Kind == TokenKind.LParen)
                {
                    NextCond();
                    _condParens++;
                    var args = new List<Expr>();
                    if (PeekCond().Kind != TokenKind.RParen)
                        while (true)
                        {
                            var a = ParseBinary(0);
                            if (a is null) return null;
                            args.Add(a);
                            if (PeekCond().Kind != TokenKind.Comma) break;
                            NextCond();
                        }
                    var close = NextCond();
                    if (close.Kind != TokenKind.RParen) return Unexpected(close, skipToParen: true);
                    _condParens--;
                    return new CallExpr(span.To(Span(close)), new IdentExpr(span, t.Text!), args);
                }
                return new IdentExpr(span, t.Text!);
            case TokenKind.String:
                return new StringLiteral(span, t.Text ?? "", t.Value != null);
            case TokenKind.Int:
                return new IntLiteral(span, long.TryParse(t.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 0, t.Text!);
            case TokenKind.Float:
                return new FloatLiteral(span, double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0, t.Text!);
            case TokenKind.Bang:
            {
                var inner = ParseTerm(allowBinary);
                return inner is null ? null : new UnaryExpr(span.To(inner.Span), UnaryOp.Not, false, inner);
            }
            case TokenKind.LParen:
            {
                _condParens++;
                var inner = ParseBinary(0);
                if (inner is null) return null;
                var close = NextCond();
                if (close.Kind != TokenKind.RParen) return Unexpected(close, skipToParen: true);
                _condParens--;
                return new ParenExpr(span.To(Span(close)), inner);
            }
            case TokenKind.RParen or TokenKind.EndOfFile when allowBinary:
                // an operand is missing: `#if (a &&)`, `#if ()`
                Error(SyntaxCodes.InvalidCondition, Span(t), "Expected expression");
                _condAbandoned = true;
                if (t.Kind == TokenKind.RParen) _condParens--;
                SkipRestOfCondition(termPending: false);
                return null;
            default:
                return Unexpected(t, skipToParen: allowBinary);
        }
    }

    // Too deep or too long: one error, then the rest of the condition is skipped.
    private Expr? Abandon()
    {
        Error(SyntaxCodes.TooDeep, Span(PeekCond()), "Expression nested too deeply");
        _condAbandoned = true;
        SkipRestOfCondition(termPending: true);
        return null;
    }

    // Skips through the `)` closing the outermost open parenthesis; with none open, through the prefix
    // operators and the term that were about to be read (`termPending`), or nothing.
    private void SkipRestOfCondition(bool termPending)
    {
        while (true)
        {
            if (_condParens <= 0)
            {
                if (!termPending) return;
                switch (PeekCond().Kind)
                {
                    case TokenKind.Bang:
                        NextCond();
                        continue;
                    case TokenKind.LParen:
                        NextCond();
                        _condParens++;
                        termPending = false; // the parenthesized term is the rest
                        break;
                    case TokenKind.Identifier or TokenKind.String or TokenKind.Int or TokenKind.Float:
                        NextCond();
                        return;
                    default:
                        return;
                }
            }
            var t = NextCond();
            switch (t.Kind)
            {
                case TokenKind.EndOfFile: return;
                case TokenKind.LParen: _condParens++; break;
                case TokenKind.RParen:
                    if (--_condParens <= 0) return;
                    break;
            }
        }
    }

    private Expr? Unexpected(Token t, bool skipToParen)
    {
        Error(SyntaxCodes.Unexpected, Span(t), "Unexpected " + TokenFacts.Display(t));
        _condAbandoned = true;
        if (!skipToParen) return null;
        // skip the rest of the parenthesized condition so its tokens do not leak into the code
        if (t.Kind == TokenKind.LParen) _condParens++;
        else if (t.Kind == TokenKind.RParen) _condParens--;
        if (t.Kind != TokenKind.EndOfFile && _condParens > 0) SkipRestOfCondition(termPending: false);
        return null;
    }

    private static int Precedence(TokenKind k) => k switch
    {
        TokenKind.EqEq or TokenKind.BangEq or TokenKind.Lt or TokenKind.LtEq or TokenKind.Gt or TokenKind.GtEq => 7,
        TokenKind.AmpAmp => 9,
        TokenKind.PipePipe => 10,
        _ => -1,
    };

    private static BinaryOp ToOp(TokenKind k) => k switch
    {
        TokenKind.EqEq => BinaryOp.Eq, TokenKind.BangEq => BinaryOp.NotEq, TokenKind.Lt => BinaryOp.Lt,
        TokenKind.LtEq => BinaryOp.LtEq, TokenKind.Gt => BinaryOp.Gt, TokenKind.GtEq => BinaryOp.GtEq,
        TokenKind.AmpAmp => BinaryOp.BoolAnd, _ => BinaryOp.BoolOr,
    };

    // Precedence climbing over the condition operators; `level` 0 accepts all.
    private Expr? ParseBinary(int level)
    {
        var left = ParseTerm(allowBinary: true);
        if (left is null) return null;
        return ParseBinaryRest(left, level == 0 ? int.MaxValue : level);
    }

    private Expr? ParseBinaryRest(Expr left, int maxPrec)
    {
        while (true)
        {
            var op = PeekCond();
            var prec = Precedence(op.Kind);
            if (prec < 0 || prec > maxPrec) return left;
            if (++_condNodes > MaxConditionOperators) return Abandon();
            NextCond();
            var right = ParseTerm(allowBinary: true);
            if (right is null) return null;
            // bind tighter operators on the right first
            while (Precedence(PeekCond().Kind) is var p2 && p2 >= 0 && p2 < prec)
            {
                right = ParseBinaryRest(right, p2);
                if (right is null) return null;
            }
            left = new BinaryExpr(left.Span.To(right.Span), ToOp(op.Kind), left, right);
        }
    }

    private TextSpan Span(Token t) => new(_lexer.FileId, t.Start, t.End);

    private void Error(string code, TextSpan span, string message) => _diags.Error(code, span, message);
}
