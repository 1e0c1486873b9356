namespace Rayzor.EndToEnd.Tests;

/// Uncaught-exception reports beyond the `programs/Trace*.hx` snapshots: executables without
/// debug info, arm64 under qemu, and a debugger stopping at a .hx line of a `-g` build.
public class StackTraceTests
{
    private static readonly string Programs = Path.Combine(Repo.Root, "tests", "e2e", "programs");

    private const string Message = "Uncaught exception: not a number: x\n";

    private static string TempExe(string tag) => Path.Combine(Path.GetTempPath(), $"rayzor-trace-{tag}-{Environment.ProcessId}");

    private static async Task<string> Build(string tag, params string[] extra)
    {
        var exe = TempExe(tag);
        var build = await Repo.Run(Repo.Compiler, ["build", "TraceNested.hx", "-o", exe, .. extra], Programs);
        Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
        return exe;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    [Fact]
    public async Task StrippedExecutableReportsWithoutFrames()
    {
        if (!OnPath("strip"))
            return;
        var exe = await Build("strip");
        try
        {
            var strip = await Repo.Run("strip", [exe]);
            Assert.Equal(0, strip.ExitCode);
            var run = await Repo.Run(exe, []);
            Assert.Equal("caught first\n3\n", run.StandardOutput);
            Assert.Equal(Message, run.StandardError);
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            File.Delete(exe);
        }
    }

    [Fact]
    public async Task NoDebugInfoReportsWithoutFrames()
    {
        var exe = await Build("g0", "-g0");
        try
        {
            var run = await Repo.Run(exe, []);
            Assert.Equal(Message, run.StandardError);
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            File.Delete(exe);
        }
    }

    [Theory]
    [InlineData("-O0")]
    [InlineData("-O3")]
    public async Task FramesAtOtherOptimizationLevels(string level)
    {
        var exe = await Build("opt" + level, level);
        try
        {
            var run = await Repo.Run(exe, []);
            Assert.Equal(File.ReadAllText(Path.Combine(Programs, "verified", "TraceNested.stderr")), run.StandardError);
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            File.Delete(exe);
        }
    }

    [Fact]
    public async Task Arm64ReportsUnderQemu()
    {
        // needs qemu-user and the arm64 runtime (./rayzor builds both archives)
        if (!OnPath("qemu-aarch64") || !File.Exists(Path.Combine(Repo.Root, "artifacts", "runtime", "linux-arm64", "link.txt")))
            return;
        var exe = await Build("arm64", "--target", "aarch64-linux-gnu");
        try
        {
            var run = await Repo.Run("qemu-aarch64", ["-L", "/usr/aarch64-linux-gnu", "-E", "LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib", exe]);
            Assert.Equal("caught first\n3\n", run.StandardOutput);
            Assert.StartsWith(Message, run.StandardError);
            Assert.Equal(1, run.ExitCode);
        }
        finally
        {
            File.Delete(exe);
        }
    }

    [Fact]
    public async Task GdbStopsAtHaxeLine()
    {
        if (!OnPath("gdb"))
            return;
        var exe = await Build("gdb", "-g", "-O0");
        try
        {
            var gdb = await Repo.Run("gdb", ["-nx", "-batch", "-ex", "break TraceNested.hx:8", "-ex", "run", "-ex", "bt", exe], Programs);
            if (gdb.StandardError.Contains("ptrace", StringComparison.Ordinal))
                return; // no ptrace in this sandbox
            Assert.Contains("Breakpoint 1 at", gdb.StandardOutput);
            Assert.Matches(@"TraceNested\.parse \(\) at TraceNested\.hx:8", gdb.StandardOutput);
            Assert.Matches(@"TraceNested\.sum \(\) at TraceNested\.hx:15", gdb.StandardOutput);
            Assert.Matches(@"TraceNested\.main \(\) at TraceNested\.hx:26", gdb.StandardOutput);
        }
        finally
        {
            File.Delete(exe);
        }
    }
}
