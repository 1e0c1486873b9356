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
    /// the frames must be the executable's, in its order — a compiled frame without its line
    /// (`Called from Main.f (Main.hx)`: JIT code has no line tables), and those LLVM inlined or
    /// turned into loops in the JIT left out. At least one frame must be a compiled one.
    /// </summary>
    [Theory]
    [InlineData("TraceDeep")]
    [InlineData("TraceNested")]
    [InlineData("TraceInterface")]
    [InlineData("TraceLambda")]
    [InlineData("TraceLoopEntry")]
    public async Task TieredRunPrintsItsFrames(string name)
    {
        var run = await Run(name, ["--tier", "auto"], new Dictionary<string, string?> { [Threshold] = "1", [Sync] = "1" });
        await AssertFramesAmongTheExecutables(name, run);
    }

    /// <summary>
    /// `--tier max` (the whole program JIT-compiled): the frames of compiled functions, without
    /// lines, in the executable's order (those LLVM inlined are not there).
    /// </summary>
    [Theory]
    [InlineData("TraceDeep")]
    [InlineData("TraceNested")]
    public async Task JitRunPrintsItsFrames(string name) => await AssertFramesAmongTheExecutables(name, await Run(name, ["--tier", "max"]));

    /// The run's report: the executable's message, then at least one frame printed without a line
    /// (a compiled one), and every frame one of the -O0 executable's, in its order.
    private static async Task AssertFramesAmongTheExecutables(string name, CliWrap.Buffered.BufferedCommandResult run)
    {
        var native = (await NativeStderr(name, "-O0")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, run.ExitCode);
        var printed = run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(native[0], printed[0]);
        Assert.Contains(printed, l => l.EndsWith(".hx)", StringComparison.Ordinal));
        var k = 1;
        foreach (var line in printed.Skip(1))
        {
            while (k < native.Length && native[k] != line && WithoutLine(native[k]) != line) k++;
            Assert.True(k < native.Length, $"`{line}` is not among the executable's frames, in order:\n{string.Join('\n', native)}\n--- printed:\n{run.StandardError}");
            k++;
        }
    }

    /// `Called from F (File.hx line N)` as a compiled frame prints it: `Called from F (File.hx)`.
    private static string WithoutLine(string frame) => System.Text.RegularExpressions.Regex.Replace(frame, @" line \d+\)$", ")");

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
