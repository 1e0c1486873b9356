using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;

namespace Rayzor.Frontend.Parsing;

// The module level: package, import/using, and type declarations (class, interface, enum, typedef,
// abstract, enum abstract) plus module-level functions and variables (Haxe 4.2).
public sealed partial class Parser
{
    private ModuleSyntax ParseModuleBody()
    {
        var package = new List<string>();
        var imports = new List<ImportDecl>();
        var usings = new List<UsingDecl>();
        var types = new List<TypeDecl>();
        var fields = new List<FieldDecl>();
        if (Kind == TokenKind.KwPackage) ParsePackage(package);
        while (Kind != TokenKind.EndOfFile)
        {
            var before = _index;
            _needSync = false;
            switch (Kind)
            {
                case TokenKind.KwImport:
                    if (ParseImport() is { } imp) imports.Add(imp);
                    break;
                case TokenKind.KwUsing:
                    if (ParseUsing() is { } u) usings.Add(u);
                    break;
                default:
                    ParseDeclaration(types, fields);
                    break;
            }
            if (_tooDeep) RecoverFromTooDeep(before);
            if (_needSync) SyncTopLevel();
            if (_index == before) Advance();
        }
        return new ModuleSyntax(new(_fileId, 0, _file.Bytes.Length), package, imports, usings, types, fields);
    }

    private void ParsePackage(List<string> package)
    {
        Advance();
        while (Kind is TokenKind.Identifier or TokenKind.KwMacro or TokenKind.KwExtern or TokenKind.KwFunction)
        {
            var t = Advance();
            if (t.Kind == TokenKind.Identifier && !IsLowerIdent(t.Text!))
                ErrorAt(t, "Package name must start with a lowercase character");
            package.Add(t.Text!);
            if (!Accept(TokenKind.Dot)) break;
        }
        Semicolon();
        if (_needSync) SyncTopLevel();
    }

    // After an error at the module level: skip to the next declaration keyword, or the next line, outside braces.
    private void SyncTopLevel()
    {
        _needSync = false;
        var depth = 0;
        var start = _index;
        while (Kind != TokenKind.EndOfFile)
        {
            if (depth == 0 && _index > start && NewlineBeforeCur()) return;
            if (depth == 0 && Kind is TokenKind.KwClass or TokenKind.KwInterface or TokenKind.KwEnum
                    or TokenKind.KwTypedef or TokenKind.KwAbstract or TokenKind.KwImport or TokenKind.KwUsing
                    or TokenKind.KwExtern or TokenKind.KwPrivate or TokenKind.Meta)
                return;
            if (Kind == TokenKind.LBrace) depth++;
            else if (Kind == TokenKind.RBrace && depth > 0) depth--;
            Advance();
        }
    }

    private ImportDecl? ParseImport()
    {
        var kw = Advance();
        if (Kind != TokenKind.Identifier)
        {
            ErrorExpected("identifier");
            return null;
        }
        var path = new List<string> { Advance().Text! };
        var wildcard = false;
        string? alias = null;
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                if (Kind is TokenKind.Identifier or TokenKind.KwMacro or TokenKind.KwExtern or TokenKind.KwFunction)
                {
                    path.Add(Advance().Text!);
                    continue;
                }
                if (Accept(TokenKind.Star))
                {
                    wildcard = true;
                    break;
                }
                ErrorExpected("identifier");
                return new ImportDecl(SpanFrom(kw.Start), path, false, null);
            }
            if (Kind == TokenKind.KwIn || (Kind == TokenKind.Identifier && Cur.Text == "as"))
            {
                Advance();
                if (Kind != TokenKind.Identifier)
                {
                    ErrorExpected("identifier");
                    return new ImportDecl(SpanFrom(kw.Start), path, false, null);
                }
                alias = Advance().Text;
            }
            break;
        }
        if (!Accept(TokenKind.Semicolon)) ErrorExpected(wildcard || alias != null ? ";" : ". or ; or as");
        return new ImportDecl(SpanFrom(kw.Start), path, wildcard, alias);
    }

    private UsingDecl? ParseUsing()
    {
        var kw = Advance();
        if (Kind != TokenKind.Identifier)
        {
            ErrorExpected("identifier");
            return null;
        }
        var path = new List<string> { Advance().Text! };
        while (Accept(TokenKind.Dot))
        {
            if (Kind is TokenKind.Identifier or TokenKind.KwMacro or TokenKind.KwExtern or TokenKind.KwFunction)
            {
                path.Add(Advance().Text!);
                continue;
            }
            ErrorExpected("identifier");
            return new UsingDecl(SpanFrom(kw.Start), path);
        }
        if (!Accept(TokenKind.Semicolon)) ErrorExpected(". or ;");
        return new UsingDecl(SpanFrom(kw.Start), path);
    }

    private static Modifiers ModifierOf(TokenKind k) => k switch
    {
        TokenKind.KwPublic => Modifiers.Public,
        TokenKind.KwPrivate => Modifiers.Private,
        TokenKind.KwStatic => Modifiers.Static,
        TokenKind.KwInline => Modifiers.Inline,
        TokenKind.KwOverride => Modifiers.Override,
        TokenKind.KwFinal => Modifiers.Final,
        TokenKind.KwExtern => Modifiers.Extern,
        TokenKind.KwDynamic => Modifiers.Dynamic,
        TokenKind.KwMacro => Modifiers.Macro,
        TokenKind.KwOverload => Modifiers.Overload,
        TokenKind.KwAbstract => Modifiers.Abstract,
        _ => Modifiers.None,
    };

    // Haxe's parse_common_flags (type level): private extern final macro dynamic inline public static overload.
    private Modifiers ParseCommonFlags(ref int start, List<Token> tokens)
    {
        var mods = Modifiers.None;
        while (Kind is TokenKind.KwPrivate or TokenKind.KwExtern or TokenKind.KwFinal or TokenKind.KwMacro
               or TokenKind.KwDynamic or TokenKind.KwInline or TokenKind.KwPublic or TokenKind.KwStatic or TokenKind.KwOverload)
        {
            if (start < 0) start = Cur.Start;
            tokens.Add(Cur);
            mods |= ModifierOf(Advance().Kind);
        }
        return mods;
    }

    private const Modifiers TypeModifiers = Modifiers.Private | Modifiers.Extern;
    private const Modifiers ModuleFieldModifiers = Modifiers.Private | Modifiers.Extern | Modifiers.Final | Modifiers.Inline
        | Modifiers.Dynamic | Modifiers.Macro | Modifiers.Overload;

    // Haxe's `static modifier is not supported for classes` and the like, for each modifier `what` does not take.
    private void CheckModifiers(List<Token> tokens, Modifiers allowed, string what)
    {
        foreach (var t in tokens)
            if ((ModifierOf(t.Kind) & allowed) == 0) ErrorAt(t, $"{TokenFacts.KeywordName(t.Kind)} modifier is not supported for {what}");
    }

    // Field modifiers: one of each, and `public` excludes `private` (Haxe's messages).
    private void CheckFieldModifier(Modifiers mods, in Token t)
    {
        var m = ModifierOf(t.Kind);
        var name = TokenFacts.KeywordName(t.Kind);
        if ((mods & m) != 0) ErrorAt(t, $"Duplicate access modifier {name}");
        else if ((m == Modifiers.Public && (mods & Modifiers.Private) != 0) || (m == Modifiers.Private && (mods & Modifiers.Public) != 0))
            ErrorAt(t, $"Conflicting access modifier {name}");
    }

    private void ParseDeclaration(List<TypeDecl> types, List<FieldDecl> fields)
    {
        var doc = Cur.Doc;
        var meta = ParseMetas();
        var start = -1;
        var modTokens = new List<Token>();
        var mods = ParseCommonFlags(ref start, modTokens);
        if (start < 0) start = Cur.Start;
        switch (Kind)
        {
            case TokenKind.KwClass:
                CheckModifiers(modTokens, TypeModifiers | Modifiers.Final, "classes");
                types.Add(ParseClass(doc, meta, mods, start, nameOptional: false));
                return;
            case TokenKind.KwInterface:
                CheckModifiers(modTokens, TypeModifiers | Modifiers.Final, "interfaces");
                types.Add(ParseClass(doc, meta, mods, start, nameOptional: false));
                return;
            case TokenKind.KwEnum:
                Advance();
                if (Accept(TokenKind.KwAbstract))
                {
                    CheckModifiers(modTokens, TypeModifiers, "abstracts");
                    types.Add(ParseAbstract(doc, meta, mods, start, isEnum: true));
                }
                else
                {
                    CheckModifiers(modTokens, TypeModifiers, "enums");
                    types.Add(ParseEnum(doc, meta, mods, start));
                }
                return;
            case TokenKind.KwTypedef:
                CheckModifiers(modTokens, TypeModifiers, "typedefs");
                types.Add(ParseTypedef(doc, meta, mods, start));
                return;
            case TokenKind.KwAbstract:
                Advance();
                if (IsDollarIdent)
                {
                    CheckModifiers(modTokens, TypeModifiers, "abstracts");
                    types.Add(ParseAbstract(doc, meta, mods, start, isEnum: false));
                    return;
                }
                mods |= Modifiers.Abstract | ParseCommonFlags(ref start, modTokens);
                if (Kind is TokenKind.KwClass or TokenKind.KwInterface)
                {
                    CheckModifiers(modTokens, TypeModifiers | Modifiers.Final, Kind == TokenKind.KwClass ? "classes" : "interfaces");
                    if (Kind == TokenKind.KwInterface) ErrorAt(Cur, "An interface may not be abstract");
                    types.Add(ParseClass(doc, meta, mods, start, nameOptional: false));
                    return;
                }
                ErrorUnexpected();
                return;
            case TokenKind.KwFunction or TokenKind.KwVar:
            {
                CheckModifiers(modTokens, ModuleFieldModifiers, "module-level fields");
                var f = ParseFieldAfterModifiers(doc, meta, mods, start, inStructure: false, modTokens);
                if (f != null) fields.Add(f);
                return;
            }
        }
        if ((mods & Modifiers.Final) != 0 && IsDollarIdent)
        {
            // module-level `final x = e;`
            CheckModifiers(modTokens, ModuleFieldModifiers, "module-level fields");
            var name = Advance();
            var type = ParseOptionalTypeHint();
            var init = ParseVarFieldAssignment();
            fields.Add(new FieldDecl(SpanFrom(start), DollarIdentName(name), SpanOf(name), mods, meta, doc, new VarField(type, init, true)));
            return;
        }
        ErrorUnexpected();
    }
}
