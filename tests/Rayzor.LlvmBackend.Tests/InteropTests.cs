using System.Diagnostics;
using System.Text;
using Rayzor.LlvmBackend.Interop;

namespace Rayzor.LlvmBackend.Tests;

/// <summary>
/// The LLVM-C bindings end to end: build IR with the builder, verify, optimize, emit objects for
/// x86-64 and AArch64, link the x86-64 one with <c>cc</c> and run it.
/// </summary>
public sealed class InteropTests : IDisposable
{
    private readonly LLVMContextRef _ctx;
    private readonly List<LLVMTargetMachineRef> _machines = [];
    private readonly DirectoryInfo _dir;

    public InteropTests()
    {
        LlvmTargets.InitializeTargets();
        _ctx = LLVM.ContextCreate();
        _dir = Directory.CreateTempSubdirectory("rayzor-interop-");
    }

    public void Dispose()
    {
        foreach (var tm in _machines)
            LLVM.DisposeTargetMachine(tm);
        LLVM.ContextDispose(_ctx);
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // ---- loading ---------------------------------------------------------------------------

    [Fact]
    public void LoadsLlvm19()
    {
        Llvm.EnsureLoaded();
        Assert.True(Llvm.IsLoaded);
        Assert.NotNull(Llvm.LoadedFrom);
        Assert.Equal(19, LLVM.GetVersion().Major);
    }

    [Fact]
    public void MissingLibraryGivesAnInstallHint()
    {
        var ok = Llvm.TryLoadFirst(["/nonexistent/libLLVM-19.so", "libLLVM-does-not-exist.so.7"],
            out var handle, out var from, out var failure);
        Assert.False(ok);
        Assert.Equal(0, handle);
        Assert.Null(from);
        Assert.NotNull(failure);
        Assert.Contains("/nonexistent/libLLVM-19.so", failure.Message);
        Assert.Contains("libLLVM-does-not-exist.so.7", failure.Message);
        Assert.Contains("cannot open shared object file", failure.Message);   // the dlerror() text
        Assert.Contains(failure.Tried, t => t.StartsWith("/nonexistent/libLLVM-19.so: ", StringComparison.Ordinal));
        Assert.Contains("libllvm19", failure.Message);
        Assert.Contains(Llvm.OverrideVariable, failure.Message);
    }

    [Fact]
    public void WrongLibraryIsRejected()
    {
        // libc loads but has no LLVMGetVersion: it must not be taken for libLLVM.
        var ok = Llvm.TryLoadFirst(["libc.so.6"], out _, out _, out var failure);
        Assert.False(ok);
        Assert.Contains("not libLLVM", failure!.Message);
    }

    // ---- build, verify, optimize, emit, link, run ----------------------------------------------

    [Fact]
    public void HelloLoopVerifiesAndOptimizes()
    {
        var m = BuildHelloModule();
        Assert.True(LlvmTargets.Verify(m, out var message), message);
        var before = LlvmTargets.ModuleToString(m);
        Assert.Contains("phi i32", before);
        Assert.Contains("declare i32 @puts(ptr", before);
        Assert.Contains("c\"hello from rayzor\\00\"", before);

        var tm = Machine(LlvmTargets.X86_64Linux, OptLevel.O2);
        LlvmTargets.ConfigureModule(m, tm);
        Assert.Null(LlvmTargets.RunPipeline(m, tm, LlvmTargets.PipelineFor(OptLevel.O2)));
        Assert.True(LlvmTargets.Verify(m, out message), message);
        var after = LlvmTargets.ModuleToString(m);
        Assert.DoesNotContain("phi", after);        // the loop folded away
        Assert.Contains("ret i32 45", after);
        Assert.Contains("target triple = \"x86_64-unknown-linux-gnu\"", after);
        Assert.Contains("target datalayout = \"e-m:e", after);
        LLVM.DisposeModule(m);
    }

    [Theory]
    [InlineData(OptLevel.O0)]
    [InlineData(OptLevel.O2)]
    [InlineData(OptLevel.O3)]
    public void HelloLoopLinksAndRunsOnX86_64(OptLevel level)
    {
        var m = BuildHelloModule();
        var tm = Machine(LlvmTargets.X86_64Linux, level);
        LlvmTargets.ConfigureModule(m, tm);
        Assert.Null(LlvmTargets.RunPipeline(m, tm, LlvmTargets.PipelineFor(level)));
        var obj = Path.Combine(_dir.FullName, $"hello-{level}.o");
        LlvmTargets.EmitObject(m, tm, obj);
        LLVM.DisposeModule(m);

        var (exit, stdout) = LinkAndRun(obj);
        Assert.Equal("hello from rayzor\n", stdout);
        Assert.Equal(45, exit);
    }

    [Fact]
    public void EmitsAnAArch64Object()
    {
        var m = BuildHelloModule();
        var tm = Machine(LlvmTargets.AArch64Linux, OptLevel.O2);
        Assert.Equal("aarch64-unknown-linux-gnu", LlvmTargets.TripleOf(tm));
        LlvmTargets.ConfigureModule(m, tm);
        Assert.Null(LlvmTargets.RunPipeline(m, tm, "default<O2>"));
        var bytes = LlvmTargets.EmitToMemory(m, tm, LLVMCodeGenFileType.LLVMObjectFile);
        LLVM.DisposeModule(m);

        AssertElf(bytes, machine: 0xB7);                // EM_AARCH64
        Assert.True(ContainsAscii(bytes, "hello from rayzor"));
        Assert.True(ContainsAscii(bytes, "puts"));

        // The same through a file.
        var m2 = BuildHelloModule();
        LlvmTargets.ConfigureModule(m2, tm);
        var path = Path.Combine(_dir.FullName, "hello-arm64.o");
        LlvmTargets.EmitObject(m2, tm, path);
        LLVM.DisposeModule(m2);
        AssertElf(File.ReadAllBytes(path), machine: 0xB7);
    }

    [Fact]
    public void EmitsX86_64ObjectAndAssemblyToMemory()
    {
        var tm = Machine(LlvmTargets.X86_64Linux, OptLevel.O2);
        var m = BuildHelloModule();
        LlvmTargets.ConfigureModule(m, tm);
        AssertElf(LlvmTargets.EmitToMemory(m, tm, LLVMCodeGenFileType.LLVMObjectFile), machine: 0x3E); // EM_X86_64
        LLVM.DisposeModule(m);

        var m2 = BuildHelloModule();
        LlvmTargets.ConfigureModule(m2, tm);
        var asm = Encoding.UTF8.GetString(LlvmTargets.EmitToMemory(m2, tm, LLVMCodeGenFileType.LLVMAssemblyFile));
        LLVM.DisposeModule(m2);
        Assert.Contains("main:", asm);
        Assert.Contains("puts", asm);
    }

    [Theory]
    [InlineData(OptLevel.O0)]
    [InlineData(OptLevel.O2)]
    public void IntrinsicsMemoryAndAggregatesRun(OptLevel level)
    {
        var m = BuildMathModule();
        Assert.True(LlvmTargets.Verify(m, out var message), message);
        var ir = LlvmTargets.ModuleToString(m);
        Assert.Contains("call double @llvm.sqrt.f64(double", ir);
        Assert.Contains("call double @llvm.floor.f64(double", ir);
        Assert.Contains("call double @llvm.fabs.f64(double", ir);
        Assert.Contains("call i32 @llvm.fptosi.sat.i32.f64(double", ir);
        Assert.Contains("@llvm.memset.p0.i64", ir);
        Assert.Contains("@llvm.memcpy.p0.p0.i64", ir);
        Assert.Contains("store volatile i32", ir);
        Assert.Contains("noinline nounwind", ir);
        Assert.Contains("%Point = type { i32, double }", ir);
        Assert.Contains("section \".rodata.rayzor\"", ir);

        var tm = Machine(LlvmTargets.X86_64Linux, level);
        LlvmTargets.ConfigureModule(m, tm);
        Assert.Null(LlvmTargets.RunPipeline(m, tm, LlvmTargets.PipelineFor(level)));
        Assert.True(LlvmTargets.Verify(m, out message), message);
        var obj = Path.Combine(_dir.FullName, $"math-{level}.o");
        LlvmTargets.EmitObject(m, tm, obj);
        LLVM.DisposeModule(m);

        var (exit, stdout) = LinkAndRun(obj);
        Assert.Equal("45 0 100 7 30 65 9 12\n", stdout);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void IntrinsicLookupByBaseAndMangledName()
    {
        var id = LLVM.LookupIntrinsicID("llvm.sqrt");
        Assert.NotEqual(0u, id);
        Assert.Equal(id, LLVM.LookupIntrinsicID("llvm.sqrt.f64"));
        Assert.Equal(0u, LLVM.LookupIntrinsicID("llvm.no.such.intrinsic"));
        Assert.True(LLVM.IntrinsicIsOverloaded(id));
        Assert.Equal("llvm.sqrt", LLVM.IntrinsicGetName(id));
        Assert.Throws<ArgumentException>(() =>
            LLVM.GetIntrinsicDeclaration(default, "llvm.no.such.intrinsic", LLVM.DoubleTypeInContext(_ctx)));
    }

    // ---- diagnostics -------------------------------------------------------------------------

    [Fact]
    public void VerifierExplainsABrokenModule()
    {
        var m = LLVM.ModuleCreateWithNameInContext("broken", _ctx);
        var fnTy = LLVM.FunctionType(LLVM.Int32TypeInContext(_ctx), [], false);
        var fn = LLVM.AddFunction(m, "f", fnTy);
        LLVM.AppendBasicBlockInContext(_ctx, fn, "entry");   // an empty block: no terminator

        Assert.False(LlvmTargets.Verify(m, out var message));
        Assert.Contains("terminator", message, StringComparison.OrdinalIgnoreCase);
        Assert.True(LLVM.VerifyFunction(fn, LLVMVerifierFailureAction.LLVMReturnStatusAction)); // true = broken
        LLVM.DisposeModule(m);
    }

    [Fact]
    public void ParsesTextualIrAndReportsSyntaxErrors()
    {
        var m = LlvmTargets.ParseIR(_ctx, """
            define i32 @twice(i32 %x) {
              %y = shl nsw i32 %x, 1
              ret i32 %y
            }
            """, "twice.ll");
        var fn = LLVM.GetNamedFunction(m, "twice");
        Assert.False(fn.IsNull);
        Assert.Equal("twice", LLVM.GetValueName2(fn));
        Assert.Equal(1u, LLVM.CountParams(fn));
        Assert.True(LlvmTargets.Verify(m, out _));
        LLVM.DisposeModule(m);

        var e = Assert.Throws<LlvmException>(() => LlvmTargets.ParseIR(_ctx, "define i32 @bad( {", "bad.ll"));
        Assert.Contains("bad.ll", e.Message);
    }

    [Fact]
    public void BadPipelineIsReportedAsText()
    {
        var m = BuildHelloModule();
        var tm = Machine(LlvmTargets.X86_64Linux, OptLevel.O2);
        var error = LlvmTargets.RunPipeline(m, tm, "no-such-pass");
        Assert.NotNull(error);
        Assert.Contains("no-such-pass", error);
        LLVM.DisposeModule(m);
    }

    [Fact]
    public void DiagnosticSinkCapturesBackendErrors()
    {
        // Without a sink LLVM's default handler prints the error and calls exit(1).
        using var sink = new LlvmDiagnosticSink(_ctx);
        var m = LLVM.ModuleCreateWithNameInContext("asm", _ctx);
        var voidFn = LLVM.FunctionType(LLVM.VoidTypeInContext(_ctx), [], false);
        var f = LLVM.AddFunction(m, "f", voidFn);
        var b = LLVM.CreateBuilderInContext(_ctx);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(_ctx, f, "entry"));
        var asm = LLVM.GetInlineAsm(voidFn, "bogus_instruction_xyz %eax", "", true, false,
            LLVMInlineAsmDialect.LLVMInlineAsmDialectATT, false);
        LLVM.BuildCall2(b, voidFn, asm, []);
        LLVM.BuildRetVoid(b);
        LLVM.DisposeBuilder(b);
        Assert.True(LlvmTargets.Verify(m, out var message), message);

        var tm = Machine(LlvmTargets.X86_64Linux, OptLevel.O0);
        LlvmTargets.ConfigureModule(m, tm);
        try
        {
            LlvmTargets.EmitToMemory(m, tm, LLVMCodeGenFileType.LLVMObjectFile);
        }
        catch (LlvmException)
        {
            // emission may or may not report failure itself; the sink has the reason
        }
        LLVM.DisposeModule(m);
        Assert.True(sink.HasErrors);
        Assert.Contains(sink.Diagnostics, d => d.Message.Contains("invalid instruction mnemonic", StringComparison.Ordinal));
        Assert.StartsWith("error: ", sink.Diagnostics[0].ToString());
        Assert.DoesNotContain(sink.Diagnostics, d => d.Severity == LLVMDiagnosticSeverity.LLVMDSRemark);
    }

    [Fact]
    public void UnknownTripleThrows()
    {
        var e = Assert.Throws<LlvmException>(() => LlvmTargets.CreateTargetMachine("riscv64-linux-gnu", OptLevel.O2));
        Assert.Contains("riscv64", e.Message);
    }

    [Fact]
    public void AttributesByName()
    {
        var m = LLVM.ModuleCreateWithNameInContext("attrs", _ctx);
        var voidTy = LLVM.VoidTypeInContext(_ctx);
        var ptr = LLVM.PointerTypeInContext(_ctx, 0);
        var fn = LLVM.AddFunction(m, "die", LLVM.FunctionType(voidTy, [ptr], false));
        LLVM.AddFunctionAttribute(fn, "noreturn");
        LLVM.AddFunctionAttribute(fn, "nounwind");
        LLVM.AddFunctionAttribute(fn, "cold");
        LLVM.AddAttribute(fn, LLVM.AttributeParamIndex(0), "nonnull");
        LLVM.AddAttribute(fn, LLVM.AttributeParamIndex(0), "dereferenceable", 8);
        LLVM.AddFunctionStringAttribute(fn, "frame-pointer", "all");
        LLVM.SetFunctionCallConv(fn, LLVMCallConv.LLVMColdCallConv);
        var ir = LlvmTargets.ModuleToString(m);
        Assert.Contains("declare coldcc void @die(ptr nonnull dereferenceable(8))", ir);
        Assert.Contains("noreturn", ir);
        Assert.Contains("\"frame-pointer\"=\"all\"", ir);
        Assert.Throws<ArgumentException>(() => LLVM.AddFunctionAttribute(fn, "no-such-attribute"));
        LLVM.DisposeModule(m);
    }

    [Fact]
    public void DebugInfoLineTables()
    {
        var m = LLVM.ModuleCreateWithNameInContext("dbg", _ctx);
        var i32 = LLVM.Int32TypeInContext(_ctx);
        var main = LLVM.AddFunction(m, "main", LLVM.FunctionType(i32, [], false));

        var di = LLVM.CreateDIBuilder(m);
        var file = LLVM.DIBuilderCreateFile(di, "Main.hx", "/src/app");
        LLVM.DIBuilderCreateCompileUnit(di, LLVMDWARFSourceLanguage.LLVMDWARFSourceLanguageC, file, "rayzor", false,
            "", 0, "", LLVMDWARFEmissionKind.LLVMDWARFEmissionFull, 0, false, false, "", "");
        var subTy = LLVM.DIBuilderCreateSubroutineType(di, file, [], LLVMDIFlags.LLVMDIFlagZero);
        var sp = LLVM.DIBuilderCreateFunction(di, file, "main", "main", file, 3, subTy, false, true, 3,
            LLVMDIFlags.LLVMDIFlagPrototyped, false);
        LLVM.SetSubprogram(main, sp);

        var b = LLVM.CreateBuilderInContext(_ctx);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(_ctx, main, "entry"));
        LLVM.SetCurrentDebugLocation2(b, LLVM.DIBuilderCreateDebugLocation(_ctx, 5, 9, sp, default));
        LLVM.BuildRet(b, LLVM.ConstInt(i32, 0, false));
        LLVM.DisposeBuilder(b);
        LLVM.DIBuilderFinalize(di);
        LLVM.DisposeDIBuilder(di);
        LLVM.AddModuleFlag(m, LLVMModuleFlagBehavior.LLVMModuleFlagBehaviorWarning, "Debug Info Version",
            LLVM.ValueAsMetadata(LLVM.ConstInt(i32, LLVM.DebugMetadataVersion(), false)));
        LLVM.AddModuleFlag(m, LLVMModuleFlagBehavior.LLVMModuleFlagBehaviorWarning, "Dwarf Version",
            LLVM.ValueAsMetadata(LLVM.ConstInt(i32, 5, false)));

        Assert.True(LlvmTargets.Verify(m, out var message), message);
        var ir = LlvmTargets.ModuleToString(m);
        Assert.Contains("!DILocation(line: 5, column: 9", ir);
        Assert.Contains("!DIFile(filename: \"Main.hx\", directory: \"/src/app\")", ir);

        var tm = Machine(LlvmTargets.X86_64Linux, OptLevel.O0);
        LlvmTargets.ConfigureModule(m, tm);
        var obj = LlvmTargets.EmitToMemory(m, tm, LLVMCodeGenFileType.LLVMObjectFile);
        LLVM.DisposeModule(m);
        Assert.True(ContainsAscii(obj, ".debug_line"));
        Assert.True(ContainsAscii(obj, "Main.hx"));
    }

    [Fact]
    public void OptLevelsMapToCodeGenLevels()
    {
        Assert.Equal(LLVMCodeGenOptLevel.LLVMCodeGenLevelNone, LlvmTargets.CodeGenLevel(OptLevel.O0));
        Assert.Equal(LLVMCodeGenOptLevel.LLVMCodeGenLevelDefault, LlvmTargets.CodeGenLevel(OptLevel.O2));
        Assert.Equal(LLVMCodeGenOptLevel.LLVMCodeGenLevelAggressive, LlvmTargets.CodeGenLevel(OptLevel.O3));
        Assert.Equal("default<O2>," + LlvmTargets.RangeCheckElimination, LlvmTargets.PipelineFor(OptLevel.O2));
        Assert.Equal("x86_64-unknown-linux-gnu", LlvmTargets.NormalizeTriple("x86_64-linux-gnu"));
    }

    // ---- modules under test -----------------------------------------------------------------

    /// <summary>
    /// <c>main</c> calls <c>puts("hello from rayzor")</c> and returns the sum 0 + 1 + ... + 9 = 45
    /// computed by a loop with two phis.
    /// </summary>
    private LLVMModuleRef BuildHelloModule()
    {
        var ctx = _ctx;
        var m = LLVM.ModuleCreateWithNameInContext("hello", ctx);
        var i32 = LLVM.Int32TypeInContext(ctx);
        var ptr = LLVM.PointerTypeInContext(ctx, 0);
        var putsTy = LLVM.FunctionType(i32, [ptr], false);
        var puts = LLVM.AddFunction(m, "puts", putsTy);
        var mainTy = LLVM.FunctionType(i32, [], false);
        var main = LLVM.AddFunction(m, "main", mainTy);
        var text = LLVM.AddGlobalString(m, "hello from rayzor", ".str.hello");

        var b = LLVM.CreateBuilderInContext(ctx);
        var entry = LLVM.AppendBasicBlockInContext(ctx, main, "entry");
        var loop = LLVM.AppendBasicBlockInContext(ctx, main, "loop");
        var exit = LLVM.AppendBasicBlockInContext(ctx, main, "exit");
        var zero = LLVM.ConstInt(i32, 0, false);

        LLVM.PositionBuilderAtEnd(b, entry);
        LLVM.BuildCall2(b, putsTy, puts, [text]);
        LLVM.BuildBr(b, loop);

        LLVM.PositionBuilderAtEnd(b, loop);
        var i = LLVM.BuildPhi(b, i32, "i");
        var sum = LLVM.BuildPhi(b, i32, "sum");
        var sumNext = LLVM.BuildAdd(b, sum, i, "sum.next");
        var iNext = LLVM.BuildNSWAdd(b, i, LLVM.ConstInt(i32, 1, false), "i.next");
        var done = LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntEQ, iNext, LLVM.ConstInt(i32, 10, false), "done");
        LLVM.BuildCondBr(b, done, exit, loop);
        LLVM.AddIncoming(i, [zero, iNext], [entry, loop]);
        LLVM.AddIncoming(sum, [zero, sumNext], [entry, loop]);

        LLVM.PositionBuilderAtEnd(b, exit);
        LLVM.BuildRet(b, sumNext);
        LLVM.DisposeBuilder(b);

        Assert.False(LLVM.GetBasicBlockTerminator(exit).IsNull);
        return m;
    }

    /// <summary>
    /// A program touching the rest of the builder: intrinsics (sqrt, floor, fabs, fptosi.sat),
    /// memset/memcpy, alloca/volatile load/store with alignment, GEPs (instruction and constant),
    /// switch + phi, select, insertvalue/extractvalue, a named struct constant, a constant array,
    /// casts, and a varargs call to printf. Prints "45 0 100 7 30 65 9 12".
    /// </summary>
    private LLVMModuleRef BuildMathModule()
    {
        var ctx = _ctx;
        var m = LLVM.ModuleCreateWithNameInContext("math", ctx);
        var i8 = LLVM.Int8TypeInContext(ctx);
        var i32 = LLVM.Int32TypeInContext(ctx);
        var i64 = LLVM.Int64TypeInContext(ctx);
        var f64 = LLVM.DoubleTypeInContext(ctx);
        var ptr = LLVM.PointerTypeInContext(ctx, 0);
        LLVMValueRef I32(long v) => LLVM.ConstInt(i32, unchecked((ulong)v), true);
        LLVMValueRef I64(long v) => LLVM.ConstInt(i64, unchecked((ulong)v), true);

        // %Point = type { i32, double }; @origin = internal constant %Point { i32 7, double 2.5 }
        var point = LLVM.StructCreateNamed(ctx, "Point");
        LLVM.StructSetBody(point, [i32, f64], false);
        var origin = LLVM.AddGlobal(m, point, "origin");
        LLVM.SetInitializer(origin, LLVM.ConstNamedStruct(point, [I32(7), LLVM.ConstReal(f64, 2.5)]));
        LLVM.SetGlobalConstant(origin, true);
        LLVM.SetLinkage(origin, LLVMLinkage.LLVMInternalLinkage);
        LLVM.SetAlignment(origin, 8);
        LLVM.SetSection(origin, ".rodata.rayzor");

        // @table = internal constant [4 x i32] [10, 20, 30, 40]
        var tableTy = LLVM.ArrayType2(i32, 4);
        var table = LLVM.AddGlobal(m, tableTy, "table");
        LLVM.SetInitializer(table, LLVM.ConstArray2(i32, [I32(10), I32(20), I32(30), I32(40)]));
        LLVM.SetGlobalConstant(table, true);
        LLVM.SetLinkage(table, LLVMLinkage.LLVMInternalLinkage);
        LLVM.SetUnnamedAddress(table, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);

        var fmt = LLVM.AddGlobalString(m, "%d %d %d %d %d %d %d %d\n", ".str.fmt");
        var printfTy = LLVM.FunctionType(i32, [ptr], true);
        var printf = LLVM.AddFunction(m, "printf", printfTy);

        // internal i32 @isqrt(double) noinline nounwind: fptosi.sat(fabs(floor(sqrt(x))))
        var isqrtTy = LLVM.FunctionType(i32, [f64], false);
        var isqrt = LLVM.AddFunction(m, "isqrt", isqrtTy);
        LLVM.SetLinkage(isqrt, LLVMLinkage.LLVMInternalLinkage);
        LLVM.AddFunctionAttribute(isqrt, "noinline");
        LLVM.AddFunctionAttribute(isqrt, "nounwind");
        var b = LLVM.CreateBuilderInContext(ctx);
        LLVM.PositionBuilderAtEnd(b, LLVM.AppendBasicBlockInContext(ctx, isqrt, "entry"));
        var v = LLVM.GetParam(isqrt, 0);
        foreach (var name in new[] { "llvm.sqrt", "llvm.floor", "llvm.fabs.f64" })
        {
            var intrinsic = LLVM.GetIntrinsicDeclaration(m, name, f64);
            v = LLVM.BuildCall2(b, LLVM.GlobalGetValueType(intrinsic), intrinsic, [v]);
        }
        var sat = LLVM.GetIntrinsicDeclaration(m, "llvm.fptosi.sat", i32, f64);
        LLVM.BuildRet(b, LLVM.BuildCall2(b, LLVM.GlobalGetValueType(sat), sat, [v], "r"));

        // i32 @main(i32 %argc, ptr %argv)
        var mainTy = LLVM.FunctionType(i32, [i32, ptr], false);
        var main = LLVM.AddFunction(m, "main", mainTy);
        var argc = LLVM.GetParams(main)[0];
        LLVM.SetValueName2(argc, "argc");
        var entry = LLVM.AppendBasicBlockInContext(ctx, main, "entry");
        var one = LLVM.AppendBasicBlockInContext(ctx, main, "one");
        var other = LLVM.AppendBasicBlockInContext(ctx, main, "other");
        var join = LLVM.AppendBasicBlockInContext(ctx, main, "join");
        var dead = LLVM.AppendBasicBlockInContext(ctx, main, "dead");
        LLVM.DeleteBasicBlock(dead);

        LLVM.PositionBuilderAtEnd(b, entry);
        var bufTy = LLVM.ArrayType2(i8, 16);
        var buf = LLVM.BuildAlloca(b, bufTy, "buf");
        LLVM.SetAlignment(buf, 16);
        var buf2 = LLVM.BuildAlloca(b, bufTy, "buf2");
        LLVM.BuildMemSet(b, buf, LLVM.ConstInt(i8, 0x41, false), I64(16), 16);
        LLVM.BuildMemCpy(b, buf2, 1, buf, 16, I64(16));
        var cPtr = LLVM.BuildInBoundsGEP2(b, bufTy, buf2, [I64(0), I64(5)], "c.ptr");
        var c = LLVM.BuildZExt(b, LLVM.BuildLoad2(b, i8, cPtr, "c"), i32, "c32");

        var slot = LLVM.BuildAlloca(b, i32, "slot");
        var st = LLVM.BuildStore(b, argc, slot);
        LLVM.SetVolatile(st, true);
        LLVM.SetAlignment(st, 4);
        var argcv = LLVM.BuildLoad2(b, i32, slot, "argc.v");
        LLVM.SetVolatile(argcv, true);
        LLVM.SetAlignment(argcv, 4);

        // isqrt(2025 + (argc - 1)) = 45; isqrt(-argc) = fptosi.sat(NaN) = 0
        var x = LLVM.BuildFAdd(b, LLVM.ConstReal(f64, 2025), LLVM.BuildSIToFP(b, LLVM.BuildNSWSub(b, argcv, I32(1)), f64), "x");
        var q = LLVM.BuildCall2(b, isqrtTy, isqrt, [x], "q");
        var nan = LLVM.BuildCall2(b, isqrtTy, isqrt, [LLVM.BuildSIToFP(b, LLVM.BuildNeg(b, argcv), f64)], "nan");
        var sel = LLVM.BuildSelect(b, LLVM.BuildICmp(b, LLVMIntPredicate.LLVMIntSGT, q, I32(40)), q, I32(-1), "sel");

        var sw = LLVM.BuildSwitch(b, argcv, other, 1);
        LLVM.AddCase(sw, I32(1), one);
        LLVM.PositionBuilderAtEnd(b, one);
        LLVM.BuildBr(b, join);
        LLVM.PositionBuilderAtEnd(b, other);
        LLVM.BuildBr(b, join);

        LLVM.PositionBuilderAtEnd(b, join);
        var k = LLVM.BuildPhi(b, i32, "k");
        LLVM.AddIncoming(k, [I32(100), I32(200)], [one, other]);
        var px = LLVM.BuildLoad2(b, i32, LLVM.BuildStructGEP2(b, point, origin, 0, "px.ptr"), "px");
        var t = LLVM.BuildLoad2(b, i32, LLVM.ConstInBoundsGEP2(tableTy, table, [I64(0), I64(2)]), "t");
        var pairTy = LLVM.StructTypeInContext(ctx, [i32, i32], false);
        var pair = LLVM.BuildInsertValue(b, LLVM.GetUndef(pairTy), I32(9), 0, "pair0");
        pair = LLVM.BuildInsertValue(b, pair, I32(3), 1, "pair");
        var ext = LLVM.BuildExtractValue(b, pair, 0, "ext");
        var mul = LLVM.BuildShl(b, LLVM.BuildExtractValue(b, pair, 1), I32(2), "twelve"); // 3 << 2
        var call = LLVM.BuildCall2(b, printfTy, printf, [fmt, sel, nan, k, px, t, c, ext, mul]);
        LLVM.SetTailCallKind(call, LLVMTailCallKind.LLVMTailCallKindNone);
        LLVM.BuildRet(b, I32(0));
        LLVM.DisposeBuilder(b);
        return m;
    }

    // ---- helpers -------------------------------------------------------------------------------

    private LLVMTargetMachineRef Machine(string triple, OptLevel level)
    {
        var tm = LlvmTargets.CreateTargetMachine(triple, level);
        _machines.Add(tm);
        return tm;
    }

    private (int Exit, string Stdout) LinkAndRun(string obj)
    {
        var exe = Path.ChangeExtension(obj, null);
        // -lm: on baseline x86-64 (no SSE4.1) llvm.floor lowers to a call to floor().
        var (linkExit, _, linkErr) = Run("cc", obj, "-o", exe, "-lm");
        Assert.True(linkExit == 0, $"cc failed ({linkExit}): {linkErr}");
        var (exit, stdout, _) = Run(exe);
        return (exit, stdout);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        var stderr = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (stderr)
                    stderr.AppendLine(e.Data);
        };
        p.Start();
        p.BeginErrorReadLine();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        lock (stderr)
            return (p.ExitCode, stdout, stderr.ToString());
    }

    private static void AssertElf(byte[] bytes, ushort machine)
    {
        Assert.True(bytes.Length > 64, "object too small");
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, bytes[..4]);
        Assert.Equal(2, bytes[4]);                       // ELFCLASS64
        Assert.Equal(1, bytes[5]);                       // little endian
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 16)); // ET_REL
        Assert.Equal(machine, BitConverter.ToUInt16(bytes, 18));
    }

    private static bool ContainsAscii(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
