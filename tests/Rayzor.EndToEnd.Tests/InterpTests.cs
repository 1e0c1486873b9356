namespace Rayzor.EndToEnd.Tests;

/// `rayzor run --interp`: the MIR interpreter must print what native executables print — every
/// conformance program listed in tests/conformance/interp-passing.txt (its expected.txt) and every
/// e2e program listed in tests/e2e/interp-passing.txt (its verified stdout and exit code).
public class InterpTests
{
    private static string Conformance => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "conformance"));

    public static TheoryData<string> ConformancePrograms()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Repo.Root, "tests", "conformance", "interp-passing.txt")))
            if (line.Length > 0 && !line.StartsWith('#')) data.Add(line.Trim());
        return data;
    }

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public async Task ConformanceProgram(string name)
    {
        var dir = Path.Combine(Conformance, name);
        Assert.True(Directory.Exists(dir), $"missing conformance test {dir}");
        var run = await Repo.Run(Repo.Compiler, ["run", "--interp", "Main.hx"], dir);
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardError}");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected.txt")), run.StandardOutput);
    }

    /// The e2e programs listed in tests/e2e/interp-passing.txt.
    public static TheoryData<string> E2EPrograms()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Repo.Root, "tests", "e2e", "interp-passing.txt")))
            if (line.Length > 0 && !line.StartsWith('#')) data.Add(line.Trim());
        return data;
    }

    [Theory]
    [MemberData(nameof(E2EPrograms))]
    public async Task E2EProgram(string name)
    {
        var dir = Path.Combine(Repo.Root, "tests", "e2e", "programs");
        var run = await Repo.Run(Repo.Compiler, ["run", "--interp", name + ".hx", "-m", name], dir);
        var expected = File.ReadAllText(Path.Combine(dir, "verified", name + ".stdout"));
        Assert.True(expected == run.StandardOutput, $"stdout differs from verified/{name}.stdout:\n{run.StandardOutput}\nstderr:\n{run.StandardError}");
        var exitFile = Path.Combine(dir, "verified", name + ".exit");
        Assert.Equal(File.Exists(exitFile) ? int.Parse(File.ReadAllText(exitFile).Trim()) : 0, run.ExitCode);
    }
}
