using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.LlvmBackend.Emit;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.LlvmBackend.Jit;

/// Time spent in each stage of an in-process run (`rayzor run --stats`).
public sealed class JitStats
{
    /// Loading libLLVM and making target machines; emitting the IR; the IR pipeline; code generation
    /// and in-memory linking; running the program.
    public TimeSpan Load, Emit, Optimize, Codegen, Run;
    public int Functions;

    /// Called once the program is compiled, before it runs (which may end the process).
    public Action<JitStats>? Compiled;
}

/// <summary>
/// Compiles a whole MIR program with LLVM's LLJIT in this process and runs it (`rayzor run --tier
/// max`): the same module a native build emits (without its C `main`), optimized by the same
/// pipeline, linked in memory by JITLink against the runtime already in this process (the exports'
/// own [UnmanagedCallersOnly] methods as absolute symbols, docs/architecture.md "In-process JIT").
/// No object file, linker or executable. One program per process.
/// </summary>
public static unsafe class JitProgram
{
    /// The Haxe thread's stack: reserved, committed by the OS as it is used (as a native program's).
    private const int StackSize = 1 << 30;

    /// The name of the table of mutable globals' bounds (see <see cref="AddRootTable"/>).
    private const string RootTable = "__rz_jit_roots";

    private static int s_runs;

    /// <summary>
    /// Compiles <paramref name="mir"/> at <paramref name="level"/> for this machine's CPU and runs
    /// its entry on a thread with a 1 GB stack; returns the exit code (0: `Sys.exit` and uncaught
    /// exceptions end the process from the runtime, as in a native program).
    /// Throws <see cref="LlvmException"/> when LLVM fails.
    /// </summary>
    public static int Run(MirModule mir, OptLevel level, string programName, IReadOnlyList<string> args, JitStats? stats = null)
    {
        if (Interlocked.Increment(ref s_runs) != 1) throw new InvalidOperationException("one JIT-compiled program per process");
        stats ??= new JitStats();
        var clock = Stopwatch.StartNew();
        HostLibraries.Register();
        LlvmTargets.InitializeTargets();
        var triple = LLVM.GetDefaultTargetTriple();
        var (cpu, features) = (LLVM.GetHostCPUName(), LLVM.GetHostCPUFeatures());
        var tm = LlvmTargets.CreateTargetMachine(triple, level, cpu, features);
        stats.Load = clock.Elapsed;
        var tsc = LLVM.OrcCreateNewThreadSafeContext();
        LLVMModuleRef module;
        int roots;
        var imports = new List<(string Name, nint Address)>();
        try
        {
            using var emitter = new ModuleEmitter(mir, tm, "main", LLVM.OrcThreadSafeContextGetContext(tsc))
            {
                ForJit = true,
                DebugInfo = DebugInfoLevel.LineTables, // frames' lines (JitDebugObjects)
                Optimized = level != OptLevel.O0,
            };
            if (emitter.Emit() is { } invalid) throw new LlvmException("invalid LLVM IR: " + invalid);
            stats.Emit = clock.Elapsed - stats.Load;
            if (level != OptLevel.O0 && LlvmTargets.RunPipeline(emitter.Module, tm, LlvmTargets.PipelineFor(level)) is { } perr)
                throw new LlvmException(perr);
            stats.Optimize = clock.Elapsed - stats.Load - stats.Emit;
            roots = AddRootTable(emitter.Module);
            JitFrames.Expose(emitter.Module, mir);
            var names = Imports(emitter.Module, out var functions);
            foreach (var name in names)
                if (RuntimeSymbols.Find(name) is var a and not 0) imports.Add((name, a));
            stats.Functions = functions;
            module = emitter.DetachModule();
        }
        finally
        {
            LLVM.DisposeTargetMachine(tm);
        }
        var tsm = LLVM.OrcCreateNewThreadSafeModule(module, tsc);
        LLVM.OrcDisposeThreadSafeContext(tsc); // the module keeps its context alive

        var jit = CreateJit(triple, level, cpu, features);
        JitDebugObjects.Capture(jit);
        var dylib = LLVM.OrcLLJITGetMainJITDylib(jit);
        DefineAbsolute(jit, dylib, imports);
        LLVMOrcDefinitionGeneratorRef process;
        LLVM.ThrowIfError(LLVM.OrcCreateDynamicLibrarySearchGeneratorForProcess(&process, LLVM.OrcLLJITGetGlobalPrefix(jit), 0, 0), "JIT symbol search");
        LLVM.OrcJITDylibAddGenerator(dylib, process);
        LLVM.ThrowIfError(LLVM.OrcLLJITAddLLVMIRModule(jit, dylib, tsm), "JIT");
        // the first lookup compiles and links the module
        var start = Lookup(jit, "__rz_start");
        var program = (RzProgram*)((delegate* unmanaged<void*>)Lookup(jit, "rz_program"))();
        var table = (void**)Lookup(jit, RootTable);
        var stackLimit = (void**)Lookup(jit, ModuleEmitter.StackLimitSymbol);
        JitDebugObjects.Register(jit);
        JitFrames.Install(jit);
        stats.Codegen = clock.Elapsed - stats.Load - stats.Emit - stats.Optimize;

        program->Argc = args.Count + 1;
        program->Argv = Argv(programName, args);
        Heap.SetMinBytesBetweenCollections(Heap.DefaultBytesBetweenCollections);
        Rt.Attach(program); // Boehm starts here, on the main thread, before any Haxe object exists
        AddRoots(table, roots);
        stats.Compiled?.Invoke(stats);
        var before = clock.Elapsed;
        RunOnHaxeThread((delegate* unmanaged<void>)start, stackLimit);
        stats.Run = clock.Elapsed - before;
        // the JIT stays alive: the runtime's state (descriptors, literals) points into its memory
        GC.KeepAlive(jit);
        return 0;
    }

    private static LLVMOrcLLJITRef CreateJit(string triple, OptLevel level, string cpu, string features)
    {
        var builder = LLVM.OrcCreateLLJITBuilder();
        // consumes the target machine: code generation at the level of the build, for this CPU
        var jtmb = LLVM.OrcJITTargetMachineBuilderCreateFromTargetMachine(LlvmTargets.CreateTargetMachine(triple, level, cpu, features));
        LLVM.OrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
        LLVMOrcLLJITRef jit;
        LLVM.ThrowIfError(LLVM.OrcCreateLLJIT(&jit, builder), "LLJIT");
        return jit;
    }

    internal static ulong Lookup(LLVMOrcLLJITRef jit, string name)
    {
        ulong address;
        LLVM.ThrowIfError(LLVM.OrcLLJITLookup(jit, &address, name), "JIT");
        return address;
    }

    /// The functions the module calls but does not define (LLVM intrinsics aside).
    private static List<string> Imports(LLVMModuleRef m, out int defined)
    {
        var names = new List<string>();
        defined = 0;
        for (var fn = LLVM.GetFirstFunction(m); !fn.IsNull; fn = LLVM.GetNextFunction(fn))
        {
            if (!LLVM.IsDeclaration(fn)) { defined++; continue; }
            if (LLVM.GetValueName2(fn) is { } n && !n.StartsWith("llvm.", StringComparison.Ordinal)) names.Add(n);
        }
        return names;
    }

    internal static void DefineAbsolute(LLVMOrcLLJITRef jit, LLVMOrcJITDylibRef dylib, List<(string Name, nint Address)> symbols)
    {
        if (symbols.Count == 0) return;
        var pairs = new LLVMOrcCSymbolMapPair[symbols.Count];
        for (var i = 0; i < pairs.Length; i++)
            pairs[i] = new LLVMOrcCSymbolMapPair
            {
                Name = LLVM.OrcLLJITMangleAndIntern(jit, symbols[i].Name),
                Address = (ulong)symbols[i].Address,
                GenericFlags = (byte)(LLVMJITSymbolGenericFlags.LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlags.LLVMJITSymbolGenericFlagsCallable),
            };
        fixed (LLVMOrcCSymbolMapPair* p = pairs)
        {
            var unit = LLVM.OrcAbsoluteSymbols((nint)p, (nuint)pairs.Length);
            LLVM.ThrowIfError(LLVM.OrcJITDylibDefine(dylib, unit), "JIT symbols");
        }
    }

    /// <summary>
    /// A constant table of the [start, end) bounds of every mutable global (static vars, free-list
    /// heads, enum singletons, the program block). In an executable Boehm scans the data segment;
    /// JITLink's memory is unknown to it, so the host registers these ranges as roots.
    /// </summary>
    private static int AddRootTable(LLVMModuleRef m)
    {
        var ctx = LLVM.GetModuleContext(m);
        var ptr = LLVM.PointerTypeInContext(ctx, 0);
        var one = LLVM.ConstInt(LLVM.Int64TypeInContext(ctx), 1, false);
        var bounds = new List<LLVMValueRef>();
        for (var g = LLVM.GetFirstGlobal(m); !g.IsNull; g = LLVM.GetNextGlobal(g))
        {
            if (LLVM.IsDeclaration(g) || LLVM.IsGlobalConstant(g)) continue;
            bounds.Add(g);
            bounds.Add(LLVM.ConstInBoundsGEP2(LLVM.GlobalGetValueType(g), g, [one]));
        }
        var init = LLVM.ConstArray2(ptr, bounds.ToArray());
        var table = LLVM.AddGlobal(m, LLVM.TypeOf(init), RootTable);
        LLVM.SetInitializer(table, init);
        LLVM.SetGlobalConstant(table, true);
        return bounds.Count / 2;
    }

    /// One root range from the lowest start to the highest end: JITLink places a module's writable
    /// data in one segment of one allocation, so what lies between is that module's data too.
    private static void AddRoots(void** table, int count)
    {
        if (count == 0) return;
        var (low, high) = ((nuint)table[0], (nuint)table[1]);
        for (var i = 1; i < count; i++)
        {
            low = Math.Min(low, (nuint)table[2 * i]);
            high = Math.Max(high, (nuint)table[2 * i + 1]);
        }
        Heap.AddRoots((void*)low, (void*)high);
    }

    /// `argv` as a C program gets it: the program's name, then the arguments (never freed).
    private static byte** Argv(string programName, IReadOnlyList<string> args)
    {
        var argv = (byte**)NativeMemory.AllocZeroed((nuint)(sizeof(byte*) * (args.Count + 2)));
        for (var i = 0; i <= args.Count; i++)
            argv[i] = (byte*)Marshal.StringToCoTaskMemUTF8(i == 0 ? programName : args[i - 1]);
        return argv;
    }

    /// Room left below the limit for the frames of a throw (the runtime's, libc's): as the interpreter.
    private const int StackMargin = 1 << 20;

    /// JIT functions throw `"Stack overflow"` when their frame is below this (FunctionEmitter's stack check).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SetStackLimit(void** cell)
    {
        var here = stackalloc byte[1];
        *cell = here - StackSize + StackMargin;
    }

    /// Runs the entry on a thread of its own, registered with Boehm: the main thread's 8 MB stack
    /// would allow far less recursion than a native program has.
    private static void RunOnHaxeThread(delegate* unmanaged<void> start, void** stackLimit)
    {
        HostThreads.AllowRegistration();
        var entry = (nint)start;
        var limit = (nint)stackLimit;
        var thread = new Thread(() =>
        {
            HostThreads.RegisterCurrent();
            SetStackLimit((void**)limit);
            ((delegate* unmanaged<void>)entry)();
            Output.Flush();
        }, StackSize);
        thread.Start();
        thread.Join();
    }
}
