using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;
using Xunit.Abstractions;

namespace Rayzor.Frontend.Tests.Parsing;

/// Parses the whole official Haxe standard library and the conformance/benchmark programs.
public class CorpusTests(ITestOutputHelper output)
{
    private const string StdPath = "/usr/share/haxe/std";

    // Files that stop a build with `#error` by design when parsed outside their context: the root Std.hx
    // (without `core_api`), sys/thread/* (without `target.threaded`), cppia's Host, hxcs's Pointer.
    private static readonly string[] ContextDefines = ["core_api", "target.threaded", "scriptable", "unsafe"];

    private static List<SourceFile> Load(SourceManager sources, string root, string pattern) =>
        Directory.GetFiles(root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => sources.Add(f, File.ReadAllBytes(f))).ToList();

    private static (List<Diagnostic> Diagnostics, long Ms) ParseAll(List<SourceFile> files, Func<Defines> defines)
    {
        var bag = new DiagnosticBag();
        var sw = Stopwatch.StartNew();
        foreach (var f in files) Parser.ParseModule(f, defines(), bag);
        return (bag.Items.ToList(), sw.ElapsedMilliseconds);
    }

    private static Defines DefaultsWith(params string[] extra)
    {
        var d = Defines.CreateDefault();
        foreach (var x in ContextDefines.Concat(extra)) d.DefineArgument(x);
        return d;
    }

    [Fact]
    public void WholeStandardLibraryParsesWithoutDiagnostics()
    {
        if (!Directory.Exists(StdPath))
        {
            output.WriteLine($"{StdPath} not found; skipped");
            return;
        }
        var sources = new SourceManager();
        var files = Load(sources, StdPath, "*.hx");
        var bytes = files.Sum(f => (long)f.Bytes.Length);
        ParseAll(files, () => DefaultsWith()); // warm-up (JIT)
        var (diags, ms) = ParseAll(files, () => DefaultsWith());
        output.WriteLine($"std: {files.Count} files, {bytes / 1e6:F2} MB, {ms} ms, {diags.Count} diagnostics");
        Assert.True(files.Count > 800, $"only {files.Count} files under {StdPath}");
        Assert.Empty(diags.Select(d => DiagnosticFormatter.Classic(d, sources)));

        // with only Rayzor's default defines, the sole diagnostics are those `#error` directives
        var (plain, _) = ParseAll(files, Defines.CreateDefault);
        output.WriteLine($"std with default defines only: {plain.Count} #error directives fire");
        Assert.All(plain, d => Assert.Equal(SyntaxCodes.UserError, d.Code));
    }

    // Each target's `#if` branches of the std parse too.
    [Theory]
    [InlineData("js", "target.name=js")]
    [InlineData("cpp", "target.name=cpp")]
    [InlineData("hl", "target.name=hl")]
    [InlineData("java", "jvm")]
    [InlineData("cs", "target.name=cs")]
    [InlineData("python", "target.name=python")]
    [InlineData("lua", "target.name=lua")]
    [InlineData("php", "target.name=php")]
    [InlineData("neko", "target.name=neko")]
    [InlineData("flash", "target.name=flash")]
    [InlineData("eval", "interp")]
    [InlineData("macro", "display")]
    public void StandardLibraryParsesForOtherTargetsToo(string target, string extra)
    {
        if (!Directory.Exists(StdPath)) return;
        var sources = new SourceManager();
        var files = Load(sources, StdPath, "*.hx");
        var (diags, ms) = ParseAll(files, () => DefaultsWith(target, extra));
        output.WriteLine($"std with -D {target}: {files.Count} files, {ms} ms");
        Assert.Empty(diags.Select(d => DiagnosticFormatter.Classic(d, sources)));
    }

    [Theory]
    [InlineData("/work/shared/conformance")]
    [InlineData("/work/shared/bench/haxe")]
    public void ConformanceAndBenchmarkProgramsParse(string root)
    {
        if (!Directory.Exists(root))
        {
            output.WriteLine($"{root} not found; skipped");
            return;
        }
        var sources = new SourceManager();
        var files = Load(sources, root, "Main.hx");
        var (diags, ms) = ParseAll(files, Defines.CreateDefault);
        output.WriteLine($"{root}: {files.Count} Main.hx files, {ms} ms");
        Assert.NotEmpty(files);
        Assert.Empty(diags.Select(d => DiagnosticFormatter.Classic(d, sources)));
    }
}
