namespace Rayzor.EndToEnd.Tests;

/// What the `rayzor run` modes (interpreter, JIT) are checked against: the shared conformance
/// programs' expected.txt and the e2e programs' verified stdout and exit code.
public static class RunChecks
{
    public static string ConformanceDir => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "conformance"));

    public static string E2EDir => Path.Combine(Repo.Root, "tests", "e2e", "programs");

    /// The names listed in a file under tests/ (one a line, `#` comments).
    public static TheoryData<string> Listed(string listFile)
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Repo.Root, "tests", listFile)))
            if (line.Length > 0 && !line.StartsWith('#')) data.Add(line.Trim());
        return data;
    }

    /// Every e2e program, except those named in `exceptListFile` (under tests/; `NAME  # why` lines).
    public static TheoryData<string> AllE2E(string? exceptListFile = null)
    {
        var except = exceptListFile == null ? [] : File.ReadAllLines(Path.Combine(Repo.Root, "tests", exceptListFile))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('#')[0].Trim()).ToHashSet();
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(E2EDir, "*.hx").Order(StringComparer.Ordinal))
            if (!except.Contains(Path.GetFileNameWithoutExtension(f))) data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    /// `rayzor run MODE... Main.hx` in the conformance program's folder prints its expected.txt, exit 0.
    public static async Task Conformance(string name, string[] mode, (string Name, string Value)? env = null)
    {
        var dir = Path.Combine(ConformanceDir, name);
        Assert.True(Directory.Exists(dir), $"missing conformance test {dir}");
        var run = await Repo.Run(Repo.Compiler, ["run", .. mode, "Main.hx"], dir,
            env: env is var (k, v) ? new Dictionary<string, string?> { [k] = v } : null);
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardError}");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected.txt")), run.StandardOutput);
    }

    /// `rayzor run MODE... -m NAME NAME.hx` prints the verified stdout and ends with the verified exit code.
    public static async Task E2E(string name, string[] mode, (string Name, string Value)? env = null)
    {
        var run = await Repo.Run(Repo.Compiler, ["run", .. mode, "-m", name, name + ".hx"], E2EDir,
            env: env is var (k, v) ? new Dictionary<string, string?> { [k] = v } : null);
        var expected = File.ReadAllText(Path.Combine(E2EDir, "verified", name + ".stdout"));
        Assert.True(expected == run.StandardOutput, $"stdout differs from verified/{name}.stdout:\n{run.StandardOutput}\nstderr:\n{run.StandardError}");
        var exitFile = Path.Combine(E2EDir, "verified", name + ".exit");
        Assert.Equal(File.Exists(exitFile) ? int.Parse(File.ReadAllText(exitFile).Trim()) : 0, run.ExitCode);
    }
}
