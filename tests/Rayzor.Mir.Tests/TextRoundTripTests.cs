using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Lowering;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

/// print → parse → print is the identity on every function the lowering makes from the
/// conformance programs and the e2e programs, and the verifier accepts the parsed module.
public class TextRoundTripTests
{
    internal static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rayzor.sln"))) return d.FullName;
        throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        var conformance = Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));
        if (Directory.Exists(conformance))
            foreach (var d in Directory.GetDirectories(conformance).Order())
                if (File.Exists(Path.Combine(d, "Main.hx"))) data.Add(Path.Combine(d, "Main.hx"));
        foreach (var f in Directory.GetFiles(Path.Combine(Root, "tests", "e2e", "programs"), "*.hx").Order())
            data.Add(f);
        return data;
    }

    /// Types and lowers a program; null when it does not compile (not every conformance program does yet).
    internal static MirModule? Lower(string mainFile)
    {
        var diags = new DiagnosticBag();
        var cps = new List<string> { Path.GetDirectoryName(mainFile)!, Path.Combine(Root, "Rayzor.Runtime", "haxe", "_std") };
        if (ModuleLoader.FindHaxeStd() is { } std) cps.Add(std);
        var loader = new ModuleLoader(new SourceManager(), diags, Defines.CreateDefault(), cps);
        var program = new Typer(loader).TypeProgram(Path.GetFileNameWithoutExtension(mainFile), TextSpan.None);
        if (diags.HasErrors || program == null) return null;
        var mir = new Lowerer(program, diags).Lower();
        return diags.HasErrors ? null : mir;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void PrintParsePrintIsIdentical(string mainFile)
    {
        var mir = Lower(mainFile);
        if (mir == null) return; // does not compile yet: nothing to print
        var text = MirPrinter.Print(mir);
        var parsed = MirParser.ParseModule(text);
        Assert.Equal(text, MirPrinter.Print(parsed));
        Assert.Equal(mir.Functions.Count, parsed.Functions.Count);
        foreach (var f in mir.Functions)
        {
            var one = MirPrinter.Print(f);
            Assert.Equal(one, MirPrinter.Print(MirParser.ParseFunction(one)));
        }
        Assert.Empty(Verifier.Verify(parsed));
    }

    [Theory]
    [InlineData("func @f() -> i32 {\nbb0:\n  %0 = iconst.i32 1\n  ret %1\n}\n", 4, 7, "%1 is not defined in @f")]
    [InlineData("func @f() -> i32 {\nbb0:\n  %0 = iadd.i32 1\n}\n", 3, 17, "expected a value (%N) or a block (bbN)")]
    [InlineData("func @f() -> i32 {\nbb0:\n  %0 = frob.i32\n}\n", 3, 8, "unknown opcode 'frob'")]
    [InlineData("func @f() -> i32 {\nbb0:\n  br bb3\n}\n", 3, 6, "bb3 does not exist in @f")]
    [InlineData("func @f() -> i32 {\nbb0:\n  %0 = iconst.i32 1\n  ret %0\n", 5, 1, "missing '}' at the end of the function")]
    [InlineData("func @f() -> i33 {\n", 1, 14, "unknown type 'i33' (void, bool, i32, i64, f64 or ptr)")]
    [InlineData("func @f() -> void {\nbb0:\n  %0 = call.void @g\n  ret\n}\n", 3, 3, "call.void produces no value")]
    [InlineData("func @f() -> void {\nbb0:\n  brif %0, bb0\n}\n", 3, 3, "brif takes 2 target blocks, has 1")]
    public void MalformedTextIsReportedWithLineAndColumn(string text, int line, int col, string message)
    {
        var e = Assert.Throws<MirParseException>(() => MirParser.ParseFunction(text));
        Assert.Equal($"{line}:{col}: {message}", e.Message);
    }

    [Fact]
    public void ModuleHeadersRoundTrip()
    {
        const string text = "string $0 = \"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\"\nglobal @Main.x : i32\nnative @rz_println(ptr) -> void\n\n"
            + "func @f(f64, bool) -> f64 {\nbb0(%0: f64, %1: bool):\n  %2 = fconst.f64 -1E+300\n  %4 = fconst.f64 NaN\n  brif %1, bb1(%2), bb1(%0)\n"
            + "bb1(%3: f64):\n  %5 = str.ptr $0\n  callnative.void @rz_println, %5\n  ret %3\n}\n";
        var m = MirParser.ParseModule(text);
        Assert.Equal(text, MirPrinter.Print(m));
        Assert.Equal("a\"b\\c\n\u00e9\U0001F600", m.Strings[0]);
        Assert.Empty(Verifier.Verify(m));
    }
}
