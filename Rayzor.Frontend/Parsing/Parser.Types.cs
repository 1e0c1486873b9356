using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;

namespace Rayzor.Frontend.Parsing;

// Types as written (Haxe's complex types): paths with parameters, `A -> B` and `(a:A) -> B` function
// types, `{ a:Int }` / `{ var a:Int; }` structures, `{ > A, b:Int }` extensions, `A & B`, `?T`, `...T`.
public sealed partial class Parser
{
    private TypeHint ParseType()
    {
        if (!Enter()) return new ErrorTypeHint(ZeroSpanAtCur());
        try
        {
            return ParseTypeMaybeNamed(allowNamed: false);
        }
        finally
        {
            Leave();
        }
    }

    private TypeHint ParseTypeMaybeNamed(bool allowNamed)
    {
        if (Kind != TokenKind.LParen)
        {
            var t = ParseTypeInner(allowNamed);
            return t is ErrorTypeHint ? t : ParseTypeNext(t);
        }
        var open = Advance();
        return ParseTypeAfterParenItems(ParseParenTypeItems(), open.Start);
    }

    // After `(`: the comma-separated types (possibly named, `a:Int`) through the closing `)`.
    private List<TypeHint> ParseParenTypeItems()
    {
        var items = new List<TypeHint>();
        while (Kind != TokenKind.RParen && Kind != TokenKind.EndOfFile)
        {
            if (!Enter()) break;
            try
            {
                items.Add(ParseTypeMaybeNamed(allowNamed: true));
            }
            finally
            {
                Leave();
            }
            if (!Accept(TokenKind.Comma)) break;
        }
        Expect(TokenKind.RParen, ")");
        return items;
    }

    // `(a:A, b:B) -> R` and `() -> R` are function types; `(T)` is a parenthesized type.
    private TypeHint ParseTypeAfterParenItems(List<TypeHint> items, int start)
    {
        var newStyle = items.Count == 0 || items.Count > 1 || items[0] is NamedTypeHint or OptionalTypeHint { Inner: NamedTypeHint };
        if (newStyle) return ParseFunctionTypeNext(items, start);
        return ParseTypeNext(new ParenTypeHint(SpanFrom(start), items[0]));
    }

    // `(args) -> Ret`: the return type is a single type, as in Haxe (`() -> Int -> Void` needs parentheses).
    private TypeHint ParseFunctionTypeNext(List<TypeHint> items, int start)
    {
        if (Kind != TokenKind.Arrow)
        {
            ErrorUnexpected();
            return new ErrorTypeHint(SpanFrom(start));
        }
        Advance();
        var ret = ParseTypeInner(allowNamed: false);
        return new FunctionTypeHint(SpanFrom(start), items.Select(FunctionArg).ToList(), ret);
    }

    private static FunctionTypeArg FunctionArg(TypeHint t)
    {
        var optional = false;
        if (t is OptionalTypeHint o)
        {
            optional = true;
            t = o.Inner;
        }
        return t is NamedTypeHint n ? new FunctionTypeArg(n.Name, optional, n.Inner) : new FunctionTypeArg(null, optional, t);
    }

    // After a type: `-> Ret` (old-style function type, flattened right to left) or `& B` (intersection).
    private TypeHint ParseTypeNext(TypeHint t)
    {
        if (Accept(TokenKind.Arrow))
        {
            var t2 = ParseType();
            return t2 is FunctionTypeHint f
                ? new FunctionTypeHint(t.Span.To(t2.Span), [FunctionArg(t), .. f.Args], f.Return)
                : new FunctionTypeHint(t.Span.To(t2.Span), [FunctionArg(t)], t2);
        }
        if (Accept(TokenKind.Amp))
        {
            var t2 = ParseType();
            return t2 is IntersectionTypeHint i
                ? new IntersectionTypeHint(t.Span.To(t2.Span), [t, .. i.Types])
                : new IntersectionTypeHint(t.Span.To(t2.Span), [t, t2]);
        }
        return t;
    }

    private TypeHint ParseTypeInner(bool allowNamed)
    {
        var start = Cur.Start;
        switch (Kind)
        {
            case TokenKind.LParen:
            {
                Advance();
                var inner = ParseType();
                Expect(TokenKind.RParen, ")");
                return new ParenTypeHint(SpanFrom(start), inner);
            }
            case TokenKind.LBrace:
                return ParseAnonType();
            case TokenKind.Question:
            {
                Advance();
                var inner = ParseNestedTypeInner(allowNamed);
                return new OptionalTypeHint(SpanFrom(start), inner);
            }
            case TokenKind.Ellipsis:
            {
                // `...T` is `haxe.Rest<T>`
                Advance();
                var inner = ParseNestedTypeInner(allowNamed);
                if (inner is NamedTypeHint n)
                    return new NamedTypeHint(SpanFrom(start), n.Name, new PathTypeHint(SpanFrom(start), ["haxe"], "Rest", null, [n.Inner]));
                return new PathTypeHint(SpanFrom(start), ["haxe"], "Rest", null, [inner]);
            }
            case TokenKind.Identifier or TokenKind.Dollar:
            {
                var first = Advance();
                if (allowNamed && Kind == TokenKind.Colon)
                {
                    Advance();
                    var t = ParseType();
                    return new NamedTypeHint(SpanFrom(start), DollarIdentName(first), t);
                }
                return ParseTypePathFrom(first);
            }
        }
        ErrorUnexpected();
        return new ErrorTypeHint(ZeroSpanAtCur());
    }

    // `?T` and `...T` nest one level per prefix.
    private TypeHint ParseNestedTypeInner(bool allowNamed)
    {
        if (!Enter()) return new ErrorTypeHint(ZeroSpanAtCur());
        try
        {
            return ParseTypeInner(allowNamed);
        }
        finally
        {
            Leave();
        }
    }

    /// A type path (`new`, `extends`, structure extension); an empty name after an error.
    private PathTypeHint ParseTypePath()
    {
        if (IsDollarIdent) return ParseTypePathFrom(Advance());
        ErrorUnexpected();
        return new PathTypeHint(ZeroSpanAtCur(), [], "", null, []);
    }

    // `pack.sub.Type.Sub<Params>` from its first identifier; lower-case parts are packages.
    private PathTypeHint ParseTypePathFrom(Token first)
    {
        var start = first.Start;
        var pack = new List<string>();
        var name = DollarIdentName(first);
        var nameTok = first;
        while (nameTok.Kind == TokenKind.Identifier && IsLowerIdent(name))
        {
            if (Kind != TokenKind.Dot)
            {
                if (Kind == TokenKind.Semicolon) ErrorAt(nameTok, "Type name should start with an uppercase letter");
                else ErrorUnexpected();
                break;
            }
            Advance();
            if (Kind is TokenKind.Identifier or TokenKind.Dollar or TokenKind.KwMacro or TokenKind.KwExtern or TokenKind.KwFunction)
            {
                pack.Add(name);
                nameTok = Advance();
                name = nameTok.Kind == TokenKind.Dollar ? "$" + nameTok.Text : nameTok.Text!;
                if (nameTok.Kind != TokenKind.Identifier) nameTok = new Token(TokenKind.Identifier, nameTok.Start, nameTok.End, name);
                continue;
            }
            ErrorUnexpected();
            break;
        }
        string? sub = null;
        if (Kind == TokenKind.Dot && PeekAt(1).Kind == TokenKind.Identifier && !IsLowerIdent(PeekAt(1).Text!))
        {
            Advance();
            sub = Advance().Text;
        }
        var args = new List<TypeHint>();
        if (Kind == TokenKind.Lt)
        {
            Advance();
            while (true)
            {
                args.Add(ParseTypeParamOrConst());
                if (!Accept(TokenKind.Comma)) break;
            }
            if (!AcceptTypeClose()) ErrorExpected(">");
        }
        return new PathTypeHint(SpanFrom(start), pack, name, sub, args);
    }

    // A type argument: a type, or a constant (`Vector<3>`, `Const<"s">`, `Foo<[1, 2]>`).
    private TypeHint ParseTypeParamOrConst()
    {
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.LBracket:
            {
                var e = ParseArrayLiteral();
                return new ExprTypeHint(e.Span, e);
            }
            case TokenKind.Int or TokenKind.Float or TokenKind.String or TokenKind.Regex or TokenKind.KwTrue or TokenKind.KwFalse:
            {
                var e = ParsePrimary(out _);
                return new ExprTypeHint(e.Span, e);
            }
            case TokenKind.Minus or TokenKind.Bang or TokenKind.Tilde
                when PeekAt(1).Kind is TokenKind.Int or TokenKind.Float:
            {
                Advance();
                var lit = ParsePrimary(out _);
                var e = MakeUnop(t.Kind == TokenKind.Minus ? UnaryOp.Neg : t.Kind == TokenKind.Bang ? UnaryOp.Not : UnaryOp.BitNot, lit, t.Start);
                return new ExprTypeHint(e.Span, e);
            }
            case TokenKind.Identifier or TokenKind.Dollar or TokenKind.LParen or TokenKind.LBrace or TokenKind.Question or TokenKind.Ellipsis:
                return ParseType();
        }
        if (CanStartExpression(t.Kind))
        {
            var e = ParseExpr();
            return new ExprTypeHint(e.Span, e);
        }
        ErrorUnexpected();
        return new ErrorTypeHint(ZeroSpanAtCur());
    }

    /// Consumes a `>` closing type parameters, splitting `>>`, `>>>`, `>=`, `>>=`, `>>>=` (as in `Array<Array<Int>>`).
    private bool AcceptTypeClose()
    {
        var t = Cur;
        TokenKind rest;
        switch (t.Kind)
        {
            case TokenKind.Gt: Advance(); return true;
            case TokenKind.Shr: rest = TokenKind.Gt; break;
            case TokenKind.UShr: rest = TokenKind.Shr; break;
            case TokenKind.GtEq: rest = TokenKind.Eq; break;
            case TokenKind.ShrEq: rest = TokenKind.GtEq; break;
            case TokenKind.UShrEq: rest = TokenKind.ShrEq; break;
            default: return false;
        }
        _tokens[_index] = new Token(rest, t.Start + 1, t.End);
        _prevEnd = t.Start + 1;
        _prevKind = TokenKind.Gt;
        return true;
    }

    // `{}`, `{ a:Int, ?b:String }`, `{ var a:Int; function f():Void; }`, `{ > A, > B, c:Int }`.
    private TypeHint ParseAnonType()
    {
        var open = Advance();
        if (Kind == TokenKind.Gt)
        {
            var bases = new List<TypeHint>();
            while (Accept(TokenKind.Gt))
            {
                bases.Add(ParseTypePath());
                if (Accept(TokenKind.Comma)) continue;
                if (Kind != TokenKind.RBrace) ErrorExpected(",");
                break;
            }
            var extFields = ParseAnonFields();
            return new ExtendTypeHint(SpanFrom(open.Start), bases, extFields);
        }
        var fields = ParseAnonFields();
        return new AnonTypeHint(SpanFrom(open.Start), fields);
    }

    // The fields of a structure type through the closing `}`: short (`a:Int,`) or class notation (`var a:Int;`).
    private List<FieldDecl> ParseAnonFields()
    {
        if (Kind != TokenKind.Question && !IsDollarIdent) return ParseClassFields(inStructure: true);
        var fields = new List<FieldDecl>();
        while (true)
        {
            var start = Cur.Start;
            var doc = Cur.Doc;
            var optional = Accept(TokenKind.Question);
            if (!IsDollarIdent)
            {
                ErrorUnexpected();
                SkipPast(TokenKind.RBrace);
                return fields;
            }
            var name = Advance();
            TypeHint type;
            if (Accept(TokenKind.Colon)) type = ParseType();
            else
            {
                ErrorExpected(":");
                type = new ErrorTypeHint(ZeroSpanAtCur());
            }
            fields.Add(new FieldDecl(SpanFrom(start), DollarIdentName(name), SpanOf(name), Modifiers.None, [], doc,
                new VarField(type, null, false, optional)));
            if (Accept(TokenKind.RBrace)) return fields;
            if (Accept(TokenKind.Comma))
            {
                if (Accept(TokenKind.RBrace)) return fields;
                continue;
            }
            ErrorExpected(", or }");
            SkipPast(TokenKind.RBrace);
            return fields;
        }
    }

    /// `<T, U:Constraint = Default>` on a declaration; empty when absent.
    private List<TypeParamDecl> ParseTypeParamDecls()
    {
        var list = new List<TypeParamDecl>();
        if (Kind != TokenKind.Lt) return list;
        Advance();
        while (true)
        {
            var start = Cur.Start;
            var meta = ParseMetas();
            if (!IsDollarIdent)
            {
                if (list.Count == 0) ErrorExpected("type parameter");
                else ErrorUnexpected();
                AcceptTypeClose();
                return list;
            }
            var name = Advance();
            if (name.Kind == TokenKind.Identifier && IsLowerIdent(name.Text!))
                ErrorAt(name, "Type name should start with an uppercase letter");
            var constraints = new List<TypeHint>();
            if (Accept(TokenKind.Colon)) ParseConstraints(constraints);
            TypeHint? def = null;
            if (Accept(TokenKind.Eq)) def = ParseType();
            list.Add(new TypeParamDecl(SpanFrom(start), DollarIdentName(name), constraints, def, [], meta));
            if (!Accept(TokenKind.Comma)) break;
        }
        if (!AcceptTypeClose()) ErrorUnexpected();
        return list;
    }

    // `T:A`, `T:(A, B)` (Haxe 4.2's constraint list) or `T:(A, B) -> C` (one function type), told apart
    // after the parentheses rather than by looking ahead.
    private void ParseConstraints(List<TypeHint> constraints)
    {
        if (Kind != TokenKind.LParen)
        {
            constraints.Add(ParseType());
            return;
        }
        if (!Enter())
        {
            constraints.Add(new ErrorTypeHint(ZeroSpanAtCur()));
            return;
        }
        try
        {
            var open = Advance();
            var items = ParseParenTypeItems();
            if (items.Count > 1 && Kind != TokenKind.Arrow && !items.Any(t => t is NamedTypeHint or OptionalTypeHint)) constraints.AddRange(items);
            else constraints.Add(ParseTypeAfterParenItems(items, open.Start));
        }
        finally
        {
            Leave();
        }
    }
}
