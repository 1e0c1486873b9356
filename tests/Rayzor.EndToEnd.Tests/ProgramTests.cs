namespace Rayzor.EndToEnd.Tests;

/// Each `programs/*.hx` is compiled to a native executable and run; its stdout must equal the
/// `verified/NAME.stdout` snapshot (and exit code 0, or the one in `verified/NAME.exit`).
public class ProgramTests
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Root, "tests", "e2e", "programs"), "*.hx").Order())
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task CompilesAndRuns(string name)
    {
        var dir = Path.Combine(Repo.Root, "tests", "e2e", "programs");
        var src = Path.Combine(dir, name + ".hx");
        var exe = Path.Combine(Path.GetTempPath(), $"rayzor-e2e-{name}-{Environment.ProcessId}");
        try
        {
            var build = await Repo.Run(Repo.Compiler, ["build", src, "-m", name, "-o", exe], dir);
            Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
            var run = await Repo.Run(exe, [], dir);
            Snapshot.Match(Path.Combine(dir, "verified", name + ".stdout"), run.StandardOutput);
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
