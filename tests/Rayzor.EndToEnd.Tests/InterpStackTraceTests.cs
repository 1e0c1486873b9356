namespace Rayzor.EndToEnd.Tests;

/// The `Called from` lines of an uncaught exception under `rayzor run --interp` and `--tier auto`:
/// the interpreter's frames must read as the native executable's (same names, files and lines).
public class InterpStackTraceTests
{
    private const string Threshold = "RAYZOR_TIER_THRESHOLD", Sync = "RAYZOR_TIER_SYNC";

    /// The uncaught-exception programs whose -O2 executable keeps every Haxe frame (LLVM's inlining
    /// shows as frames of their own): the interpreter must print its verified stderr exactly.
    public static TheoryData<string> SameFramesAsOptimized() =>
        ["TraceInline", "TraceInterface", "TraceLambda", "TraceLoopEntry", "TraceNested", "TraceNull", "TraceNullRuntime"];

    [Theory]
    [MemberData(nameof(SameFramesAsOptimized))]
    public async Task InterpreterPrintsTheExecutablesFrames(string name)
    {
        var expected = File.ReadAllText(Path.Combine(RunChecks.E2EDir, "verified", name + ".stderr"));
        Assert.Equal(expected, (await Run(name, ["--interp"])).StandardError);
        // not hot: every frame interpreted
        Assert.Equal(expected, (await Run(name, ["--tier", "auto"])).StandardError);
    }

    /// <summary>
    /// TraceDeep.hx (recursion, a closure, an interface call, a comparator the runtime calls back):
    /// at -O2 LLVM turns the recursion into a loop and its frames are gone, so the interpreter is
    /// compared with the -O0 executable, which keeps them.
    /// </summary>
    [Fact]
    public async Task InterpreterPrintsTheUnoptimizedExecutablesFrames()
    {
        var native = await NativeStderr("TraceDeep", "-O0");
        Assert.Contains("TraceDeep.down (TraceDeep.hx line 25)", native);
        Assert.Equal(native, (await Run("TraceDeep", ["--interp"])).StandardError);
    }

    /// <summary>
    /// `--tier auto` with every function compiled at its first call (each compile waited for):
    /// compiled frames print as the executable's, with their lines and the calls LLVM inlined into
    /// them (the JIT objects' line tables), and a loop entry's frame as its function's, at its line:
    /// the -O0 executable's report exactly.
    /// </summary>
    [Theory]
    [InlineData("TraceNested")]
    [InlineData("TraceInterface")]
    [InlineData("TraceLambda")]
    [InlineData("TraceLoopEntry")]
    public async Task TieredRunPrintsTheExecutablesFrames(string name)
    {
        var run = await Run(name, ["--tier", "auto"], new Dictionary<string, string?> { [Threshold] = "1", [Sync] = "1" });
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(await NativeStderr(name, "-O0"), run.StandardError);
    }

    /// <summary>
    /// TraceDeep compiled at its first calls: the recursion LLVM turned into a loop loses frames, so
    /// the frames are the -O0 executable's, with their lines, in its order, some left out.
    /// </summary>
    [Fact]
    public async Task TieredRunPrintsFramesAmongTheExecutables()
    {
        var run = await Run("TraceDeep", ["--tier", "auto"], new Dictionary<string, string?> { [Threshold] = "1", [Sync] = "1" });
        var native = (await NativeStderr("TraceDeep", "-O0")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, run.ExitCode);
        var printed = run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(native[0], printed[0]);
        Assert.True(printed.Length > 3, run.StandardError);
        var k = 1;
        foreach (var line in printed.Skip(1))
        {
            while (k < native.Length && native[k] != line) k++;
            Assert.True(k < native.Length, $"`{line}` is not among the executable's frames, in order:\n{string.Join('\n', native)}\n--- printed:\n{run.StandardError}");
            k++;
        }
    }

    /// <summary>
    /// `--tier max` (the whole program JIT-compiled at -O2): the -O2 executable's report, frames
    /// LLVM inlined and lines included (the JIT objects' line tables).
    /// </summary>
    [Theory]
    [InlineData("TraceDeep")]
    [InlineData("TraceNested")]
    [InlineData("TraceInterface")]
    [InlineData("TraceLambda")]
    [InlineData("TraceLoopEntry")]
    public async Task JitRunPrintsTheExecutablesFrames(string name)
    {
        var run = await Run(name, ["--tier", "max"]);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(await NativeStderr(name, "-O2"), run.StandardError);
    }

    private static Task<CliWrap.Buffered.BufferedCommandResult> Run(string name, string[] mode, Dictionary<string, string?>? env = null) =>
        Repo.Run(Repo.Compiler, ["run", .. mode, "-m", name, name + ".hx"], RunChecks.E2EDir, env: env);

    /// The stderr of the program's executable built at <paramref name="level"/>.
    private static async Task<string> NativeStderr(string name, string level)
    {
        var exe = Path.Combine(Path.GetTempPath(), $"rayzor-itrace-{name}{level}-{Environment.ProcessId}");
        try
        {
            var build = await Repo.Run(Repo.Compiler, ["build", name + ".hx", "-m", name, level, "-o", exe], RunChecks.E2EDir);
            Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
            var run = await Repo.Run(exe, [], RunChecks.E2EDir);
            Assert.Equal(1, run.ExitCode);
            return run.StandardError;
        }
        finally
        {
            File.Delete(exe);
        }
    }
}
