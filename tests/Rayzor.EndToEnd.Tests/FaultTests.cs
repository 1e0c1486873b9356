using System.Collections.Concurrent;
using CliWrap.Buffered;

namespace Rayzor.EndToEnd.Tests;

/// Runtime faults end with a clear message and the documented exit status, never a signal or a
/// core dump (README, Faults): the programs of `tests/e2e/faults`, built at -O2 and -O0 (stack
/// overflow also for arm64, under qemu), with their stdout in `verified/` where it matters.
public class FaultTests
{
    private static readonly string Dir = Path.Combine(Repo.Root, "tests", "e2e", "faults");
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Builds = new();

    /// Where the executables go: one folder per test process, deleted when the process ends.
    private static readonly string ExeDir = MakeExeDir();

    private static string MakeExeDir()
    {
        var dir = Directory.CreateTempSubdirectory("rayzor-fault-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
                // gone already, or busy: the system's temp cleaning takes it
            }
        };
        return dir;
    }

    /// Builds `name.hx` once per flag set (tests share the executables).
    private static Task<string> Build(string name, params string[] flags) =>
        Builds.GetOrAdd(name + string.Join("", flags), key => new Lazy<Task<string>>(async () =>
        {
            var exe = Path.Combine(ExeDir, key);
            var build = await Repo.Run(Repo.Compiler, ["build", name + ".hx", "-m", name, "-o", exe, .. flags], Dir);
            Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
            return exe;
        })).Value;

    private static async Task<BufferedCommandResult> Run(string name, string opt, params string[] args) =>
        await Repo.Run(await Build(name, opt), args, Dir);

    [Theory]
    [InlineData("-O2")]
    [InlineData("-O0")]
    public async Task NullAccessIsACatchableException(string opt)
    {
        var run = await Run("NullAccess", opt);
        Snapshot.Match(Path.Combine(Dir, "verified", "NullAccess.stdout"), run.StandardOutput);
        Assert.Equal("Uncaught exception: Null access\nCalled from NullAccess.main (NullAccess.hx line 74)\n", run.StandardError);
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("-O2")]
    [InlineData("-O0")]
    public async Task OutOfBoundsReadsGiveDefaultsAndWritesGrow(string opt)
    {
        var run = await Run("ArrayBounds", opt);
        Snapshot.Match(Path.Combine(Dir, "verified", "ArrayBounds.stdout"), run.StandardOutput);
        Assert.Equal("", run.StandardError);
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("-O2")]
    [InlineData("-O0")]
    public async Task StackOverflowIsACatchableException(string opt)
    {
        var run = await Run("StackOverflow", opt);
        AssertStackOverflow(run);
    }

    [Fact]
    public async Task StackOverflowIsACatchableExceptionOnArm64()
    {
        var exe = await Build("StackOverflow", "--target", "aarch64-linux-gnu");
        var run = await Repo.Run("qemu-aarch64",
            ["-L", "/usr/aarch64-linux-gnu", "-E", "LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib", exe], Dir);
        AssertStackOverflow(run);
    }

    private static void AssertStackOverflow(BufferedCommandResult run)
    {
        Snapshot.Match(Path.Combine(Dir, "verified", "StackOverflow.stdout"), run.StandardOutput);
        Assert.StartsWith("Uncaught exception: Stack overflow\n", run.StandardError);
        Assert.Contains("Called from StackOverflow.forever (StackOverflow.hx line 25)\n", run.StandardError);
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData("string", "boom", 29)]
    [InlineData("int", "42", 31)]
    [InlineData("float", "1.5", 33)]
    [InlineData("plain", "PlainError", 35)]
    [InlineData("named", "NamedError(7)", 37)]
    [InlineData("exception", "plain exception", 39)]
    [InlineData("subclass", "cannot parse config.json", 41)]
    [InlineData("closure", "from closure 2", 45)]
    [InlineData("rethrow", "first again", 53)]
    [InlineData("null", "null", 56)]
    public async Task UncaughtExceptionIsReportedWithItsFrames(string kind, string message, int line)
    {
        foreach (var opt in new[] { "-O2", "-O0" })
        {
            var run = await Run("Uncaught", opt, kind);
            Assert.Equal("before\n", run.StandardOutput);
            Assert.StartsWith($"Uncaught exception: {message}\nCalled from Uncaught.fail (Uncaught.hx line {line})\n", run.StandardError);
            Assert.EndsWith("Called from Uncaught.main (Uncaught.hx line 64)\n", run.StandardError);
            Assert.Equal(1, run.ExitCode);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(255)]
    public async Task SysExitEndsWithItsCode(int code)
    {
        var run = await Run("SysExit", "-O2", code.ToString());
        Assert.Equal($"exiting with {code}\n", run.StandardOutput);
        Assert.Equal("", run.StandardError);
        Assert.Equal(code, run.ExitCode);
    }

    [Fact]
    public async Task OutOfMemoryEndsWithAMessage()
    {
        var exe = await Build("OutOfMemory", "-O2");
        // 500 MB of address space: the runtime starts, the heap cannot grow far
        var run = await Repo.Run("bash", ["-c", "ulimit -c 0 -v 500000 && exec \"$0\"", exe], Dir);
        Assert.Equal("allocating\n", run.StandardOutput);
        Assert.Equal("rayzor: out of memory\n", run.StandardError);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task TooLongAStringEndsAsOutOfMemory()
    {
        // the concatenation that would pass 2^31 - 1 units (a 1 G-unit string doubled, ~4 GB of
        // memory on the way): it was a .NET OverflowException, a stack trace and SIGABRT
        var run = await Run("HugeString", "-O2");
        Assert.Equal("1 G characters\n", run.StandardOutput);
        Assert.StartsWith("rayzor: out of memory\n", run.StandardError);
        Assert.DoesNotContain("Exception", run.StandardError);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task ClosedStdoutEndsQuietlyAsSigpipe()
    {
        var exe = await Build("ClosedStdout", "-O2");
        var run = await Repo.Run("bash", ["-c", "\"$0\" | head -c5; echo \" ${PIPESTATUS[0]}\"", exe], Dir);
        Assert.Equal("line  141\n", run.StandardOutput);
        Assert.Equal("", run.StandardError);
    }
}
