namespace Rayzor.EndToEnd.Tests;

/// The MIR optimizer's correctness check: every program the interpreter passes (the conformance
/// programs of tests/conformance/interp-passing.txt, the e2e programs of tests/e2e/interp-passing.txt)
/// runs under `rayzor run --interp` at -O0 (no MIR passes) and at -O3 (every pass, the verifier
/// after each: --verify-mir); stdout and the exit code must be the same.
public class OptimizerDifferentialTests
{
    private static string Conformance => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "conformance"));

    public static TheoryData<string> ConformancePrograms() => InterpTests.ConformancePrograms();

    public static TheoryData<string> E2EPrograms() => InterpTests.E2EPrograms();

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgram(string name) => Compare(Path.Combine(Conformance, name), ["Main.hx"]);

    [Theory]
    [MemberData(nameof(E2EPrograms))]
    public Task E2EProgram(string name) => Compare(Path.Combine(Repo.Root, "tests", "e2e", "programs"), [name + ".hx", "-m", name]);

    private static async Task Compare(string dir, string[] program)
    {
        Assert.True(Directory.Exists(dir), $"missing {dir}");
        var o0 = await Repo.Run(Repo.Compiler, ["run", "--interp", "-O0", .. program], dir);
        var o3 = await Repo.Run(Repo.Compiler, ["run", "--interp", "-O3", "--verify-mir", .. program], dir);
        Assert.DoesNotContain("internal error", o3.StandardError);
        Assert.True(o0.StandardOutput == o3.StandardOutput, $"stdout differs:\n-O0:\n{o0.StandardOutput}\n-O3:\n{o3.StandardOutput}\n-O3 stderr:\n{o3.StandardError}");
        Assert.Equal(o0.ExitCode, o3.ExitCode);
    }
}
