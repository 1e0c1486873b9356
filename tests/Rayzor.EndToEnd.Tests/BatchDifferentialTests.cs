using Rayzor.Fuzz.Diff;
using Xunit.Abstractions;

namespace Rayzor.EndToEnd.Tests;

/// The batched differential run (toolchain/fuzz --diff --batch B) must find a wrong program among correct
/// ones and blame that one alone: planted programs that differ between Rayzor and Haxe, throw only under
/// Rayzor, exit in the middle of the batch (cutting off the programs after it) or do not compile under
/// Rayzor sit between generated programs; each must be reported once, by its own index, as what it is
/// when checked alone, and no generated program may be reported.
public class BatchDifferentialTests(ITestOutputHelper output)
{
    private const int Seed = 20261208;

    private static string Planted(string body) =>
        "class Main {\n  public static function main() {\n    Sys.println(\"before\");\n" + body + "\n    Sys.println(\"after\");\n  }\n}\n";

    [Fact]
    public void PlantedDifferencesAreFoundAndBlamedOnTheirProgram()
    {
        var haxe = DiffCampaign.FindHaxe();
        var programs = new List<BatchProgram>
        {
            new(0, DiffCampaign.Program(Seed, 0)),
            // an uncaught exception under Rayzor only: the driver's try/catch keeps the batch going
            new(1, Planted("    #if rayzor throw \"planted\"; #end")),
            new(2, DiffCampaign.Program(Seed, 2)),
            // exits in the middle of the batch under Rayzor: programs 4 and 5 are cut off and must be run again
            new(3, Planted("    #if rayzor Sys.exit(3); #end")),
            new(4, DiffCampaign.Program(Seed, 4)),
            // does not compile under Rayzor: the batch is built again without it
            new(5, Planted("    #if rayzor var s:Int = \"planted\"; #end")),
            new(6, DiffCampaign.Program(Seed, 6)),
        };
        // prints differently (each of Rayzor's three agree; only Haxe can tell)
        if (haxe != null) programs.Add(new(7, Planted("    #if rayzor Sys.println(\"rayzor\"); #else Sys.println(\"haxe\"); #end")));
        programs.Add(new(8, DiffCampaign.Program(Seed, 8)));

        var runner = new BatchRunner(Repo.Compiler, haxe, TimeSpan.FromSeconds(120));
        var root = Directory.CreateTempSubdirectory("rayzor-batch-").FullName;
        try
        {
            var findings = runner.Check(programs, Path.Combine(root, "batch"), i => Path.Combine(root, "alone-" + i));
            foreach (var f in findings) output.WriteLine($"#{f.Index} {f.Mismatch.Kind}: {f.Mismatch.Detail.Split('\n')[0]}");
            var expected = new Dictionary<long, string> { [1] = "failed", [3] = "failed", [5] = "build-failed" };
            if (haxe != null) expected[7] = "output";
            Assert.Equal(expected.OrderBy(p => p.Key), findings.Select(f => KeyValuePair.Create(f.Index, f.Mismatch.Kind)).OrderBy(p => p.Key));
            // what is reported is the program alone, which reproduces it
            foreach (var f in findings)
            {
                Assert.Equal(Path.Combine(root, "alone-" + f.Index), f.Dir);
                Assert.Equal(programs.Single(p => p.Index == f.Index).Source, File.ReadAllText(Path.Combine(f.Dir, "Main.hx")));
                Assert.True(File.Exists(Path.Combine(f.Dir, "report.txt")));
            }
            Assert.False(Directory.Exists(Path.Combine(root, "batch")), "a batch whose findings all reproduce alone is not kept");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
