using Rayzor.Runtime.Memory;
using System.Diagnostics;
using Rayzor.LlvmBackend.Emit;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Jit;

/// <summary>
/// The compiling tier of the tiered `rayzor run` (docs/architecture.md "In-process JIT"): compiles
/// batches of hot functions into one LLJIT, each batch a module of its own in a context of its own
/// (ModuleEmitter.Tier.cs), against the interpreter's image: <c>resolve</c> gives the address of
/// every program-wide symbol (descriptors, static vars, the program block, free lists, thunks).
/// Used by one thread at a time (a background compiler's: each has its own TierCompiler and JIT).
/// </summary>
public sealed unsafe class TierCompiler(MirModule mir, OptLevel level, Func<string, nint> resolve, Func<IReadOnlyList<MirType>, bool> indirectCallFits)
{
    private LLVMOrcLLJITRef _jit;
    private LLVMOrcJITDylibRef _dylib;
    private LLVMTargetMachineRef _tm;
    private string _triple = "", _cpu = "", _features = "";
    private readonly HashSet<string> _compiled = [];
    private readonly HashSet<string> _defined = [];
    private int _batches;
    private const string DumpVariable = "RAYZOR_TIER_DUMP";

    /// <summary>
    /// Count the calls of the compiled functions for a compile at a higher level (ModuleEmitter
    /// <c>TierHeat</c>), when the host resolves <c>__rz_tier_hot</c>.
    /// </summary>
    public bool Heat { get; init; }

    /// Time spent in LLVM (emission, optimization, code generation), all batches.
    public TimeSpan Time { get; private set; }

    /// Whether the last <see cref="Compile"/> got as far as adding its module to the JIT (a failure
    /// then leaves its names defined, and compiling them again would clash).
    public bool Linked { get; private set; }

    /// Functions compiled so far.
    public int Count => _compiled.Count;

    /// Where the last <see cref="Compile"/> spent its time: emitting the IR (with starting LLVM
    /// on the first), the IR pipeline, code generation and linking in memory.
    public (TimeSpan Emit, TimeSpan Optimize, TimeSpan Codegen) Phases { get; private set; }

    /// <summary>
    /// Compiles <paramref name="names"/> (with internal copies of their small callees) and returns
    /// each one's entry wrapper (`i32 (i64* args, i64* result)`, ModuleEmitter.EmitTierEntry) and
    /// its code (what compiled callers of later batches call, through `tier.cell.F`), and for a
    /// function in a vtable or itable its bridge (`tier.bridge.F`).
    /// Throws <see cref="LlvmException"/> when a symbol cannot be resolved or LLVM fails; the
    /// functions then stay interpreted.
    /// </summary>
    public Dictionary<string, (nint Entry, nint Code, nint Bridge)> Compile(IReadOnlyCollection<string> names)
    {
        var clock = Stopwatch.StartNew();
        Linked = false;
        try
        {
            Start();
            var tsc = LLVM.OrcCreateNewThreadSafeContext();
            LLVMModuleRef module;
            try
            {
                using var emitter = Emit(ref names, tsc);
                var emitted = clock.Elapsed;
                ++_batches;
                Dump(emitter.Module, ".pre");
                if (level != OptLevel.O0 && LlvmTargets.RunPipeline(emitter.Module, _tm, LlvmTargets.PipelineFor(level)) is { } perr)
                    throw new LlvmException(perr);
                Phases = (emitted, clock.Elapsed - emitted, TimeSpan.Zero);
                DefineImports(emitter.Module);
                Dump(emitter.Module, "");
                module = emitter.DetachModule();
            }
            catch
            {
                LLVM.OrcDisposeThreadSafeContext(tsc);
                throw;
            }
            var tsm = LLVM.OrcCreateNewThreadSafeModule(module, tsc);
            LLVM.OrcDisposeThreadSafeContext(tsc);
            // from here the names are the JIT's: a failure is final for them (no second try)
            Linked = true;
            LLVM.ThrowIfError(LLVM.OrcLLJITAddLLVMIRModule(_jit, _dylib, tsm), "JIT");
            var entries = new Dictionary<string, (nint, nint, nint)>();
            foreach (var n in names)
            {
                ulong entry, code, bridge = 0;
                LLVM.ThrowIfError(LLVM.OrcLLJITLookup(_jit, &entry, ModuleEmitter.TierEntry + n), "JIT");
                LLVM.ThrowIfError(LLVM.OrcLLJITLookup(_jit, &code, n), "JIT");
                if (resolve(ModuleEmitter.TierBridgedQuery + n) != 0) LLVM.ThrowIfError(LLVM.OrcLLJITLookup(_jit, &bridge, ModuleEmitter.TierBridge + n), "JIT");
                entries[n] = ((nint)entry, (nint)code, (nint)bridge);
            }
            JitDebugObjects.Register(_jit);
            _compiled.UnionWith(names);
            Phases = Phases with { Codegen = clock.Elapsed - Phases.Emit - Phases.Optimize };
            return entries;
        }
        finally
        {
            Time += clock.Elapsed;
        }
    }

    /// <summary>
    /// The batch's module (with the callees <see cref="WithThunklessCallees"/> adds to
    /// <paramref name="names"/>), emitted while the host adds no function to the MIR module (other
    /// compiler threads of a tiered run add loop entries).
    /// </summary>
    private ModuleEmitter Emit(ref IReadOnlyCollection<string> names, LLVMOrcThreadSafeContextRef tsc)
    {
        lock (mir.Gate)
        {
            names = WithThunklessCallees(names);
            var plan = UnitPlan.Tier(mir, names);
            CheckIndirectCalls(plan.Units[1]);
            var emitter = new ModuleEmitter(mir, _tm, plan, 1, "tier", LLVM.OrcThreadSafeContextGetContext(tsc))
            {
                ForJit = true,
                ForTier = true,
                DebugInfo = DebugInfoLevel.LineTables, // compiled frames' lines (JitDebugObjects)
                Optimized = level != OptLevel.O0,
                TierBridged = names.Where(n => resolve(ModuleEmitter.TierBridgedQuery + n) != 0).ToHashSet(),
                TierHeat = Heat && resolve(ModuleEmitter.TierHotSymbol) != 0,
            };
            try
            {
                if (emitter.Emit() is { } invalid) throw new LlvmException("invalid LLVM IR: " + invalid);
                if (emitter.FinishTier(_compiled) is { } bad) throw new LlvmException("invalid tier IR: " + bad);
                return emitter;
            }
            catch
            {
                emitter.Dispose();
                throw;
            }
        }
    }

    /// The functions plus, transitively, the functions they call that are neither compiled nor
    /// callable through a thunk (too many arguments for the interpreter's shapes): those are
    /// compiled with them.
    private List<string> WithThunklessCallees(IReadOnlyCollection<string> names)
    {
        _byName = mir.Functions.ToDictionary(f => f.Name); // (the host adds loop entries as it goes)
        var all = new List<string>(names);
        var seen = names.ToHashSet();
        for (var k = 0; k < all.Count; k++)
            foreach (var i in _byName[all[k]].Blocks.SelectMany(b => b.Insts))
                if (i.Op == Opcode.Call && !_compiled.Contains(i.Sym!) && !seen.Contains(i.Sym!) && resolve(ModuleEmitter.TierCallee + i.Sym) == 0)
                {
                    seen.Add(i.Sym!);
                    all.Add(i.Sym!);
                }
        return all;
    }

    private Dictionary<string, MirFunction>? _byName;

    /// An indirect call may reach an interpreted function through its thunk, which exists only for
    /// signatures with few enough arguments (the interpreter's shapes): code making other indirect
    /// calls stays interpreted.
    private void CheckIndirectCalls(CodeUnit unit)
    {
        foreach (var f in unit.Functions.Concat(unit.Imports))
            foreach (var i in f.Blocks.SelectMany(b => b.Insts))
                if (i.Op is Opcode.CallClosure or Opcode.VCall or Opcode.ICall)
                {
                    var ps = i.Args.Select(a => f.TypeOf(a)).ToList();
                    if (i.Op == Opcode.CallClosure) ps[0] = MirType.Ptr;
                    if (!indirectCallFits(ps)) throw new LlvmException($"tier: {f.Name} makes an indirect call with {ps.Count} arguments");
                }
    }

    /// `RAYZOR_TIER_DUMP=DIR`: each batch's IR as emitted (DIR/batchN.pre.ll: `opt-19` it) and
    /// optimized (DIR/batchN.ll: read it, or `llc-19` it).
    private void Dump(LLVMModuleRef m, string suffix)
    {
        if (Environment.GetEnvironmentVariable(DumpVariable) is { } dir) LLVM.PrintModuleToFile(m, Path.Combine(dir, $"batch{_batches}{suffix}.ll"), out _);
    }

    /// <summary>Loads LLVM and makes the JIT (what the first <see cref="Compile"/> would do first).</summary>
    public void Prepare()
    {
        var clock = Stopwatch.StartNew();
        Start();
        Time += clock.Elapsed;
    }

    /// <summary>
    /// Runs a small loop (`i32 __rz_tier_warmup(i32 n)`, never called) through the whole path once:
    /// the first module through the pipeline, code generation and JITLink takes ~15-25 ms more than
    /// the next ones of its size, which a compiler thread with nothing queued yet pays ahead.
    /// </summary>
    public void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        Start();
        var tsc = LLVM.OrcCreateNewThreadSafeContext();
        var ctx = LLVM.OrcThreadSafeContextGetContext(tsc);
        var m = LLVM.ModuleCreateWithNameInContext("tier.warmup", ctx);
        LlvmTargets.ConfigureModule(m, _tm);
        var i32 = LLVM.Int32TypeInContext(ctx);
        var fn = LLVM.AddFunction(m, "__rz_tier_warmup", LLVM.FunctionType(i32, [i32], false));
        var b = LLVM.CreateBuilderInContext(ctx);
        var (entry, loop, exit) = (LLVM.AppendBasicBlockInContext(ctx, fn, "entry"), LLVM.AppendBasicBlockInContext(ctx, fn, "loop"), LLVM.AppendBasicBlockInContext(ctx, fn, "exit"));
        LLVM.PositionBuilderAtEnd(b, entry);
        LLVM.BuildBr(b, loop);
        LLVM.PositionBuilderAtEnd(b, loop);
        var (zero, one) = (LLVM.ConstInt(i32, 0, false), LLVM.ConstInt(i32, 1, false));
        var i = LLVM.BuildPhi(b, i32, "i");
        var s = LLVM.BuildPhi(b, i32, "s");
        var s1 = LLVM.BuildAdd(b, LLVM.BuildMul(b, s, LLVM.ConstInt(i32, 31, false), ""), i, "");
        var i1 = LLVM.BuildAdd(b, i, one, "");
        LLVM.AddIncoming(i, [zero, i1], [entry, loop]);
        LLVM.AddIncoming(s, [zero, s1], [entry, loop]);
        LLVM.BuildCondBr(b, LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntSLT, i1, LLVM.GetParam(fn, 0), ""), loop, exit);
        LLVM.PositionBuilderAtEnd(b, exit);
        LLVM.BuildRet(b, s1);
        LLVM.DisposeBuilder(b);
        if (level != OptLevel.O0 && LlvmTargets.RunPipeline(m, _tm, LlvmTargets.PipelineFor(level)) is { } error) throw new LlvmException(error);
        var tsm = LLVM.OrcCreateNewThreadSafeModule(m, tsc);
        LLVM.OrcDisposeThreadSafeContext(tsc);
        LLVM.ThrowIfError(LLVM.OrcLLJITAddLLVMIRModule(_jit, _dylib, tsm), "JIT");
        JitProgram.Lookup(_jit, "__rz_tier_warmup");
        Time += clock.Elapsed;
    }

    private void Start()
    {
        if (!_jit.IsNull) return;
        LlvmTargets.InitializeTargets();
        HostRoots.ExcludeSharedLibraries(); // libLLVM's data, loaded now
        _triple = LLVM.GetDefaultTargetTriple();
        (_cpu, _features) = (LLVM.GetHostCPUName(), LLVM.GetHostCPUFeatures());
        _tm = LlvmTargets.CreateTargetMachine(_triple, level, _cpu, _features);
        var builder = LLVM.OrcCreateLLJITBuilder();
        var jtmb = LLVM.OrcJITTargetMachineBuilderCreateFromTargetMachine(LlvmTargets.CreateTargetMachine(_triple, level, _cpu, _features));
        LLVM.OrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
        LLVMOrcLLJITRef jit;
        LLVM.ThrowIfError(LLVM.OrcCreateLLJIT(&jit, builder), "LLJIT");
        _jit = jit;
        JitDebugObjects.Capture(jit);
        _dylib = LLVM.OrcLLJITGetMainJITDylib(jit);
        LLVMOrcDefinitionGeneratorRef process;
        LLVM.ThrowIfError(LLVM.OrcCreateDynamicLibrarySearchGeneratorForProcess(&process, LLVM.OrcLLJITGetGlobalPrefix(jit), 0, 0), "JIT symbol search");
        LLVM.OrcJITDylibAddGenerator(_dylib, process);
    }

    /// Defines what the module uses but does not define, once per JIT: the host's symbols
    /// (<c>resolve</c>) and the runtime's exports; functions compiled by an earlier batch are the
    /// JIT's own, libc's come from the process search.
    private void DefineImports(LLVMModuleRef m)
    {
        var symbols = new List<(string, nint)>();
        void Need(string name)
        {
            if (name.StartsWith("llvm.", StringComparison.Ordinal) || _compiled.Contains(name) || _defined.Contains(name)) return;
            var a = resolve(name);
            if (a == 0) a = RuntimeSymbols.Find(name);
            if (a == 0)
            {
                if (name.StartsWith("tier.", StringComparison.Ordinal) || name.StartsWith("rz", StringComparison.Ordinal) || name.StartsWith("__rz", StringComparison.Ordinal) || _byName!.ContainsKey(name))
                    throw new LlvmException("tier: no address for " + name);
                return; // libc, libm
            }
            symbols.Add((name, a));
        }
        for (var fn = LLVM.GetFirstFunction(m); !fn.IsNull; fn = LLVM.GetNextFunction(fn))
            if (LLVM.IsDeclaration(fn) && LLVM.GetValueName2(fn) is { } n) Need(n);
        for (var g = LLVM.GetFirstGlobal(m); !g.IsNull; g = LLVM.GetNextGlobal(g))
            if (LLVM.IsDeclaration(g) && LLVM.GetValueName2(g) is { } n) Need(n);
        JitProgram.DefineAbsolute(_jit, _dylib, symbols);
        foreach (var (n, _) in symbols) _defined.Add(n);
    }
}
