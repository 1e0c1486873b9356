using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Tests.Parsing;

/// Helpers shared by the lexer, parser and conditional-compilation tests.
internal static class SyntaxTestUtil
{
    public static (ModuleSyntax Module, List<string> Diagnostics) ParseModule(string source, Defines? defines = null, string path = "Main.hx")
    {
        var sources = new SourceManager();
        var file = sources.AddText(path, source);
        var bag = new DiagnosticBag();
        var module = Parser.ParseModule(file, defines ?? Defines.CreateDefault(), bag);
        return (module, bag.Items.Select(d => DiagnosticFormatter.Classic(d, sources)).ToList());
    }

    /// Parses a module that must have no diagnostics.
    public static ModuleSyntax Module(string source, Defines? defines = null)
    {
        var (module, diags) = ParseModule(source, defines);
        Assert.Empty(diags);
        return module;
    }

    /// The classic-format diagnostics of a module.
    public static List<string> Diags(string source, Defines? defines = null) => ParseModule(source, defines).Diagnostics;

    public static (Expr Expr, List<string> Diagnostics) ParseExpr(string source, Defines? defines = null)
    {
        var sources = new SourceManager();
        var file = sources.AddText("Main.hx", source);
        var bag = new DiagnosticBag();
        var e = Parser.ParseExpression(file, defines ?? Defines.CreateDefault(), bag);
        return (e, bag.Items.Select(d => DiagnosticFormatter.Classic(d, sources)).ToList());
    }

    /// An expression printed as an S-expression; it must parse without diagnostics.
    public static string Expr(string source, Defines? defines = null)
    {
        var (e, diags) = ParseExpr(source, defines);
        Assert.Empty(diags);
        return SyntaxPrinter.Print(e);
    }

    /// The statements of `function f() { body }` in a class, printed.
    public static string Body(string body, Defines? defines = null)
    {
        var m = Module("class C { function f() {" + body + "} }", defines);
        var f = (MethodField)((ClassDecl)m.Types[0]).Fields[0].Kind;
        return SyntaxPrinter.Print(f.Function.Body);
    }

    /// The type of `var x:T;` printed.
    public static string Type(string type)
    {
        var m = Module("class C { var x:" + type + "; }");
        var v = (VarField)((ClassDecl)m.Types[0]).Fields[0].Kind;
        return SyntaxPrinter.Print(v.Type);
    }

    public static List<Token> Lex(string source, out List<string> diagnostics)
    {
        var sources = new SourceManager();
        var file = sources.AddText("Main.hx", source);
        var bag = new DiagnosticBag();
        var tokens = Lexer.Tokenize(file, bag);
        diagnostics = bag.Items.Select(d => DiagnosticFormatter.Classic(d, sources)).ToList();
        return tokens;
    }

    /// Tokens without diagnostics, EndOfFile dropped.
    public static List<Token> Lex(string source)
    {
        var tokens = Lex(source, out var diags);
        Assert.Empty(diags);
        return tokens.Take(tokens.Count - 1).ToList();
    }

    public static string Kinds(string source) => string.Join(" ", Lex(source).Select(t => t.Kind));
}
