using CliWrap.Buffered;

namespace Rayzor.EndToEnd.Tests;

/// Uncaught-exception reports beyond the `programs/Trace*.hx` snapshots: executables without
/// debug info, arm64 under qemu, and a debugger stopping at a .hx line of a `-g` build.
public class StackTraceTests
{
    private static readonly string Programs = Path.Combine(Repo.Root, "tests", "e2e", "programs");

    private const string Message = "Uncaught exception: not a number: x\n";

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    /// Builds TraceNested.hx with <paramref name="extra"/> options, hands the executable to
    /// <paramref name="check"/>, then deletes it.
    private static async Task WithBuild(string tag, string[] extra, Func<string, Task> check)
    {
        var exe = Path.Combine(Path.GetTempPath(), $"rayzor-trace-{tag}-{Environment.ProcessId}");
        try
        {
            var build = await Repo.Run(Repo.Compiler, ["build", "TraceNested.hx", "-o", exe, .. extra], Programs);
            Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
            await check(exe);
        }
        finally
        {
            File.Delete(exe);
        }
    }

    private static void AssertReport(BufferedCommandResult run, string expectedStderr)
    {
        Assert.Equal("caught first\n3\n", run.StandardOutput);
        Assert.Equal(expectedStderr, run.StandardError);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public Task StrippedExecutableReportsWithoutFrames() =>
        !OnPath("strip") ? Task.CompletedTask : WithBuild("strip", [], async exe =>
        {
            Assert.Equal(0, (await Repo.Run("strip", [exe])).ExitCode);
            AssertReport(await Repo.Run(exe, []), Message);
        });

    [Fact]
    public Task NoDebugInfoReportsWithoutFrames() =>
        WithBuild("g0", ["-g0"], async exe => AssertReport(await Repo.Run(exe, []), Message));

    [Theory]
    [InlineData("-O0")]
    [InlineData("-O3")]
    public Task FramesAtOtherOptimizationLevels(string level) =>
        WithBuild("opt" + level, [level], async exe =>
            AssertReport(await Repo.Run(exe, []), File.ReadAllText(Path.Combine(Programs, "verified", "TraceNested.stderr"))));

    [Fact]
    public Task Arm64ReportsUnderQemu()
    {
        // needs qemu-user and the arm64 runtime (./rayzor builds both archives); the frames work
        // under qemu too, only the message is required
        if (!OnPath("qemu-aarch64") || !File.Exists(Path.Combine(Repo.Root, "artifacts", "runtime", "linux-arm64", "link.txt")))
            return Task.CompletedTask;
        return WithBuild("arm64", ["--target", "aarch64-linux-gnu"], async exe =>
        {
            var run = await Repo.Run("qemu-aarch64", ["-L", "/usr/aarch64-linux-gnu", "-E", "LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib", exe]);
            AssertReport(run, run.StandardError.StartsWith(Message, StringComparison.Ordinal) ? run.StandardError : Message);
        });
    }

    [Fact]
    public Task GdbStopsAtHaxeLine() =>
        !OnPath("gdb") ? Task.CompletedTask : WithBuild("gdb", ["-g", "-O0"], async exe =>
        {
            var gdb = await Repo.Run("gdb", ["-nx", "-batch", "-ex", "break TraceNested.hx:8", "-ex", "run", "-ex", "bt", exe], Programs);
            if (gdb.StandardError.Contains("ptrace", StringComparison.Ordinal))
                return; // no ptrace in this sandbox
            Assert.Contains("Breakpoint 1 at", gdb.StandardOutput);
            Assert.Matches(@"TraceNested\.parse \(\) at TraceNested\.hx:8", gdb.StandardOutput);
            Assert.Matches(@"TraceNested\.sum \(\) at TraceNested\.hx:15", gdb.StandardOutput);
            Assert.Matches(@"TraceNested\.main \(\) at TraceNested\.hx:26", gdb.StandardOutput);
        });
}
