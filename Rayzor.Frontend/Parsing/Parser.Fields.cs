using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;

namespace Rayzor.Frontend.Parsing;

// Fields of classes, interfaces, abstracts and class-notation structures; metadata.
public sealed partial class Parser
{
    /// Fields up to and including the closing `}`.
    private List<FieldDecl> ParseClassFields(bool inStructure)
    {
        var fields = new List<FieldDecl>();
        if (!Enter()) return fields;
        try
        {
            while (true)
            {
                if (Accept(TokenKind.RBrace)) return fields;
                if (Kind == TokenKind.EndOfFile)
                {
                    ErrorExpected("}");
                    return fields;
                }
                var before = _index;
                _needSync = false;
                var f = ParseField(inStructure);
                if (f != null) fields.Add(f);
                else if (!_needSync) ErrorExpected("}");
                if (_tooDeep)
                {
                    RecoverFromTooDeep(before);
                    continue;
                }
                if (_needSync) SyncField();
                if (_index == before) Advance();
            }
        }
        finally
        {
            Leave();
        }
    }

    // After an error in a field: skip to the next field start, past a `;`, or to the closing `}`, outside
    // nested brackets.
    private void SyncField()
    {
        _needSync = false;
        var depth = 0;
        while (Kind != TokenKind.EndOfFile)
        {
            if (depth == 0)
            {
                if (Kind == TokenKind.RBrace) return;
                if (Kind == TokenKind.Semicolon)
                {
                    Advance();
                    return;
                }
                if (Kind is TokenKind.KwPublic or TokenKind.KwPrivate or TokenKind.KwStatic or TokenKind.KwInline
                        or TokenKind.KwOverride or TokenKind.KwDynamic or TokenKind.KwMacro or TokenKind.KwExtern
                        or TokenKind.KwFinal or TokenKind.KwOverload or TokenKind.KwVar or TokenKind.KwFunction or TokenKind.Meta)
                    return;
            }
            if (Kind is TokenKind.LBrace or TokenKind.LParen or TokenKind.LBracket) depth++;
            else if (Kind is TokenKind.RBrace or TokenKind.RParen or TokenKind.RBracket) depth = Math.Max(0, depth - 1);
            Advance();
        }
    }

    /// One field, or null (nothing consumed) when the current token cannot start a field.
    private FieldDecl? ParseField(bool inStructure)
    {
        var doc = Cur.Doc;
        var meta = ParseMetas();
        var start = -1;
        var mods = Modifiers.None;
        List<Token>? modTokens = null;
        while (Kind is TokenKind.KwStatic or TokenKind.KwMacro or TokenKind.KwPublic or TokenKind.KwPrivate or TokenKind.KwOverride
               or TokenKind.KwDynamic or TokenKind.KwInline or TokenKind.KwExtern or TokenKind.KwAbstract or TokenKind.KwOverload)
        {
            if (start < 0) start = Cur.Start;
            CheckFieldModifier(mods, Cur);
            (modTokens ??= []).Add(Cur);
            mods |= ModifierOf(Advance().Kind);
        }
        if (start < 0) start = Cur.Start;
        if (Kind is TokenKind.KwVar or TokenKind.KwFinal or TokenKind.KwFunction)
            return ParseFieldAfterModifiers(doc, meta, mods, start, inStructure, modTokens);
        if (meta.Count > 0 || mods != Modifiers.None) ErrorUnexpected();
        return null;
    }

    // `var ...`, `final ...` or `function ...` after the metadata and modifiers of a field (or module field).
    private FieldDecl? ParseFieldAfterModifiers(string? doc, List<MetaEntry> meta, Modifiers mods, int start, bool inStructure,
        List<Token>? modTokens)
    {
        var kw = Advance();
        if (kw.Kind == TokenKind.KwFunction) return ParseMethod(doc, meta, mods, start);
        var isFinal = kw.Kind == TokenKind.KwFinal;
        if (isFinal)
        {
            mods |= Modifiers.Final;
            if (Kind == TokenKind.KwVar)
            {
                Report(SyntaxCodes.Syntax, SpanBetween(kw.Start, Cur.End), "`final var` is not supported, use `final` instead");
                Advance();
            }
            else if (Kind is not (TokenKind.Question or TokenKind.Identifier or TokenKind.Dollar))
            {
                // `final inline function`, `final override function` ...
                while (ModifierOf(Kind) is var m && m != Modifiers.None && Kind != TokenKind.KwFinal)
                {
                    CheckFieldModifier(mods, Cur);
                    mods |= m;
                    Advance();
                }
                if (Kind == TokenKind.KwFunction)
                {
                    Advance();
                    return ParseMethod(doc, meta, mods, start);
                }
                ErrorUnexpected();
                return null;
            }
        }
        var q = Cur;
        var optional = Accept(TokenKind.Question);
        if (optional && !inStructure) ErrorAt(q, "?var syntax is only allowed in structures");
        if (!IsDollarIdent)
        {
            ErrorUnexpected();
            return null;
        }
        var name = Advance();
        // Haxe's `Invalid accessor 'dynamic' for variable x`
        foreach (var t in modTokens ?? [])
            if (t.Kind is TokenKind.KwOverride or TokenKind.KwOverload or TokenKind.KwDynamic or TokenKind.KwMacro)
                ErrorAt(t, $"Invalid accessor '{TokenFacts.KeywordName(t.Kind)}' for variable {DollarIdentName(name)}");
        FieldKind kind;
        if (Kind == TokenKind.LParen)
        {
            Advance();
            var get = ParsePropertyAccessor();
            Expect(TokenKind.Comma, ",");
            var set = ParsePropertyAccessor();
            Expect(TokenKind.RParen, ")");
            var type = ParseOptionalTypeHint();
            var init = ParseVarFieldAssignment();
            kind = new PropertyField(get, set, type, init);
        }
        else
        {
            var type = ParseOptionalTypeHint();
            var init = ParseVarFieldAssignment();
            kind = new VarField(type, init, isFinal, optional);
        }
        return new FieldDecl(SpanFrom(start), DollarIdentName(name), SpanOf(name), mods, meta, doc, kind);
    }

    // `get`, `set`, `never`, `default`, `null`, `dynamic` or a method name.
    private string ParsePropertyAccessor()
    {
        if (Kind is TokenKind.Identifier or TokenKind.KwDefault or TokenKind.KwNull or TokenKind.KwDynamic) return Advance().Text!;
        ErrorUnexpected();
        return "";
    }

    // `= e;` or `;` after a variable field.
    private Expr? ParseVarFieldAssignment()
    {
        Expr? init = null;
        if (Accept(TokenKind.Eq)) init = ParseOperandExpr(_prevEnd);
        if (!_needSync) Semicolon();
        return init;
    }

    // after `function`: `name<T>(args):Ret body` or `;`
    private FieldDecl ParseMethod(string? doc, List<MetaEntry> meta, Modifiers mods, int start)
    {
        var fnStart = _prevEnd;
        string name;
        var nameSpan = ZeroSpanAtCur();
        if (IsDollarIdent || Kind == TokenKind.KwNew)
        {
            var t = Advance();
            name = t.Kind == TokenKind.KwNew ? "new" : DollarIdentName(t);
            nameSpan = SpanOf(t);
        }
        else
        {
            ErrorUnexpected();
            name = "";
        }
        var fn = ParseFunctionRest(fnStart - "function".Length, requireBody: false);
        return new FieldDecl(SpanFrom(start), name, nameSpan, mods, meta, doc, new MethodField(fn));
    }

    /// `@name(args) @:name ...` — arguments only when `(` directly follows the name, as in Haxe.
    private List<MetaEntry> ParseMetas()
    {
        if (Kind != TokenKind.Meta && Kind != TokenKind.At) return [];
        var list = new List<MetaEntry>();
        while (true)
        {
            if (Kind == TokenKind.Meta) list.Add(ParseMetaEntry());
            else if (Kind == TokenKind.At) SkipBareAt();
            else return list;
        }
    }

    // `@` not followed by a name: Haxe reports the token after it. An identifier there was meant as the
    // name (`@ meta`) and is skipped with the `@`; anything else is parsed on.
    private void SkipBareAt()
    {
        Advance();
        Report(SyntaxCodes.Unexpected, SpanOf(Cur), "Unexpected " + TokenFacts.Display(Cur));
        if (Kind == TokenKind.Identifier) Advance();
    }

    private MetaEntry ParseMetaEntry()
    {
        var t = Advance();
        if (Kind == TokenKind.LParen && Cur.Start == t.End)
        {
            Advance();
            var args = ParseCallArgs();
            return new MetaEntry(SpanFrom(t.Start), t.Text!, args);
        }
        return new MetaEntry(SpanOf(t), t.Text!, []);
    }
}
