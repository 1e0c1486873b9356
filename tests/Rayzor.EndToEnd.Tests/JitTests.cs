namespace Rayzor.EndToEnd.Tests;

/// `rayzor run --tier max`: the whole program JIT-compiled in the compiler's process must print what
/// its native executable prints — every conformance program listed in tests/conformance/passing.txt
/// (also with the collector running very often, which finds JIT globals Boehm would not scan) and
/// every e2e program (verified stdout and exit code).
public class JitTests
{
    public static TheoryData<string> ConformancePrograms() => RunChecks.Listed("conformance/passing.txt");

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgram(string name) => RunChecks.Conformance(name, ["--tier", "max"]);

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgramUnderGcStress(string name) =>
        RunChecks.Conformance(name, ["--tier", "max"], ("RAYZOR_GC_STRESS", "1"));

    public static TheoryData<string> E2EPrograms() => RunChecks.AllE2E("e2e/jit-skip.txt");

    [Theory]
    [MemberData(nameof(E2EPrograms))]
    public Task E2EProgram(string name) => RunChecks.E2E(name, ["--tier", "max"]);

    /// Runaway recursion throws a catchable "Stack overflow" (the JIT's stack check), never a SIGSEGV.
    [Fact]
    public async Task StackOverflowIsACatchableException()
    {
        var dir = Path.Combine(Repo.Root, "tests", "e2e", "faults");
        var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "max", "-m", "StackOverflow", "StackOverflow.hx"], dir);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "verified", "StackOverflow.stdout")), run.StandardOutput);
        Assert.StartsWith("Uncaught exception: Stack overflow\n", run.StandardError);
        Assert.Equal(1, run.ExitCode);
    }

    /// Program arguments reach Sys.args(), and --stats reports each stage on stderr.
    [Fact]
    public async Task ArgumentsAndStats()
    {
        var dir = Directory.CreateTempSubdirectory("rayzor-jit-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Main.hx"), "class Main { static function main() { Sys.println(Sys.args().join(\"|\")); } }\n");
            var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "max", "--stats", "Main.hx", "a b", "c"], dir);
            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Equal("a b|c\n", run.StandardOutput);
            Assert.Contains("tier max:", run.StandardError);
            Assert.Contains("codegen+link", run.StandardError);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
