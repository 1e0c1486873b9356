using System.Runtime.CompilerServices;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Passes;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests.Passes;

/// Each `Passes/PASS/NAME.mir` is a module in the text form; the pass PASS (PassRegistry) runs
/// over it, the result must verify and print as `Passes/PASS/NAME.after.mir`
/// (RAYZOR_TEST_BLESS=1 rewrites that file; review the diff).
public class PassFileTests
{
    private static string Folder([CallerFilePath] string self = "") => Path.GetDirectoryName(self)!;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var dir in Directory.GetDirectories(Folder()).Order())
            foreach (var f in Directory.GetFiles(dir, "*.mir").Where(f => !f.EndsWith(".after.mir", StringComparison.Ordinal)).Order())
                data.Add(Path.GetFileName(dir), Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PassGivesTheExpectedMir(string pass, string name)
    {
        var dir = Path.Combine(Folder(), pass);
        var module = MirParser.ParseModule(File.ReadAllText(Path.Combine(dir, name + ".mir")));
        Assert.Empty(Verifier.Verify(module));
        var p = PassRegistry.Create(pass);
        Assert.NotNull(p);
        p.Run(module);
        Assert.Empty(Verifier.Verify(module));
        var actual = MirPrinter.Print(module);
        var expectedFile = Path.Combine(dir, name + ".after.mir");
        if (Environment.GetEnvironmentVariable("RAYZOR_TEST_BLESS") == "1")
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"missing {expectedFile} (run with RAYZOR_TEST_BLESS=1 to create it)");
        Assert.Equal(File.ReadAllText(expectedFile), actual);
        // the result reads back as itself
        Assert.Equal(actual, MirPrinter.Print(MirParser.ParseModule(actual)));
    }
}
