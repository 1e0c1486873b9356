using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// A tier unit (tiered `rayzor run`, Jit/TierCompiler.cs): a few hot functions compiled against
/// the MIR interpreter's image. Nothing program-wide is defined here: descriptors, static vars,
/// the program block, free lists and the stack limit are declarations the host resolves to the
/// interpreter's own objects (absolute symbols), so both tiers share one set. Calls of functions
/// not compiled go through the interpreter's native entry thunks, and an exception raised in the
/// interpreter under such a call is re-thrown here (`__rz_tier_pending`) by the trap chain.
public sealed unsafe partial class ModuleEmitter
{
    /// Compile for the tiered run (implies <see cref="ForJit"/>'s stack check, no `__rz_start`).
    public bool ForTier { get; init; }

    /// Set by the interpreter when a Haxe exception was raised under a call from compiled code;
    /// the exception value is in `__rz_tier_exception`.
    public const string TierPendingSymbol = "__rz_tier_pending", TierExceptionSymbol = "__rz_tier_exception";

    /// Prefixes of the tier unit's symbols the host resolves: a function's interpreter thunk
    /// (`tier.callee.F`), a function's code pointer as the interpreter's descriptors and closures
    /// hold it (`tier.code.F`), and the entry wrapper the interpreter calls (`tier.entry.F`).
    public const string TierCallee = "tier.callee.", TierCode = "tier.code.", TierEntry = "tier.entry.";

    /// The cell holding a function's compiled code once a later tier unit compiled it (0 before):
    /// a stub calls that, so compiled code calls compiled code whichever was compiled first.
    public const string TierCell = "tier.cell.";

    /// `tier.bridge.F`: what the vtables and itables hold once F is compiled — F itself when compiled
    /// code is running (`__rz_tier_incompiled`), else F's interpreter thunk (the runtime called it
    /// from interpreted code: an exception must not longjmp over the interpreter). The host says
    /// which functions need one by resolving `tier.bridged.F` to non-zero.
    public const string TierBridge = "tier.bridge.", TierBridgedQuery = "tier.bridged.", TierInCompiledSymbol = "__rz_tier_incompiled";

    /// The unit's functions that get a bridge (<see cref="TierBridge"/>).
    public IReadOnlySet<string> TierBridged { get; init; } = new HashSet<string>();

    /// <summary>
    /// Count the calls of the unit's functions (not loop entries) for a compile at a higher level:
    /// `tier.heat.F`, an i32 cell of the host's, counts down at each call, and the call that takes
    /// it to zero calls `__rz_tier_hot(cell)` (the host queues F), once.
    /// </summary>
    public bool TierHeat { get; init; }

    public const string TierHeatCell = "tier.heat.", TierHotSymbol = "__rz_tier_hot";

    private LLVMValueRef _tierHeat;

    /// `tier.heat(cell)` (inlined): the count down, and the host's call when it reaches zero.
    private LLVMValueRef TierHeatTick()
    {
        if (!_tierHeat.IsNull) return _tierHeat;
        var (fn, _) = Helper("tier.heat", _void, _ptr);
        LLVM.AddFunctionAttribute(fn, "alwaysinline");
        var cell = LLVM.GetParam(fn, 0);
        var left = LLVM.BuildSub(_b, LLVM.BuildLoad2(_b, _i32, cell, ""), CI32(1), "");
        LLVM.BuildStore(_b, left, cell);
        var (hot, done) = (Block(fn, "hot"), Block(fn, "done"));
        Likely(LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntNE, left, CI32(0), ""), done, hot));
        LLVM.PositionBuilderAtEnd(_b, hot);
        var (report, _) = DeclareC(TierHotSymbol, _void, _ptr);
        LLVM.AddFunctionAttribute(report, "cold");
        Call((report, FnType(_void, [_ptr])), [cell]);
        LLVM.BuildBr(_b, done);
        LLVM.PositionBuilderAtEnd(_b, done);
        LLVM.BuildRetVoid(_b);
        return _tierHeat = fn;
    }

    /// The count at the entry of <paramref name="fn"/>, after its allocas (they stay in the entry block).
    private void EmitTierHeat(string name, LLVMValueRef fn)
    {
        var cell = LLVM.AddGlobal(_mod, _i32, TierHeatCell + name);
        LLVM.SetAlignment(cell, 4);
        var tick = TierHeatTick();
        var at = LLVM.GetFirstInstruction(LLVM.GetEntryBasicBlock(fn));
        while (LLVM.GetInstructionOpcode(at) == LLVMOpcode.LLVMAlloca) at = LLVM.GetNextInstruction(at);
        LLVM.PositionBuilderBefore(_b, at);
        LLVM.SetCurrentDebugLocation2(_b, default); // (the helper has no debug info)
        Call((tick, FnType(_void, [_ptr])), [cell]);
    }

    private LLVMValueRef _tierPending, _tierRethrow;

    /// `tier.str.N`: the interpreter's String literal N. A literal has one address in the whole
    /// program (as linked units share one symbol per content): code compares some by identity
    /// (a switch on an enum abstract of String lowers to `pcmp`), so a tier unit has no copies.
    public const string TierStringPrefix = "tier.str.";

    private LLVMValueRef TierString(int index)
    {
        var g = LLVM.GetNamedGlobal(_mod, TierStringPrefix + index);
        if (!g.IsNull) return g;
        g = LLVM.AddGlobal(_mod, _i8, TierStringPrefix + index);
        LLVM.SetGlobalConstant(g, true);
        LLVM.SetAlignment(g, 8);
        return g;
    }

    /// The code pointer of closures of <paramref name="fn"/>: the interpreter's (it maps code
    /// pointers back to its functions), an external symbol in a tier unit.
    private LLVMValueRef ClosureCode(string fn)
    {
        if (!ForTier) return Fn(fn).Fn;
        var g = LLVM.GetNamedGlobal(_mod, TierCode + fn);
        return g.IsNull ? LLVM.AddGlobal(_mod, _i8, TierCode + fn) : g;
    }

    /// After a call that may have entered the interpreter (an indirect call, a runtime export that
    /// may call back): a pending exception is thrown on from here.
    private void TierPendingCheck(LLVMValueRef function)
    {
        if (!ForTier) return;
        if (_tierPending.IsNull)
        {
            _tierPending = LLVM.AddGlobal(_mod, _i32, TierPendingSymbol);
            LLVM.SetAlignment(_tierPending, 4);
        }
        var flag = LLVM.BuildLoad2(_b, _i32, _tierPending, "");
        var ok = LLVM.AppendBasicBlockInContext(_ctx, function, "tier.ok");
        var raise = LLVM.AppendBasicBlockInContext(_ctx, function, "tier.pending");
        Likely(LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntEQ, flag, CI32(0), ""), ok, raise));
        LLVM.PositionBuilderAtEnd(_b, raise);
        Call((TierRethrow(), FnType(_void, [])), []);
        LLVM.BuildUnreachable(_b);
        LLVM.PositionBuilderAtEnd(_b, ok);
    }

    /// `tier.rethrow()`: clears the flag and throws the interpreter's exception by the trap chain.
    private LLVMValueRef TierRethrow()
    {
        if (!_tierRethrow.IsNull) return _tierRethrow;
        var here = LLVM.GetInsertBlock(_b);
        var (fn, _) = Helper("tier.rethrow", _void);
        LLVM.AddFunctionAttribute(fn, "noinline");
        LLVM.AddFunctionAttribute(fn, "cold");
        LLVM.AddFunctionAttribute(fn, "noreturn");
        LLVM.BuildStore(_b, CI32(0), _tierPending);
        var slot = LLVM.AddGlobal(_mod, _ptr, TierExceptionSymbol);
        var value = LLVM.BuildLoad2(_b, _ptr, slot, "");
        var buf = Call(DeclareC("rz_throw_prepare", _ptr, _ptr), [value]);
        var longjmp = DeclareC("longjmp", _void, _ptr, _i32);
        LLVM.AddFunctionAttribute(longjmp.Item1, "noreturn");
        Call(longjmp, [buf, CI32(1)]);
        LLVM.BuildUnreachable(_b);
        LLVM.PositionBuilderAtEnd(_b, here);
        return _tierRethrow = fn;
    }

    /// <summary>
    /// After <see cref="Emit"/> of a tier unit: the unit's own functions become global symbols with
    /// an entry wrapper each; functions of other units are called directly when
    /// <paramref name="compiled"/> holds them (an earlier tier unit defines them), else through a
    /// stub calling the interpreter's thunk; program-wide data becomes declarations; the copies of
    /// shared constants and helpers become internal. Returns the verifier's complaint or null.
    /// </summary>
    public string? FinishTier(IReadOnlySet<string> compiled)
    {
        var own = _unit.Functions.Select(f => f.Name).ToHashSet();
        var functions = new List<LLVMValueRef>();
        for (var fn = LLVM.GetFirstFunction(_mod); !fn.IsNull; fn = LLVM.GetNextFunction(fn)) functions.Add(fn);
        foreach (var fn in functions)
        {
            var name = LLVM.GetValueName2(fn) ?? "";
            if (own.Contains(name))
            {
                LLVM.SetLinkage(fn, LLVMLinkage.LLVMExternalLinkage);
                LLVM.SetVisibility(fn, LLVMVisibility.LLVMDefaultVisibility);
                if (TierHeat && !name.Contains("$osr", StringComparison.Ordinal)) EmitTierHeat(name, fn);
                EmitTierEntry(MirFunction(name)!, fn);
                if (TierBridged.Contains(name)) EmitTierBridge(MirFunction(name)!, fn);
            }
            else if (LLVM.IsDeclaration(fn) && MirFunction(name) is { } mf)
            {
                LLVM.SetVisibility(fn, LLVMVisibility.LLVMDefaultVisibility);
                if (!compiled.Contains(name)) EmitTierStub(mf, fn);
            }
            else if (LLVM.GetLinkage(fn) == LLVMLinkage.LLVMLinkOnceODRLinkage) Localize(fn);
        }
        var globals = new List<LLVMValueRef>();
        for (var g = LLVM.GetFirstGlobal(_mod); !g.IsNull; g = LLVM.GetNextGlobal(g)) globals.Add(g);
        foreach (var g in globals)
        {
            var name = LLVM.GetValueName2(g) ?? "";
            if (IsProgramWide(name) || LLVM.IsDeclaration(g)) Redeclare(g, name);
            else if (LLVM.GetLinkage(g) == LLVMLinkage.LLVMLinkOnceODRLinkage) Localize(g);
        }
        return LlvmTargets.Verify(_mod, out var msg) ? null : msg;
    }

    /// Data every tier shares: descriptors (built-in, class, closure), static vars, the program
    /// block, the free lists (Boehm roots of the host) and the stack limit.
    private bool IsProgramWide(string name) =>
        name.StartsWith("rz_td_", StringComparison.Ordinal) || name.StartsWith("rz_class_", StringComparison.Ordinal)
        || name.StartsWith("rz.freelist.", StringComparison.Ordinal) || name is "rz.program" or "rz_builtins" or StackLimitSymbol
        || _mir.Globals.Any(x => x.Name == name);

    /// <summary>
    /// Replaces a global by a plain external declaration of the same name: the host's object lies
    /// anywhere in the address space, so code must reach it through the GOT (a hidden or defined
    /// global is assumed within 2 GB of the code, which JITLink cannot honour).
    /// </summary>
    private void Redeclare(LLVMValueRef g, string name)
    {
        var t = LLVM.GlobalGetValueType(g);
        var (constant, align) = (LLVM.IsGlobalConstant(g), LLVM.GetAlignment(g));
        LLVM.SetValueName2(g, "");
        var d = LLVM.AddGlobal(_mod, t, name);
        LLVM.SetGlobalConstant(d, constant);
        if (align != 0) LLVM.SetAlignment(d, align);
        LLVM.ReplaceAllUsesWith(g, d);
        LLVM.DeleteGlobal(g);
    }

    private static void Localize(LLVMValueRef g)
    {
        LLVM.SetComdat(g, default);
        LLVM.SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
        LLVM.SetVisibility(g, LLVMVisibility.LLVMDefaultVisibility);
    }

    /// A function not compiled yet: an inlinable body calling its compiled code once a later
    /// unit has it (`tier.cell.F`), else the interpreter's thunk, then the pending-exception check.
    private void EmitTierStub(MirFunction f, LLVMValueRef fn)
    {
        var ft = LLVM.GlobalGetValueType(fn);
        LLVM.SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        LLVM.AddFunctionAttribute(fn, "alwaysinline");
        var thunk = LLVM.AddFunction(_mod, TierCallee + f.Name, ft);
        LLVM.PositionBuilderAtEnd(_b, LLVM.AppendBasicBlockInContext(_ctx, fn, "entry"));
        var args = new LLVMValueRef[f.ParamTypes.Count];
        for (var k = 0; k < args.Length; k++) args[k] = LLVM.GetParam(fn, (uint)k);
        var cell = LLVM.AddGlobal(_mod, _ptr, TierCell + f.Name);
        LLVM.SetAlignment(cell, 8);
        var code = LLVM.BuildLoad2(_b, _ptr, cell, "");
        LLVM.SetOrdering(code, LLVMAtomicOrdering.LLVMAtomicOrderingUnordered);
        var direct = LLVM.AppendBasicBlockInContext(_ctx, fn, "compiled");
        var interpreted = LLVM.AppendBasicBlockInContext(_ctx, fn, "interpreted");
        Likely(LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntNE, code, LLVM.ConstNull(_ptr), ""), direct, interpreted));
        LLVM.PositionBuilderAtEnd(_b, direct);
        var rc = Call((code, ft), args);
        if (f.ReturnType == MirType.Void) LLVM.BuildRetVoid(_b);
        else LLVM.BuildRet(_b, rc);
        LLVM.PositionBuilderAtEnd(_b, interpreted);
        var r = Call((thunk, ft), args);
        TierPendingCheck(fn);
        if (f.ReturnType == MirType.Void) LLVM.BuildRetVoid(_b);
        else LLVM.BuildRet(_b, r);
    }

    /// <summary>
    /// A closure's code pointer as compiled code calls it: the function's compiled code when the
    /// host's code map (Image.MakeCompiledMap: direct-mapped pairs of thunk and code, keyed by
    /// <c>(p * 0x9E3779B97F4A7C15) &gt;&gt; 40 &amp; mask</c>) has it, else the pointer itself (a
    /// thunk into the interpreter).
    /// </summary>
    internal LLVMValueRef TierCodeMap(LLVMValueRef code)
    {
        LLVMValueRef Cell(string name, LLVMTypeRef t)
        {
            var g = LLVM.GetNamedGlobal(_mod, name);
            if (g.IsNull)
            {
                g = LLVM.AddGlobal(_mod, t, name);
                LLVM.SetAlignment(g, 8);
            }
            return LLVM.BuildLoad2(_b, t, g, "");
        }
        var map = Cell("__rz_tier_codemap", _ptr);
        var mask = Cell("__rz_tier_codemask", _i64);
        var key = LLVM.BuildPtrToInt(_b, code, _i64, "");
        var h = LLVM.BuildLShr(_b, LLVM.BuildMul(_b, key, LLVM.ConstInt(_i64, 0x9E3779B97F4A7C15UL, false), ""), LLVM.ConstInt(_i64, 40, false), "");
        var at = LLVM.BuildShl(_b, LLVM.BuildAnd(_b, h, mask, ""), LLVM.ConstInt(_i64, 4, false), "");
        var entry = LLVM.BuildInBoundsGEP2(_b, _i8, map, [at], "");
        var k = LLVM.BuildLoad2(_b, _i64, entry, "");
        LLVM.SetOrdering(k, LLVMAtomicOrdering.LLVMAtomicOrderingAcquire);
        LLVM.SetAlignment(k, 8);
        var hit = LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntEQ, k, key, "");
        var valueAt = LLVM.BuildInBoundsGEP2(_b, _i8, entry, [LLVM.ConstInt(_i64, 8, false)], "");
        var compiled = LLVM.BuildLoad2(_b, _ptr, valueAt, "");
        LLVM.SetOrdering(compiled, LLVMAtomicOrdering.LLVMAtomicOrderingUnordered);
        LLVM.SetAlignment(compiled, 8);
        return LLVM.BuildSelect(_b, hit, compiled, code, "");
    }

    /// The bridge of a compiled function in vtables and itables (<see cref="TierBridge"/>).
    private void EmitTierBridge(MirFunction f, LLVMValueRef target)
    {
        var ft = LLVM.GlobalGetValueType(target);
        var fn = LLVM.AddFunction(_mod, TierBridge + f.Name, ft);
        var thunk = LLVM.GetNamedFunction(_mod, TierCallee + f.Name);
        if (thunk.IsNull) thunk = LLVM.AddFunction(_mod, TierCallee + f.Name, ft);
        LLVM.PositionBuilderAtEnd(_b, LLVM.AppendBasicBlockInContext(_ctx, fn, "entry"));
        var flagCell = LLVM.GetNamedGlobal(_mod, TierInCompiledSymbol);
        if (flagCell.IsNull)
        {
            flagCell = LLVM.AddGlobal(_mod, _i32, TierInCompiledSymbol);
            LLVM.SetAlignment(flagCell, 4);
        }
        var flag = LLVM.BuildLoad2(_b, _i32, flagCell, "");
        var args = new LLVMValueRef[f.ParamTypes.Count];
        for (var k = 0; k < args.Length; k++) args[k] = LLVM.GetParam(fn, (uint)k);
        var direct = LLVM.AppendBasicBlockInContext(_ctx, fn, "compiled");
        var interpreted = LLVM.AppendBasicBlockInContext(_ctx, fn, "interpreted");
        Likely(LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntNE, flag, CI32(0), ""), direct, interpreted));
        foreach (var (block, callee) in new[] { (direct, target), (interpreted, thunk) })
        {
            LLVM.PositionBuilderAtEnd(_b, block);
            var r = Call((callee, ft), args);
            LLVM.SetTailCall(r, true);
            if (f.ReturnType == MirType.Void) LLVM.BuildRetVoid(_b);
            else LLVM.BuildRet(_b, r);
        }
    }

    /// <summary>
    /// `i32 tier.entry.F(i64* args, i64* result)`: what the interpreter calls. A trap of its own
    /// (so a throw in compiled code never unwinds the interpreter's managed frames), the
    /// arguments from 64-bit slots, the result into one; 1 when an exception ended the call
    /// (its value is `rz_exception_value`).
    /// </summary>
    private void EmitTierEntry(MirFunction f, LLVMValueRef target)
    {
        var (fn, _) = Helper(TierEntry + f.Name, _i32, _ptr, _ptr);
        LLVM.SetLinkage(fn, LLVMLinkage.LLVMExternalLinkage);
        var record = LLVM.BuildAlloca(_b, LLVM.ArrayType2(_i64, TrapRecordBytes / 8), "trap");
        LLVM.SetAlignment(record, 16);
        var buf = LLVM.BuildInBoundsGEP2(_b, _i8, record, [LLVM.ConstInt(_i64, TrapBufOffset, false)], "");
        var setjmp = DeclareC("_setjmp", _i32, _ptr);
        LLVM.AddFunctionAttribute(setjmp.Item1, "returns_twice");
        var r = Call(setjmp, [buf]);
        LLVM.AddCallSiteAttribute(r, LLVM.AttributeFunctionIndex, "returns_twice");
        var body = LLVM.AppendBasicBlockInContext(_ctx, fn, "body");
        var caught = LLVM.AppendBasicBlockInContext(_ctx, fn, "caught");
        LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntEQ, r, CI32(0), ""), body, caught);
        LLVM.PositionBuilderAtEnd(_b, caught);
        LLVM.BuildRet(_b, CI32(1));
        LLVM.PositionBuilderAtEnd(_b, body);
        Call(DeclareC("rz_trap_push", _void, _ptr), [record]);
        var slots = LLVM.GetParam(fn, 0);
        var args = new LLVMValueRef[f.ParamTypes.Count];
        for (var k = 0; k < args.Length; k++)
        {
            var at = LLVM.BuildInBoundsGEP2(_b, _i64, slots, [LLVM.ConstInt(_i64, (ulong)k, false)], "");
            var t = f.ParamTypes[k];
            args[k] = t switch
            {
                MirType.I32 or MirType.Bool => LLVM.BuildTrunc(_b, LLVM.BuildLoad2(_b, _i64, at, ""), Llvm(t), ""),
                _ => LLVM.BuildLoad2(_b, Llvm(t), at, ""),
            };
        }
        var v = Call((target, LLVM.GlobalGetValueType(target)), args);
        Call(DeclareC("rz_trap_pop", _void), []);
        var result = LLVM.GetParam(fn, 1);
        switch (f.ReturnType)
        {
            case MirType.Void: break;
            case MirType.I32: LLVM.BuildStore(_b, LLVM.BuildSExt(_b, v, _i64, ""), result); break;
            case MirType.Bool: LLVM.BuildStore(_b, LLVM.BuildZExt(_b, v, _i64, ""), result); break;
            default: LLVM.BuildStore(_b, v, result); break;
        }
        LLVM.BuildRet(_b, CI32(0));
    }
}
