namespace Rayzor.EndToEnd.Tests;

/// Each `programs/*.hx` is compiled to a native executable and run; its stdout must equal the
/// `verified/NAME.stdout` snapshot (and exit code 0, or the one in `verified/NAME.exit`), and its
/// stderr the `verified/NAME.stderr` snapshot when there is one (blessing writes one for a program
/// that prints to stderr: an uncaught exception and its `Called from` lines).
public class ProgramTests
{
    public static TheoryData<string> Programs() => RunChecks.AllE2E();

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task CompilesAndRuns(string name)
    {
        var dir = Path.Combine(Repo.Root, "tests", "e2e", "programs");
        var exe = Path.Combine(Path.GetTempPath(), $"rayzor-e2e-{name}-{Environment.ProcessId}");
        try
        {
            // the file as given here (relative to the folder) is the one stack traces name
            var build = await Repo.Run(Repo.Compiler, ["build", name + ".hx", "-m", name, "-o", exe], dir);
            Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
            var run = await Repo.Run(exe, [], dir);
            Snapshot.Match(Path.Combine(dir, "verified", name + ".stdout"), run.StandardOutput);
            var stderrFile = Path.Combine(dir, "verified", name + ".stderr");
            if (File.Exists(stderrFile) || Snapshot.Blessing && run.StandardError.Length > 0)
                Snapshot.Match(stderrFile, run.StandardError);
            var exitFile = Path.Combine(dir, "verified", name + ".exit");
            var expectedExit = File.Exists(exitFile) ? int.Parse(File.ReadAllText(exitFile).Trim()) : 0;
            Assert.Equal(expectedExit, run.ExitCode);
        }
        finally
        {
            File.Delete(exe);
        }
    }
}

/// Each `compile-fail/*.hx` must be rejected with exit code 1 and exactly the diagnostics of
/// `verified/NAME.stderr` — Haxe's classic format, never a .NET stack trace.
public class CompileFailTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Root, "tests", "e2e", "compile-fail"), "*.hx").Order())
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task IsRejected(string name)
    {
        var dir = Path.Combine(Repo.Root, "tests", "e2e", "compile-fail");
        var result = await Repo.Run(Repo.Compiler, ["check", name + ".hx"], dir);
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.StandardError);
        Snapshot.Match(Path.Combine(dir, "verified", name + ".stderr"), result.StandardError);
    }
}
