using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Parsing;

// Binary, unary and postfix expressions. Precedence and associativity are Haxe's (parser.ml `precedence`,
// 4.3): `is` (tightest), `%`, `* /`, `+ -`, shifts, `| & ^` (one level, tighter than comparisons), `??`,
// comparisons, `...`, `&&`, `||`, `? :`, `=>` (right), assignments (right). The tree is built with Haxe's
// make_binop/make_unop/make_meta rotations, so operands that are whole expressions (`@:meta e`, `cast e`)
// end up where the reference compiler puts them.
public sealed partial class Parser
{
    private const int PrecIs = 0;
    private const int PrecTernary = 21;
    private const int PrecLowest = 24;

    /// A full expression (Haxe's `expr`).
    private Expr ParseExpr()
    {
        if (!Enter()) return new ErrorExpr(SpanOf(Cur));
        try
        {
            var left = ParseUnary(out var terminal);
            return terminal ? left : ParseBinaryRest(left, PrecLowest);
        }
        finally
        {
            Leave();
        }
    }

    /// Binary operator of the current token: Haxe precedence (0 = tightest), doubled to fit the ternary at 21.
    private int BinaryPrecedence(out BinaryOp op, out bool compound)
    {
        compound = false;
        op = BinaryOp.Add;
        switch (Kind)
        {
            case TokenKind.Identifier when Cur.Text == "is": return PrecIs;
            case TokenKind.Percent: op = BinaryOp.Mod; return 2;
            case TokenKind.Star: op = BinaryOp.Mul; return 4;
            case TokenKind.Slash: op = BinaryOp.Div; return 4;
            case TokenKind.Plus: op = BinaryOp.Add; return 6;
            case TokenKind.Minus: op = BinaryOp.Sub; return 6;
            case TokenKind.Shl: op = BinaryOp.Shl; return 8;
            case TokenKind.Shr: op = BinaryOp.Shr; return 8;
            case TokenKind.UShr: op = BinaryOp.UShr; return 8;
            case TokenKind.Amp: op = BinaryOp.And; return 10;
            case TokenKind.Pipe: op = BinaryOp.Or; return 10;
            case TokenKind.Caret: op = BinaryOp.Xor; return 10;
            case TokenKind.QuestionQuestion: op = BinaryOp.NullCoal; return 12;
            case TokenKind.EqEq: op = BinaryOp.Eq; return 14;
            case TokenKind.BangEq: op = BinaryOp.NotEq; return 14;
            case TokenKind.Lt: op = BinaryOp.Lt; return 14;
            case TokenKind.LtEq: op = BinaryOp.LtEq; return 14;
            case TokenKind.Gt: op = BinaryOp.Gt; return 14;
            case TokenKind.GtEq: op = BinaryOp.GtEq; return 14;
            case TokenKind.Ellipsis: op = BinaryOp.Interval; return 16;
            case TokenKind.AmpAmp: op = BinaryOp.BoolAnd; return 18;
            case TokenKind.PipePipe: op = BinaryOp.BoolOr; return 20;
            case TokenKind.Question: return PrecTernary;
            case TokenKind.FatArrow: op = BinaryOp.Arrow; return 22;
            case TokenKind.Eq: op = BinaryOp.Assign; return 24;
        }
        compound = true;
        switch (Kind)
        {
            case TokenKind.PlusEq: op = BinaryOp.Add; return 24;
            case TokenKind.MinusEq: op = BinaryOp.Sub; return 24;
            case TokenKind.StarEq: op = BinaryOp.Mul; return 24;
            case TokenKind.SlashEq: op = BinaryOp.Div; return 24;
            case TokenKind.PercentEq: op = BinaryOp.Mod; return 24;
            case TokenKind.AmpEq: op = BinaryOp.And; return 24;
            case TokenKind.PipeEq: op = BinaryOp.Or; return 24;
            case TokenKind.CaretEq: op = BinaryOp.Xor; return 24;
            case TokenKind.ShlEq: op = BinaryOp.Shl; return 24;
            case TokenKind.ShrEq: op = BinaryOp.Shr; return 24;
            case TokenKind.UShrEq: op = BinaryOp.UShr; return 24;
            case TokenKind.QuestionQuestionEq: op = BinaryOp.NullCoal; return 24;
            case TokenKind.AmpAmpEq: op = BinaryOp.BoolAnd; return 24;
            case TokenKind.PipePipeEq: op = BinaryOp.BoolOr; return 24;
        }
        return -1;
    }

    // Precedence climbing: binds operators of precedence <= maxPrec to `left`.
    private Expr ParseBinaryRest(Expr left, int maxPrec)
    {
        while (true)
        {
            var prec = BinaryPrecedence(out var op, out var compound);
            if (prec < 0 || prec > maxPrec) return left;
            var opToken = Advance();
            if (prec == PrecIs)
            {
                var type = ParseType();
                left = new IsExpr(left.Span.To(type.Span), left, type);
                continue;
            }
            if (prec == PrecTernary)
            {
                var then = ParseExpr();
                Expr other;
                if (Accept(TokenKind.Colon)) other = ParseExpr();
                else
                {
                    ErrorExpected(":");
                    other = new ErrorExpr(SpanOf(Cur));
                }
                left = new TernaryExpr(left.Span.To(other.Span), left, then, other);
                continue;
            }
            Expr right;
            if (prec >= 22)
            {
                // right-associative: Haxe takes the whole rest of the expression
                right = ParseOperand(opToken, out var rightTerminal);
                if (!rightTerminal) right = ParseExprRestAfter(right);
            }
            else
            {
                right = ParseOperand(opToken, out var terminal);
                if (!terminal) right = ParseBinaryRest(right, prec - 1);
            }
            left = MakeBinop(op, compound, left, right);
        }
    }

    private Expr ParseOperand(in Token opToken) => ParseOperand(opToken, out _);

    // The operand after a binary operator; Haxe reports `Expected expression` when none can start here.
    private Expr ParseOperand(in Token opToken, out bool terminal)
    {
        if (!CanStartExpression(Kind))
        {
            terminal = true;
            ErrorExpected("expression");
            return new ErrorExpr(SpanBetween(opToken.End, opToken.End));
        }
        if (!Enter())
        {
            terminal = true;
            return new ErrorExpr(SpanOf(Cur));
        }
        try
        {
            return ParseUnary(out terminal);
        }
        finally
        {
            Leave();
        }
    }

    private Expr ParseExprRestAfter(Expr left)
    {
        if (!Enter()) return left;
        try
        {
            return ParseBinaryRest(left, PrecLowest);
        }
        finally
        {
            Leave();
        }
    }

    private static (int Prec, bool Left) HaxePrecedence(BinaryOp op) => op switch
    {
        BinaryOp.Mod => (1, true),
        BinaryOp.Mul or BinaryOp.Div => (2, true),
        BinaryOp.Add or BinaryOp.Sub => (3, true),
        BinaryOp.Shl or BinaryOp.Shr or BinaryOp.UShr => (4, true),
        BinaryOp.Or or BinaryOp.And or BinaryOp.Xor => (5, true),
        BinaryOp.NullCoal => (6, true),
        BinaryOp.Eq or BinaryOp.NotEq or BinaryOp.Gt or BinaryOp.Lt or BinaryOp.GtEq or BinaryOp.LtEq => (7, true),
        BinaryOp.Interval => (8, true),
        BinaryOp.BoolAnd => (9, true),
        BinaryOp.BoolOr => (10, true),
        BinaryOp.Arrow => (11, false),
        _ => (12, false),
    };

    private static bool Swap(BinaryOp op1, bool compound1, BinaryOp op2, bool compound2)
    {
        var (p1, left1) = compound1 ? (12, false) : HaxePrecedence(op1);
        var p2 = compound2 ? 12 : HaxePrecedence(op2).Prec;
        return left1 && p1 <= p2;
    }

    /// Haxe's make_binop: rebalances when the right operand is a looser binary or a ternary, by pushing the
    /// new operator down the right operand's left spine (iteratively: that spine can be a whole long chain).
    private static Expr MakeBinop(BinaryOp op, bool compound, Expr e, Expr e2)
    {
        if (!SwapsWith(op, compound, e2)) return Binop(op, compound, e, e2);
        return MapLeftSpine(e2, node => SwapsWith(op, compound, node), leaf => Binop(op, compound, e, leaf),
            (node, left) => left.Span.To(LastOperandSpan(node)));
    }

    private static bool SwapsWith(BinaryOp op, bool compound, Expr e2) => e2 switch
    {
        BinaryExpr b => Swap(op, compound, b.Op, false),
        AssignOpExpr a => Swap(op, compound, a.Op, true),
        TernaryExpr => !compound && op is not (BinaryOp.Assign or BinaryOp.Arrow),
        _ => false,
    };

    private static Expr Binop(BinaryOp op, bool compound, Expr e, Expr e2)
    {
        var span = e.Span.To(e2.Span);
        return compound ? new AssignOpExpr(span, op, e, e2) : new BinaryExpr(span, op, e, e2);
    }

    /// Haxe's make_unop: a prefix operator applies to the leftmost operand; `-` on a number literal folds.
    private Expr MakeUnop(UnaryOp op, Expr e, int start)
    {
        if (e is BinaryExpr or AssignOpExpr or TernaryExpr or IsExpr)
            return MapLeftSpine(e, _ => true, leaf => MakeUnop(op, leaf, start), (node, _) => SpanBetween(start, node.Span.End));
        var span = SpanBetween(start, e.Span.End);
        return e switch
        {
            IntLiteral n when op == UnaryOp.Neg => new IntLiteral(span, -n.Value, Negate(n.Text)),
            FloatLiteral f when op == UnaryOp.Neg => new FloatLiteral(span, -f.Value, Negate(f.Text)),
            _ => new UnaryExpr(span, op, false, e),
        };
    }

    private static string Negate(string text) => text.StartsWith('-') ? text[1..] : "-" + text;

    /// Haxe's make_meta: metadata applies to the leftmost operand, except around an assignment.
    private static Expr MakeMeta(MetaEntry meta, Expr e) =>
        MapLeftSpine(e, node => node is BinaryExpr { Op: not BinaryOp.Assign } or TernaryExpr,
            leaf => new MetaExpr(meta.Span.To(leaf.Span), meta, leaf), (node, _) => meta.Span.To(node.Span));

    /// Rebuilds the left spine of `e` (left operands, ternary conditions, `is` values) through the nodes
    /// `descend` accepts, replacing the first node it refuses by `leaf(node)`; each rebuilt node gets
    /// `span(old node, new left operand)`. A loop, not recursion, so a 100k-long chain is no problem.
    private static Expr MapLeftSpine(Expr e, Func<Expr, bool> descend, Func<Expr, Expr> leaf, Func<Expr, Expr, TextSpan> span)
    {
        var spine = new List<Expr>();
        while (LeftOperand(e) is { } left && descend(e))
        {
            spine.Add(e);
            e = left;
        }
        var result = leaf(e);
        for (var i = spine.Count - 1; i >= 0; i--)
        {
            var node = spine[i];
            var s = span(node, result);
            result = node switch
            {
                BinaryExpr b => new BinaryExpr(s, b.Op, result, b.Right),
                AssignOpExpr a => new AssignOpExpr(s, a.Op, result, a.Right),
                TernaryExpr t => new TernaryExpr(s, result, t.Then, t.Else),
                IsExpr x => new IsExpr(s, result, x.Type),
                _ => result,
            };
        }
        return result;
    }

    private static Expr? LeftOperand(Expr e) => e switch
    {
        BinaryExpr b => b.Left,
        AssignOpExpr a => a.Left,
        TernaryExpr t => t.Cond,
        IsExpr i => i.Value,
        _ => null,
    };

    private static TextSpan LastOperandSpan(Expr e) => e switch
    {
        BinaryExpr b => b.Right.Span,
        AssignOpExpr a => a.Right.Span,
        TernaryExpr t => t.Else.Span,
        IsExpr i => i.Type.Span,
        _ => e.Span,
    };

    /// A prefix-unary expression or a primary with its postfix chain. `terminal` is set for expressions that
    /// end the whole expression in Haxe (`if`, `function`, blocks, `return`, ... and whole-expression prefixes).
    private Expr ParseUnary(out bool terminal)
    {
        UnaryOp op;
        switch (Kind)
        {
            case TokenKind.Bang: op = UnaryOp.Not; break;
            case TokenKind.Tilde: op = UnaryOp.BitNot; break;
            case TokenKind.Minus: op = UnaryOp.Neg; break;
            case TokenKind.PlusPlus: op = UnaryOp.Increment; break;
            case TokenKind.MinusMinus: op = UnaryOp.Decrement; break;
            case TokenKind.Ellipsis: op = UnaryOp.Spread; break;
            default:
            {
                var e = ParsePrimary(out terminal);
                return terminal ? e : ParsePostfix(e, out terminal);
            }
        }
        var t = Advance();
        var operand = ParseOperand(t, out terminal);
        return MakeUnop(op, operand, t.Start);
    }

    // `.name`, `?.name`, calls, indexing, postfix `++`/`--` and `x -> body` arrow functions.
    private Expr ParsePostfix(Expr e, out bool terminal)
    {
        terminal = false;
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                case TokenKind.QuestionDot:
                {
                    var safe = Advance().Kind == TokenKind.QuestionDot;
                    var nameTok = Cur;
                    string name;
                    if (nameTok.Kind == TokenKind.Identifier || TokenFacts.IsKeyword(nameTok.Kind)) name = nameTok.Text!;
                    else if (nameTok.Kind == TokenKind.Dollar) name = "$" + nameTok.Text;
                    else
                    {
                        ErrorUnexpected();
                        return e;
                    }
                    Advance();
                    e = new FieldExpr(SpanBetween(e.Span.Start, nameTok.End), e, name, SpanOf(nameTok), safe);
                    break;
                }
                case TokenKind.LParen:
                {
                    Advance();
                    var args = ParseCallArgs();
                    e = new CallExpr(SpanFrom(e.Span.Start), e, args);
                    break;
                }
                case TokenKind.LBracket:
                {
                    var open = Advance();
                    var index = ParseOperandExpr(open.End);
                    Expect(TokenKind.RBracket, "]");
                    e = new IndexExpr(SpanFrom(e.Span.Start), e, index);
                    break;
                }
                case TokenKind.PlusPlus:
                case TokenKind.MinusMinus:
                {
                    var t = Advance();
                    e = new UnaryExpr(SpanFrom(e.Span.Start), t.Kind == TokenKind.PlusPlus ? UnaryOp.Increment : UnaryOp.Decrement, true, e);
                    break;
                }
                case TokenKind.Arrow:
                {
                    terminal = true;
                    var arrow = Advance();
                    var param = ArrowFirstParam(e, arrow);
                    var body = ParseOperand(arrow, out var bodyTerminal);
                    if (!bodyTerminal) body = ParseExprRestAfter(body);
                    return new ArrowFunctionExpr(e.Span.To(body.Span), param is null ? [] : [param], body);
                }
                default:
                    return e;
            }
        }
    }

    /// Arguments after `(`, through the closing `)`; a trailing comma is allowed.
    private List<Expr> ParseCallArgs()
    {
        var args = new List<Expr>();
        if (Accept(TokenKind.RParen)) return args;
        while (true)
        {
            if (!CanStartExpression(Kind))
            {
                ErrorExpected(args.Count == 0 ? "expression or )" : ", or )");
                return args;
            }
            args.Add(ParseExpr());
            if (Accept(TokenKind.Comma))
            {
                if (Accept(TokenKind.RParen)) return args;
                continue;
            }
            if (Accept(TokenKind.RParen)) return args;
            ErrorExpected(", or )");
            return args;
        }
    }

    /// Whether a token can begin an expression (used where an expression is optional, like after `return`).
    private static bool CanStartExpression(TokenKind k) => k switch
    {
        TokenKind.Identifier or TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.Regex
            or TokenKind.Dollar or TokenKind.Meta or TokenKind.At
            or TokenKind.LParen or TokenKind.LBrace or TokenKind.LBracket
            or TokenKind.Minus or TokenKind.Bang or TokenKind.Tilde or TokenKind.PlusPlus or TokenKind.MinusMinus
            or TokenKind.Ellipsis
            or TokenKind.KwThis or TokenKind.KwTrue or TokenKind.KwFalse or TokenKind.KwNull or TokenKind.KwAbstract
            or TokenKind.KwCast or TokenKind.KwNew or TokenKind.KwIf or TokenKind.KwWhile or TokenKind.KwDo
            or TokenKind.KwFor or TokenKind.KwSwitch or TokenKind.KwTry or TokenKind.KwReturn or TokenKind.KwBreak
            or TokenKind.KwContinue or TokenKind.KwThrow or TokenKind.KwUntyped or TokenKind.KwFunction
            or TokenKind.KwVar or TokenKind.KwFinal or TokenKind.KwInline or TokenKind.KwMacro => true,
        _ => false,
    };

    private TextSpan ZeroSpanAtCur() => new(_fileId, Cur.Start, Cur.Start);
}
