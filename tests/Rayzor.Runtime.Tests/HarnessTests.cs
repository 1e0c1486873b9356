using System.Diagnostics;

namespace Rayzor.Runtime.Tests;

/// <summary>
/// The runtime as a compiled program uses it: toolchain/build-runtime linux-x64, then
/// tests/runtime-c/harness.c compiled with cc and linked with link.txt, run, and compared with
/// tests/runtime-c/harness.stdout (RAYZOR_TEST_BLESS=1 rewrites it).
/// </summary>
public class HarnessTests
{
    private static readonly Lazy<string> Harness = new(BuildHarness);

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rayzor.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string BuildHarness()
    {
        string root = RepoRoot;
        Run(Path.Combine(root, "toolchain", "build-runtime"), ["linux-x64"], timeoutSeconds: 900);

        string runtime = Path.Combine(root, "artifacts", "runtime", "linux-x64");
        string outDir = Path.Combine(root, "artifacts", "tests", "runtime-c");
        Directory.CreateDirectory(outDir);
        string exe = Path.Combine(outDir, "harness");
        var args = new List<string> { "-O2", Path.Combine(root, "tests", "runtime-c", "harness.c"), "-o", exe };
        foreach (string line in File.ReadAllLines(Path.Combine(runtime, "link.txt")))
        {
            if (line.Length > 0)
                args.Add(line.StartsWith('-') ? line : Path.Combine(runtime, line));
        }
        Run("cc", args, timeoutSeconds: 300);
        return exe;
    }

    private static (int ExitCode, string Stdout) Run(string program, IEnumerable<string> args, int timeoutSeconds = 120)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {timeoutSeconds} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return (process.ExitCode, stdout.Result);
    }

    [Fact]
    public void PrintsTheExpectedOutput()
    {
        string expectedPath = Path.Combine(RepoRoot, "tests", "runtime-c", "harness.stdout");
        var (_, stdout) = Run(Harness.Value, []);
        if (Environment.GetEnvironmentVariable("RAYZOR_TEST_BLESS") == "1")
            File.WriteAllText(expectedPath, stdout);
        Assert.Equal(File.ReadAllText(expectedPath), stdout);
        Assert.DoesNotContain("MISMATCH", stdout);
    }

    [Fact]
    public void FloatsMatchPrintfOnRandomDoubles()
    {
        var (_, stdout) = Run(Harness.Value, ["fuzz", "200000"]);
        Assert.Equal("fuzz mismatches: 0\n", stdout);
    }

    [Fact]
    public void BoehmCollectsGarbageAndKeepsLiveStrings()
    {
        var (_, stdout) = Run(Harness.Value, ["stress", "3000000"]);
        Assert.StartsWith("stress live strings intact", stdout);
    }
}
