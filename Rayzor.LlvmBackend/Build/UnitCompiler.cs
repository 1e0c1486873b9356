using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using Rayzor.LlvmBackend.Emit;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Build;

/// <summary>One unit's outcome: its object file, whether it came from the cache, and the time spent
/// optimizing and compiling it (zero for a cached one).</summary>
public sealed record UnitObject(string Unit, string Path, bool Cached, TimeSpan Time);

/// <summary>The objects of a program, or the error that stopped the build.</summary>
public sealed record UnitBuild(IReadOnlyList<UnitObject> Objects, IReadOnlyList<string> Temporaries, string? Error)
{
    /// <summary>False when the program neither calls the runtime nor allocates on the Haxe heap: it
    /// links without them (LinkRequest.WithoutRuntime).</summary>
    public bool NeedsRuntime { get; init; } = true;
}

/// <summary>
/// Compiles a MIR module to object files in codegen units (DESIGN §6, <see cref="UnitPlan"/>): the
/// LLVM IR of every unit is built (a few ms for a whole program), each unit is keyed by a hash of its
/// IR (as bitcode) and of what else its object depends on, units whose key is in the <see cref="ObjectCache"/>
/// are taken from it, and the others are optimized and compiled in parallel, one thread per core,
/// each thread with its own target machine (a unit's context is used by one thread at a time).
/// </summary>
/// <remarks>
/// The key hashes the unit's IR rather than its MIR: the IR is what the object is made from, and
/// it also holds what the unit takes from the rest of the program (signatures of called functions,
/// layouts and sizes of classes, imported bodies of small callees) and the source lines of its
/// debug info, which the MIR text does not show. A change in one function changes only the keys of
/// its unit and of the units that imported it.
/// </remarks>
public sealed class UnitCompiler(MirModule mir, string triple, OptLevel level)
{
    /// <summary>Bump when the way objects are made changes outside the IR, the pipeline or the
    /// target machine settings hashed below.</summary>
    private const string KeyVersion = "rayzor-unit-object 1";

    public DebugInfoLevel DebugInfo { get; init; }

    /// <summary>The cache, or null (`--no-cache`): objects are then written next to <see cref="TemporaryBase"/>.</summary>
    public ObjectCache? Cache { get; init; }

    /// <summary>A path prefix for objects not kept in the cache (deleted by the caller after linking).</summary>
    public required string TemporaryBase { get; init; }

    /// <summary>The compiler's version, part of every key.</summary>
    public string CompilerVersion { get; init; } = "";

    /// <summary>Optimizing/compiling threads (default: one per core).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>How long building the IR of all units took.</summary>
    public TimeSpan IrTime { get; private set; }

    /// <summary>How long hashing the units took.</summary>
    public TimeSpan HashTime { get; private set; }

    /// <summary>How long optimizing and compiling the units not cached took (wall time, all threads).</summary>
    public TimeSpan CodegenTime { get; private set; }

    /// <summary>Builds every unit's object.</summary>
    public UnitBuild Compile()
    {
        var plan = UnitPlan.ByClass(mir, imports: level != OptLevel.O0);
        var emitters = new ModuleEmitter?[plan.Units.Count];
        var temporaries = new List<string>();
        var tm = LlvmTargets.CreateTargetMachine(triple, level);
        try
        {
            var clock = Stopwatch.StartNew();
            // the other units first: the program unit's `main` needs to know what they call
            var facts = new UnitFacts(false, false);
            for (var u = plan.Units.Count - 1; u >= 0; u--)
            {
                var e = emitters[u] = new ModuleEmitter(mir, tm, plan, u, ModuleName(plan.Units[u]))
                {
                    DebugInfo = DebugInfo,
                    Optimized = level != OptLevel.O0,
                    OtherUnits = u == 0 ? facts : default,
                };
                var invalid = e.Emit();
                if (invalid != null) return new UnitBuild([], temporaries, $"internal error: invalid LLVM IR in unit {plan.Units[u].Name}: {invalid}");
                if (u > 0) facts = facts.Or(e.Facts);
            }
            IrTime = clock.Elapsed;

            clock.Restart();
            var header = KeyHeader(tm);
            var keys = emitters.Select(e => Key(header, e!.Module)).ToArray();
            HashTime = clock.Elapsed;

            clock.Restart();
            var objects = new UnitObject?[plan.Units.Count];
            var todo = new List<int>();
            for (var u = 0; u < plan.Units.Count; u++)
            {
                if (Cache?.Find(keys[u]) is { } hit) objects[u] = new UnitObject(plan.Units[u].Name, hit, true, TimeSpan.Zero);
                else todo.Add(u);
            }
            // big units first, so the threads finish together
            todo.Sort((a, b) => plan.Units[b].Size.CompareTo(plan.Units[a].Size));
            var error = CompileAll(todo, emitters, keys, plan, objects, temporaries);
            CodegenTime = clock.Elapsed;
            return error != null ? new UnitBuild([], temporaries, error)
                : new UnitBuild([.. objects.Select(o => o!)], temporaries, null) { NeedsRuntime = emitters[0]!.NeedsRuntime };
        }
        finally
        {
            foreach (var e in emitters) e?.Dispose();
            LLVM.DisposeTargetMachine(tm);
        }
    }

    /// <summary>Optimizes and compiles the units <paramref name="todo"/> on up to <see cref="Threads"/> threads.</summary>
    private string? CompileAll(List<int> todo, ModuleEmitter?[] emitters, string[] keys, UnitPlan plan, UnitObject?[] objects, List<string> temporaries)
    {
        if (todo.Count == 0) return null;
        var next = -1;
        string? error = null;
        void Work()
        {
            var tm = LlvmTargets.CreateTargetMachine(triple, level);
            try
            {
                for (int k; (k = Interlocked.Increment(ref next)) < todo.Count && Volatile.Read(ref error) == null;)
                {
                    var u = todo[k];
                    var clock = Stopwatch.StartNew();
                    var module = emitters[u]!.Module;
                    if (level != OptLevel.O0 && LlvmTargets.RunPipeline(module, tm, LlvmTargets.PipelineFor(level)) is { } perr)
                    {
                        Interlocked.CompareExchange(ref error, "internal error: " + perr, null);
                        return;
                    }
                    var path = Cache?.Store(keys[u], t => LlvmTargets.EmitObject(module, tm, t));
                    if (path == null)
                    {
                        path = $"{TemporaryBase}.{u}.o";
                        lock (temporaries) temporaries.Add(path);
                        LlvmTargets.EmitObject(module, tm, path);
                    }
                    objects[u] = new UnitObject(plan.Units[u].Name, path, false, clock.Elapsed);
                    // the context is no longer needed: free its memory now
                    emitters[u]!.Dispose();
                }
            }
            catch (LlvmException e)
            {
                Interlocked.CompareExchange(ref error, e.Message, null);
            }
            finally
            {
                LLVM.DisposeTargetMachine(tm);
            }
        }
        var count = Math.Max(1, Math.Min(Threads, todo.Count));
        var threads = Enumerable.Range(1, count - 1).Select(_ => new Thread(Work, 16 << 20)).ToList();
        foreach (var t in threads) t.Start();
        Work();
        foreach (var t in threads) t.Join();
        return error;
    }

    /// <summary>Everything besides the IR that the object depends on.</summary>
    private string KeyHeader(LLVMTargetMachineRef tm)
    {
        LLVM.GetVersion(out var major, out var minor, out var patch);
        return $"{KeyVersion}\nrayzor {CompilerVersion}\nllvm {major}.{minor}.{patch}\n{LlvmTargets.TripleOf(tm)}\n"
            + $"cpu generic, features none, PIC, default code model\n{level}\n{LlvmTargets.PipelineFor(level)}\n";
    }

    private static string Key(string header, LLVMModuleRef module)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(header));
        // the bitcode: the module exactly (as its text), and several times faster to write
        var buffer = LLVM.WriteBitcodeToMemoryBuffer(module);
        try
        {
            hash.Append(LLVM.GetBufferSpan(buffer));
        }
        finally
        {
            LLVM.DisposeMemoryBuffer(buffer);
        }
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>The LLVM module name of a unit (also in its IR, so part of its key).</summary>
    private static string ModuleName(CodeUnit unit) => unit.Name;
}
