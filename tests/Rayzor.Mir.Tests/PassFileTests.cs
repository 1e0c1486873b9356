using Rayzor.EndToEnd.Tests;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Passes;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

/// The pass file tests: each `passes/FOLDER/CASE.mir` (a MIR module; lines starting with `;` are
/// comments) is parsed, verified, run through the passes the folder names (`dce`,
/// `constprop+dce`: in that order; `O2`, `O3`: that level's pipeline) with the verifier after each,
/// printed, and compared with `passes/FOLDER/verified/CASE.mir` (RAYZOR_TEST_BLESS=1 rewrites it).
public class PassFileTests
{
    private static string Folder => Path.Combine(TextRoundTripTests.Root, "tests", "Rayzor.Mir.Tests", "passes");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.mir", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (Path.GetFileName(Path.GetDirectoryName(f)) != "verified") data.Add(Path.GetRelativePath(Folder, f));
        return data;
    }

    /// The passes a test folder names.
    private static IReadOnlyList<string> PassesOf(string folder) => folder switch
    {
        "O2" => PassRegistry.Pipeline(2),
        "O3" => PassRegistry.Pipeline(3),
        _ => folder.Split('+'),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void PassOutputMatchesVerified(string name)
    {
        var path = Path.Combine(Folder, name);
        var dir = Path.GetDirectoryName(path)!;
        // comments become blank lines, so parse errors keep their line numbers
        var text = string.Join('\n', File.ReadAllLines(path).Select(l => l.TrimStart().StartsWith(';') ? "" : l)) + "\n";
        var m = MirParser.ParseModule(text);
        Assert.Empty(Verifier.Verify(m));
        new PassManager { VerifyEach = true }.Run(m, PassRegistry.CreateAll(PassesOf(Path.GetFileName(dir))));
        Snapshot.Match(Path.Combine(dir, "verified", Path.GetFileName(path)), MirPrinter.Print(m));
    }

    /// Every pass is exercised by at least one folder of tests.
    [Fact]
    public void EveryPassHasTests()
    {
        var tested = Directory.GetDirectories(Folder).SelectMany(d => Path.GetFileName(d).Split('+')).ToHashSet();
        Assert.All(PassRegistry.Names, n => Assert.Contains(n, tested));
    }
}
