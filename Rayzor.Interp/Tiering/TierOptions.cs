using Rayzor.Interp.Execution;
using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Tiering;

/// <summary>The compiling tier as the interpreter sees it (Rayzor.LlvmBackend's TierCompiler behind an adapter).</summary>
public interface ITierBackend
{
    /// <summary>
    /// Compiles the functions; returns each one's entry wrapper, `int (long* args, long* result)`,
    /// its own native code (what compiled callers call) and its bridge for vtables and itables (0
    /// when it has none). Throws on failure.
    /// </summary>
    Dictionary<string, (nint Entry, nint Code, nint Bridge)> Compile(IReadOnlyCollection<string> functions);

    /// <summary>Loads and starts what compiling needs (before the first function is hot); false when LLVM failed (the first compile reports why).</summary>
    bool Prepare();

    /// <summary>Pays the first compile's one-time costs ahead (the compiler thread has nothing else to do); false when LLVM failed.</summary>
    bool WarmUp();

    /// <summary>Where the last compile's time went (`--stats`), e.g. "emit 1.2, optimize 9.8, machine code 10.1 ms".</summary>
    string LastPhases { get; }
}

/// <summary>A batch failed to compile; <see cref="Final"/>: its functions cannot be compiled again (one by one).</summary>
public sealed class TierCompileException(string message, bool final) : Exception(message)
{
    public bool Final { get; } = final;
}

/// <summary>How a tiered run decides what to compile (`--tier-policy`, `--stats`).</summary>
public sealed class TierOptions
{
    /// <summary>Calls of a function before it is compiled.</summary>
    public int CallThreshold { get; init; } = 1000;

    /// <summary>Loop back-edges taken in a function before it is compiled (its next call is native).</summary>
    public int LoopThreshold { get; init; } = 10000;

    /// <summary>
    /// The interpreter waits for each compile it asks for (tests: every loop entry asked for is
    /// then taken at once, whatever the machine's load).
    /// </summary>
    public bool Synchronous { get; init; }

    /// <summary>
    /// How long the compiler thread waits for a request after a batch landed before it compiles
    /// anything ahead: the program goes on with the new code and often asks for its next function
    /// within milliseconds (sha256's data loop, once entered compiled, ends in ~3 ms and
    /// `compress` is asked for ~2 ms later: it waited for the next loop of `main`, compiled ahead
    /// meanwhile, ~20 ms), and an ahead batch cannot be interrupted.
    /// </summary>
    public TimeSpan AheadGrace { get; init; } = DefaultAheadGrace;

    /// <summary>The default of <see cref="AheadGrace"/>.</summary>
    public static readonly TimeSpan DefaultAheadGrace = TimeSpan.FromMilliseconds(8);

    /// <summary>Makes the compiling tier; given the resolver of the interpreter's symbols (thread-safe).</summary>
    public required Func<Func<string, nint>, ITierBackend> CreateBackend { get; init; }

    /// <summary>
    /// Makes the higher tier (LLVM at O3), which compiles again a compiled function whose code was
    /// called <see cref="HotCalls"/> times; null: none.
    /// </summary>
    public Func<Func<string, nint>, ITierBackend>? CreateHotBackend { get; init; }

    /// <summary>Calls of a function's compiled code before it is compiled at the higher tier (0: never).</summary>
    public int HotCalls { get; init; }

    /// <summary>Whether a compiled function may make an indirect call (closure, virtual, interface) with these parameter types: the callee may be a thunk.</summary>
    public static bool IndirectCallFits(IReadOnlyList<MirType> paramTypes) => Thunks.Thunk.Fits(paramTypes);

    /// <summary>
    /// The compiler's thread, started by the host before the program was loaded, loading libLLVM
    /// meanwhile: the JIT starts as the program does.
    /// </summary>
    public required StandbyThread CompilerThread { get; init; }

    /// <summary>
    /// More compiler threads (reserved with the first, before libLLVM loads), each with its own
    /// JIT: they compile ahead what the program is likely to run next while the first thread
    /// compiles what it asked for. Not used in a <see cref="Synchronous"/> run.
    /// </summary>
    public IReadOnlyList<StandbyThread> MoreCompilerThreads { get; init; } = [];

    /// <summary>The interpreter's thread, started before the compiler's thread began loading libLLVM (<see cref="Interpreter.ReserveThread"/>).</summary>
    public required StandbyThread InterpreterThread { get; init; }

    /// <summary>Called at the end of the run with what tiering did (`--stats`).</summary>
    public Action<TierStats>? Report { get; init; }

    /// <summary>Presets: `script` waits longer (a short run rarely repays a compile), `server` compiles early.</summary>
    public static (int Calls, int Loops) Policy(string name) => name switch
    {
        "script" => (2000, 50000),
        "server" => (200, 2000),
        _ => throw new ArgumentException("unknown tier policy " + name),
    };

    /// <summary>
    /// <see cref="HotCalls"/> by preset: a script has no higher tier — its run is short, and the
    /// counting and the O3 compiles cost more than they gave back (alloc's tiered run 1.23 -> 1.49
    /// times the executable, sha256 1.00 -> 1.21, dispatch 1.15 -> 1.25 after 200000 calls;
    /// BENCHMARKS.md "Session 13"); a server compiles the functions called 20000 times again.
    /// </summary>
    public static int HotCallsOf(string name) => name == "server" ? 20_000 : 0;
}

/// <summary>What a tiered run did: functions by tier and the compiler thread's time.</summary>
public sealed class TierStats
{
    public int Interpreted, Compiled, Failed, Batches, LoopEntries;

    /// <summary>Compiled functions compiled again at the higher tier.</summary>
    public int Recompiled;

    /// <summary>Loop entries of the loop alone (the frame goes on in the interpreter after it).</summary>
    public int LoopsAlone;
    public long CallsIntoCompiled, LoopsEntered;
    public TimeSpan CompileTime;
    public List<string> Failures { get; } = [];

    /// <summary>Each batch: when it was installed (since tiering started), its compile time, what it held.</summary>
    public List<(TimeSpan At, TimeSpan Took, string What)> Timeline { get; } = [];
}
