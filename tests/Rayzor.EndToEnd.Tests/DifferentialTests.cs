using Rayzor.Fuzz.Diff;
using Xunit.Abstractions;

namespace Rayzor.EndToEnd.Tests;

/// Differential testing, a bounded run: generated programs (tests/Rayzor.Fuzz/Diff) must print the same
/// with the interpreter, as native -O0 and -O3 executables and with `haxe --interp` when it is installed.
/// `toolchain/fuzz --diff --count N --seed S` runs as many as wanted; a mismatch found there becomes a
/// small program in tests/e2e/programs.
public class DifferentialTests(ITestOutputHelper output)
{
    private const int Seed = 20261207;
    private const int Count = 16;

    [Fact]
    public void GeneratedProgramsAgree()
    {
        var haxe = DiffCampaign.FindHaxe();
        var runner = new DiffRunner(Repo.Compiler, haxe, TimeSpan.FromSeconds(60));
        var root = Directory.CreateTempSubdirectory("rayzor-diff-").FullName;
        var failures = new List<string>();
        try
        {
            for (var i = 0; i < Count; i++)
            {
                var dir = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (runner.Check(DiffCampaign.Program(Seed, i), dir) is { } m)
                    failures.Add($"seed {Seed} #{i} (toolchain/fuzz --diff --seed {Seed} --from {i} --count 1 --keep):\n{DiffRunner.Report(m)}");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        output.WriteLine($"{Count} programs, {(haxe != null ? "with" : "without")} haxe, {failures.Count} mismatches");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
