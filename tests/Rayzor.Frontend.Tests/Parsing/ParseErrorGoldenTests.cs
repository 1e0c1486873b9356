using Rayzor.EndToEnd.Tests;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Tests.Parsing;

/// Malformed programs, `parse-errors/NAME.hx`, each with every diagnostic the parser reports for it (Haxe's
/// classic format, in source order) in `parse-errors/verified/NAME.txt`; RAYZOR_TEST_BLESS=1 rewrites them.
public class ParseErrorGoldenTests
{
    public static readonly string Folder = Path.Combine(FindRoot(), "tests", "Rayzor.Frontend.Tests", "parse-errors");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.hx").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DiagnosticsMatchTheSnapshot(string name)
    {
        var sources = new SourceManager();
        var file = sources.Add(name + ".hx", File.ReadAllBytes(Path.Combine(Folder, name + ".hx")));
        var bag = new DiagnosticBag();
        Parser.ParseModule(file, Defines.CreateDefault(), bag);
        Assert.NotEmpty(bag.Items);
        var text = string.Concat(bag.Items.Select(d => DiagnosticFormatter.Classic(d, sources) + "\n"));
        Snapshot.Match(Path.Combine(Folder, "verified", name + ".txt"), text);
    }

    [Fact]
    public void EveryKindOfSyntaxErrorHasCases() => Assert.True(Cases().Count >= 40, $"only {Cases().Count} cases");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rayzor.sln"))) return d.FullName;
        throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
    }
}
