using System.Diagnostics;
using Rayzor.Interp.Execution;
using Rayzor.Interp.Tiering;
using Rayzor.LlvmBackend.Interop;
using Rayzor.LlvmBackend.Jit;
using Rayzor.Mir.Ir;

namespace Rayzor.Cli;

/// `rayzor run --tier auto`: the interpreter runs the program at once; functions that get hot are
/// compiled by LLVM on a background thread (TierCompiler) and later calls take the native code.
internal static class TieredRun
{
    /// `RAYZOR_TIER_THRESHOLD=N` makes both thresholds N (tests: with 1 every function called or
    /// looping is compiled while the program runs).
    private const string ThresholdVariable = "RAYZOR_TIER_THRESHOLD";

    /// `RAYZOR_TIER_SYNC=1`: the interpreter waits for each compile it asks for (tests: loop
    /// entries are taken as soon as asked for, whatever the load).
    private const string SyncVariable = "RAYZOR_TIER_SYNC";

    /// `RAYZOR_TIER_AHEAD_GRACE=MS`: TierOptions.AheadGrace (tests: a wide window makes the order
    /// of a request and the work ahead certain).
    private const string AheadGraceVariable = "RAYZOR_TIER_AHEAD_GRACE";

    public static int Run(Options o)
    {
        var clock = Stopwatch.StartNew();
        // the run's threads first, then libLLVM loads on the compiler's while the front end runs (StandbyThread)
        var interpreter = Interpreter.ReserveThread();
        var compiler = new StandbyThread("rayzor tier compiler", 0, LoadLlvm);
        var more = Enumerable.Range(1, CompilerThreads() - 1).Select(k => new StandbyThread($"rayzor tier compiler {k}", 0)).ToList();
        Started = true;
        var level = o.OptLevel switch { 0 => OptLevel.O0, 1 => OptLevel.O1, 3 => OptLevel.O3, _ => OptLevel.O2 };
        var (calls, loops) = TierOptions.Policy(o.TierPolicy ?? "script");
        if (int.TryParse(Environment.GetEnvironmentVariable(ThresholdVariable), out var forced) && forced > 0) (calls, loops) = (forced, forced);
        // a level below O3 has a higher tier: O3 for the functions whose compiled code is called most
        var hotCalls = level == OptLevel.O3 ? 0 : TierOptions.HotCallsOf(o.TierPolicy ?? "script");
        if (int.TryParse(Environment.GetEnvironmentVariable(HotVariable), out var hot) && hot >= 0) hotCalls = hot;
        return new Pipeline(o, Console.Error).RunMir(mir =>
        {
            var front = clock.Elapsed;
            var options = new TierOptions
            {
                CallThreshold = calls,
                LoopThreshold = loops,
                Synchronous = Environment.GetEnvironmentVariable(SyncVariable) == "1",
                AheadGrace = int.TryParse(Environment.GetEnvironmentVariable(AheadGraceVariable), out var grace) && grace >= 0 ? TimeSpan.FromMilliseconds(grace) : TierOptions.DefaultAheadGrace,
                CreateBackend = resolve => new Backend(new TierCompiler(mir, level, resolve, TierOptions.IndirectCallFits) { Heat = hotCalls > 0 }),
                CreateHotBackend = resolve => new Backend(new TierCompiler(mir, OptLevel.O3, resolve, TierOptions.IndirectCallFits)),
                HotCalls = hotCalls,
                InterpreterThread = interpreter,
                CompilerThread = compiler,
                MoreCompilerThreads = more,
                Report = o.Stats ? s => Report(s, front, clock.Elapsed) : null,
            };
            try
            {
                // (the process ends in Exit, called by Program.Main)
                return Interpreter.Run(mir, o.MainFile ?? o.MainClass ?? "main", o.ProgramArgs, options);
            }
            catch (InterpreterException e)
            {
                Reporter.For(o.Diagnostics, Console.Error).Error("interpreter: " + e.Message);
                return 70;
            }
        });
    }

    /// `RAYZOR_TIER_HOT=N`: calls of a function's compiled code before it is compiled again at O3
    /// (TierOptions.HotCalls; 0: never; tests: 1, each compiled function at its first call).
    private const string HotVariable = "RAYZOR_TIER_HOT";

    /// `RAYZOR_TIER_THREADS=N`: compiler threads of a tiered run (at most 8).
    private const string ThreadsVariable = "RAYZOR_TIER_THREADS";

    /// <summary>
    /// Compiler threads: half the cores, 1 to 4 — the program's thread and the collector's marker
    /// need the rest. On 2 cores one (a second one, compiling ahead, made sha256's run slower:
    /// 1.26 against 0.94–1.27 times the executable; BENCHMARKS.md "Session 13").
    /// </summary>
    private static int CompilerThreads() =>
        int.TryParse(Environment.GetEnvironmentVariable(ThreadsVariable), out var n) && n > 0 ? Math.Min(n, 8)
        : Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    /// Whether a tiered run started its compiler thread (it loads libLLVM from the start).
    public static bool Started { get; private set; }

    /// <summary>
    /// Ends the process of a tiered run, whatever ended it (the program, the front end's errors, an
    /// interpreter failure): the console, then the program's stdout flushed, then `_exit`
    /// (Interpreter.EndTieredRun): its compiler thread started loading libLLVM with the process.
    /// </summary>
    public static void Exit(int status)
    {
        Console.Out.Flush();
        Console.Error.Flush();
        Interpreter.EndTieredRun(status);
    }

    /// Loads libLLVM and registers its targets; a failure is the first compile's to report.
    private static void LoadLlvm()
    {
        try
        {
            LlvmTargets.InitializeTargets();
        }
        catch (Exception e) when (e is LlvmException or LlvmNotFoundException)
        {
        }
    }

    private static void Report(TierStats s, TimeSpan front, TimeSpan total)
    {
        Console.Error.WriteLine($"rayzor: tier auto: {s.Compiled} functions and {s.LoopEntries} loop entries ({s.LoopsAlone} of the loop alone) compiled in {s.Batches} batches, {s.Recompiled} compiled again at O3 ({s.CompileTime.TotalMilliseconds:0.0} ms on the compiler threads), "
            + $"{s.Interpreted} interpreted only, {s.Failed} not compilable; {s.CallsIntoCompiled} calls from the interpreter into compiled code, {s.LoopsEntered} frames entered at a loop; front end {front.TotalMilliseconds:0.0} ms, total {total.TotalMilliseconds:0.0} ms");
        foreach (var (at, took, what) in s.Timeline)
            Console.Error.WriteLine($"rayzor: tier auto: at {front.TotalMilliseconds + at.TotalMilliseconds:0.0} ms, {took.TotalMilliseconds:0.0} ms: {what}");
        foreach (var f in s.Failures) Console.Error.WriteLine("rayzor: tier auto: not compiled: " + f);
    }

    private sealed class Backend(TierCompiler compiler) : ITierBackend
    {
        public string LastPhases => $"emit {compiler.Phases.Emit.TotalMilliseconds:0.0}, optimize {compiler.Phases.Optimize.TotalMilliseconds:0.0}, machine code {compiler.Phases.Codegen.TotalMilliseconds:0.0} ms";

        public bool Prepare() => Quietly(compiler.Prepare);

        public bool WarmUp() => Quietly(compiler.WarmUp);

        /// Whether <paramref name="step"/> went through: an LLVM failure here is reported by the first compile.
        private static bool Quietly(Action step)
        {
            try
            {
                step();
                return true;
            }
            catch (Exception e) when (e is LlvmException or LlvmNotFoundException)
            {
                return false;
            }
        }

        public Dictionary<string, (nint Entry, nint Code, nint Bridge)> Compile(IReadOnlyCollection<string> functions)
        {
            try
            {
                return compiler.Compile(functions);
            }
            catch (Exception e) when (e is LlvmException or LlvmNotFoundException)
            {
                throw new TierCompileException(e.Message, compiler.Linked);
            }
        }
    }
}
