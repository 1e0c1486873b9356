namespace Rayzor.LlvmBackend.Interop;

/// <summary>Optimization level of a build: the IR pipeline and the code generator's level.</summary>
public enum OptLevel
{
    /// <summary>No IR optimization; code generation at <c>LLVMCodeGenLevelNone</c>.</summary>
    O0,
    /// <summary><c>default&lt;O1&gt;</c>; code generation at <c>LLVMCodeGenLevelLess</c>.</summary>
    O1,
    /// <summary><c>default&lt;O2&gt;</c>; code generation at <c>LLVMCodeGenLevelDefault</c>.</summary>
    O2,
    /// <summary><c>default&lt;O3&gt;</c>; code generation at <c>LLVMCodeGenLevelAggressive</c>.</summary>
    O3,
}

/// <summary>
/// The few operations the backend needs around the raw <see cref="LLVM"/> bindings: target
/// registration, target machines for Rayzor's triples, the new-pass-manager pipeline, emission
/// to a file or to memory, printing and verifying modules.
/// </summary>
/// <remarks>
/// Thread safety: <see cref="InitializeTargets"/> may be called from any thread. A target machine
/// and a context (with its modules) must each be used by one thread at a time: parallel codegen
/// units each create their own context and target machine.
/// </remarks>
public static class LlvmTargets
{
    /// <summary>The default target: x86-64 Linux (GNU). Normalized by LLVM to <c>x86_64-unknown-linux-gnu</c>.</summary>
    public const string X86_64Linux = "x86_64-linux-gnu";

    /// <summary>AArch64 Linux (GNU). Normalized by LLVM to <c>aarch64-unknown-linux-gnu</c>.</summary>
    public const string AArch64Linux = "aarch64-linux-gnu";

    private static readonly Lock s_initLock = new();
    private static volatile bool s_initialized;

    /// <summary>
    /// Loads libLLVM (<see cref="Llvm.EnsureLoaded"/>) and registers the X86 and AArch64 targets
    /// (target info, target, MC, asm printer, asm parser). Idempotent and thread-safe.
    /// </summary>
    public static void InitializeTargets()
    {
        if (s_initialized)
            return;
        lock (s_initLock)
        {
            if (s_initialized)
                return;
            Llvm.EnsureLoaded();
            LLVM.InitializeX86TargetInfo();
            LLVM.InitializeX86Target();
            LLVM.InitializeX86TargetMC();
            LLVM.InitializeX86AsmPrinter();
            LLVM.InitializeX86AsmParser();
            LLVM.InitializeAArch64TargetInfo();
            LLVM.InitializeAArch64Target();
            LLVM.InitializeAArch64TargetMC();
            LLVM.InitializeAArch64AsmPrinter();
            LLVM.InitializeAArch64AsmParser();
            s_initialized = true;
        }
    }

    /// <summary>LLVM's normal form of <paramref name="triple"/> (<c>x86_64-linux-gnu</c> → <c>x86_64-unknown-linux-gnu</c>).</summary>
    public static string NormalizeTriple(string triple)
    {
        Llvm.EnsureLoaded();
        return LLVM.NormalizeTargetTriple(triple);
    }

    /// <summary>The code generator's level for <paramref name="level"/>.</summary>
    public static LLVMCodeGenOptLevel CodeGenLevel(OptLevel level) => level switch
    {
        OptLevel.O0 => LLVMCodeGenOptLevel.LLVMCodeGenLevelNone,
        OptLevel.O1 => LLVMCodeGenOptLevel.LLVMCodeGenLevelLess,
        OptLevel.O2 => LLVMCodeGenOptLevel.LLVMCodeGenLevelDefault,
        OptLevel.O3 => LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// The new-pass-manager pipeline text for <paramref name="level"/>: <c>default&lt;O0&gt;</c> ...
    /// <c>default&lt;O3&gt;</c>; O2 and O3 then run <see cref="RangeCheckElimination"/>.
    /// </summary>
    public static string PipelineFor(OptLevel level) => level switch
    {
        OptLevel.O0 => "default<O0>",
        OptLevel.O1 => "default<O1>",
        OptLevel.O2 => "default<O2>," + RangeCheckElimination,
        OptLevel.O3 => "default<O3>," + RangeCheckElimination,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>
    /// Inductive range-check elimination and its clean-up. Array, Vector and Bytes accesses test their
    /// index against the length (the in-bounds branch marked likely); <c>irce</c> splits a loop whose
    /// index steps by one so that its main part runs without the tests, after which the loads they
    /// guarded become unconditional and their invariant parts (an array's data pointer) are hoisted.
    /// </summary>
    public const string RangeCheckElimination = "function(irce,simplifycfg,instcombine,loop-mssa(licm),gvn,simplifycfg)";

    /// <summary>
    /// A target machine for <paramref name="triple"/> (normalized first) with position-independent
    /// code (<c>LLVMRelocPIC</c>, needed to link PIE executables) and the default code model.
    /// <paramref name="cpu"/> and <paramref name="features"/> default to the generic baseline of the
    /// architecture. Dispose it with <c>LLVM.DisposeTargetMachine</c>.
    /// Throws <see cref="LlvmException"/> for a triple LLVM has no registered target for.
    /// </summary>
    public static LLVMTargetMachineRef CreateTargetMachine(string triple, OptLevel level, string cpu = "generic",
        string features = "")
    {
        InitializeTargets();
        var normalized = LLVM.NormalizeTargetTriple(triple);
        if (LLVM.GetTargetFromTriple(normalized, out var target, out var error)) // true = failure
            throw new LlvmException($"no LLVM target for '{triple}': {error}");
        var tm = LLVM.CreateTargetMachine(target, normalized, cpu, features, CodeGenLevel(level),
            LLVMRelocMode.LLVMRelocPIC, LLVMCodeModel.LLVMCodeModelDefault);
        if (tm.IsNull)
            throw new LlvmException($"LLVM could not create a target machine for '{triple}' (cpu '{cpu}', features '{features}')");
        return tm;
    }

    /// <summary>The triple a target machine was created for.</summary>
    public static string TripleOf(LLVMTargetMachineRef tm) => LLVM.GetTargetMachineTriple(tm);

    /// <summary>The data layout string of a target machine (e.g. <c>e-m:e-p270:32:32-...</c>).</summary>
    public static string DataLayoutOf(LLVMTargetMachineRef tm)
    {
        var td = LLVM.CreateTargetDataLayout(tm);
        try
        {
            return LLVM.CopyStringRepOfTargetData(td);
        }
        finally
        {
            LLVM.DisposeTargetData(td);
        }
    }

    /// <summary>Sets the module's target triple and data layout from <paramref name="tm"/> (do it before optimizing).</summary>
    public static void ConfigureModule(LLVMModuleRef module, LLVMTargetMachineRef tm)
    {
        LLVM.SetTarget(module, TripleOf(tm));
        var td = LLVM.CreateTargetDataLayout(tm);
        try
        {
            LLVM.SetModuleDataLayout(module, td);
        }
        finally
        {
            LLVM.DisposeTargetData(td);
        }
    }

    /// <summary>
    /// Runs the new-pass-manager pipeline <paramref name="passes"/> (e.g. <c>default&lt;O2&gt;</c>,
    /// see <see cref="PipelineFor"/>) over <paramref name="module"/>. Returns null on success, else
    /// LLVM's error text (e.g. for a malformed pipeline). <paramref name="verifyEach"/> runs the
    /// verifier after each pass (slow; for debugging).
    /// </summary>
    public static string? RunPipeline(LLVMModuleRef module, LLVMTargetMachineRef tm, string passes, bool verifyEach = false)
    {
        var options = LLVM.CreatePassBuilderOptions();
        try
        {
            LLVM.PassBuilderOptionsSetVerifyEach(options, verifyEach);
            return LLVM.TakeErrorMessage(LLVM.RunPasses(module, passes, tm, options));
        }
        finally
        {
            LLVM.DisposePassBuilderOptions(options);
        }
    }

    /// <summary>
    /// Writes an object file (<c>.o</c>) for <paramref name="module"/> to <paramref name="path"/>.
    /// Throws <see cref="LlvmException"/> on failure. Code generation may change the module's IR
    /// (CodeGenPrepare): emit a module once, or emit a <c>LLVM.CloneModule</c> copy.
    /// </summary>
    public static void EmitObject(LLVMModuleRef module, LLVMTargetMachineRef tm, string path) =>
        EmitToFile(module, tm, path, LLVMCodeGenFileType.LLVMObjectFile);

    /// <summary>Writes an object or assembly file to <paramref name="path"/>. Throws <see cref="LlvmException"/> on failure.</summary>
    public static void EmitToFile(LLVMModuleRef module, LLVMTargetMachineRef tm, string path, LLVMCodeGenFileType fileType)
    {
        if (LLVM.TargetMachineEmitToFile(tm, module, path, fileType, out var error))
            throw new LlvmException($"LLVM could not emit '{path}': {error}");
    }

    /// <summary>The object code (<see cref="LLVMCodeGenFileType.LLVMObjectFile"/>) or assembly text (<see cref="LLVMCodeGenFileType.LLVMAssemblyFile"/>) of <paramref name="module"/>. Throws <see cref="LlvmException"/> on failure.</summary>
    public static byte[] EmitToMemory(LLVMModuleRef module, LLVMTargetMachineRef tm, LLVMCodeGenFileType fileType)
    {
        if (LLVM.TargetMachineEmitToMemoryBuffer(tm, module, fileType, out var error, out var buffer))
            throw new LlvmException($"LLVM could not emit code: {error}");
        try
        {
            return LLVM.GetBufferBytes(buffer);
        }
        finally
        {
            LLVM.DisposeMemoryBuffer(buffer);
        }
    }

    /// <summary>The textual IR of <paramref name="module"/>.</summary>
    public static string ModuleToString(LLVMModuleRef module) => LLVM.PrintModuleToString(module);

    /// <summary>Runs the IR verifier. Returns true when the module is valid; else <paramref name="message"/> says why.</summary>
    public static bool Verify(LLVMModuleRef module, out string message)
    {
        var broken = LLVM.VerifyModule(module, LLVMVerifierFailureAction.LLVMReturnStatusAction, out var text);
        message = text ?? "";
        return !broken;
    }

    /// <summary>Parses textual IR into a new module of <paramref name="context"/>. Throws <see cref="LlvmException"/> with LLVM's diagnostic on a syntax error.</summary>
    public static LLVMModuleRef ParseIR(LLVMContextRef context, string irText, string bufferName = "<ir>")
    {
        // LLVMParseIRInContext takes ownership of the buffer, also on failure.
        var buffer = LLVM.CreateMemoryBufferWithMemoryRangeCopy(irText, bufferName);
        if (LLVM.ParseIRInContext(context, buffer, out var module, out var error))
            throw new LlvmException($"invalid IR in {bufferName}: {error}");
        return module;
    }
}
