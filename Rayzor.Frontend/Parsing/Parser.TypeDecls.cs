using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Parsing;

// class / interface, enum, typedef and abstract declarations.
public sealed partial class Parser
{
    // A declared type's name: an upper-case identifier (or `$name` in reification).
    private (string Name, TextSpan Span) ParseTypeName(bool optional)
    {
        if (IsDollarIdent)
        {
            var t = Advance();
            if (t.Kind == TokenKind.Identifier && IsLowerIdent(t.Text!))
                ErrorAt(t, "Type name should start with an uppercase letter");
            return (DollarIdentName(t), SpanOf(t));
        }
        if (!optional) ErrorUnexpected();
        return ("", ZeroSpanAtCur());
    }

    internal ClassDecl ParseClass(string? doc, List<MetaEntry> meta, Modifiers mods, int start, bool nameOptional)
    {
        var isInterface = Advance().Kind == TokenKind.KwInterface;
        var (name, nameSpan) = ParseTypeName(nameOptional);
        var typeParams = ParseTypeParamDecls();
        var extends = new List<TypeHint>();
        var implements = new List<TypeHint>();
        var last = TokenKind.KwExtends;
        while (true)
        {
            if (Kind is TokenKind.KwExtends or TokenKind.KwImplements)
            {
                last = Advance().Kind;
                (last == TokenKind.KwExtends ? extends : implements).Add(ParseTypePath());
            }
            else if (Kind == TokenKind.Comma && (extends.Count + implements.Count) > 0)
            {
                // lenient: `interface I extends A, B`
                Advance();
                (last == TokenKind.KwExtends ? extends : implements).Add(ParseTypePath());
            }
            else break;
        }
        List<FieldDecl> fields;
        if (Accept(TokenKind.LBrace)) fields = ParseClassFields(inStructure: false);
        else
        {
            ErrorExpected("extends or implements or {");
            fields = [];
        }
        return new ClassDecl(SpanFrom(start), name, nameSpan, typeParams, mods, meta, doc, isInterface, extends, implements, fields);
    }

    // after `enum`
    private EnumDecl ParseEnum(string? doc, List<MetaEntry> meta, Modifiers mods, int start)
    {
        var (name, nameSpan) = ParseTypeName(optional: false);
        var typeParams = ParseTypeParamDecls();
        var ctors = new List<EnumCtorDecl>();
        if (!Expect(TokenKind.LBrace, "{"))
            return new EnumDecl(SpanFrom(start), name, nameSpan, typeParams, mods, meta, doc, ctors);
        while (Kind != TokenKind.RBrace && Kind != TokenKind.EndOfFile)
        {
            var before = _index;
            _needSync = false;
            var c = ParseEnumCtor();
            if (c != null) ctors.Add(c);
            if (_tooDeep) RecoverFromTooDeep(before);
            if (_needSync) SyncStatement();
            if (_index == before) Advance();
        }
        Expect(TokenKind.RBrace, "}");
        return new EnumDecl(SpanFrom(start), name, nameSpan, typeParams, mods, meta, doc, ctors);
    }

    private EnumCtorDecl? ParseEnumCtor()
    {
        var start = Cur.Start;
        var doc = Cur.Doc;
        var meta = ParseMetas();
        if (!IsDollarIdent)
        {
            ErrorUnexpected();
            return null;
        }
        var name = Advance();
        var typeParams = ParseTypeParamDecls();
        List<ParamDecl>? args = null;
        if (Accept(TokenKind.LParen)) args = ParseParamList(TokenKind.RParen);
        var type = ParseOptionalTypeHint();
        if (!_needSync) Semicolon();
        return new EnumCtorDecl(SpanFrom(start), DollarIdentName(name), typeParams, args, type, meta, doc);
    }

    private TypedefDecl ParseTypedef(string? doc, List<MetaEntry> meta, Modifiers mods, int start)
    {
        Advance();
        var (name, nameSpan) = ParseTypeName(optional: false);
        var typeParams = ParseTypeParamDecls();
        TypeHint type;
        if (Accept(TokenKind.Eq)) type = ParseType();
        else
        {
            ErrorUnexpected();
            type = new ErrorTypeHint(ZeroSpanAtCur());
        }
        Accept(TokenKind.Semicolon);
        return new TypedefDecl(SpanFrom(start), name, nameSpan, typeParams, mods, meta, doc, type);
    }

    // after `abstract` (or `enum abstract`): `Name<T>(Underlying) from A to B { fields }`
    private AbstractDecl ParseAbstract(string? doc, List<MetaEntry> meta, Modifiers mods, int start, bool isEnum)
    {
        var (name, nameSpan) = ParseTypeName(optional: false);
        var typeParams = ParseTypeParamDecls();
        TypeHint? underlying = null;
        if (Accept(TokenKind.LParen))
        {
            underlying = ParseType();
            Expect(TokenKind.RParen, ")");
        }
        var from = new List<TypeHint>();
        var to = new List<TypeHint>();
        while (Kind == TokenKind.Identifier && Cur.Text is "from" or "to")
        {
            var isFrom = Advance().Text == "from";
            (isFrom ? from : to).Add(ParseType());
        }
        List<FieldDecl> fields;
        if (Accept(TokenKind.LBrace)) fields = ParseClassFields(inStructure: false);
        else
        {
            ErrorExpected("{ or to or from");
            fields = [];
        }
        return new AbstractDecl(SpanFrom(start), name, nameSpan, typeParams, mods, meta, doc, isEnum, underlying, from, to, fields);
    }
}
