using System.Text;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// The program block, `main` and the stdout buffer (docs/abi.md "Program start"). A program that
/// calls no runtime export never initializes the NativeAOT runtime: the runtime reads the block
/// through `rz_program()`, and printing a string literal appends its UTF-8 bytes (encoded here) to
/// the buffer the runtime also writes to, so hello world runs without it.
public sealed unsafe partial class ModuleEmitter
{
    /// Offsets in the program block (docs/abi.md).
    private const int ProgramArgc = 8, ProgramArgv = 16, ProgramOutData = 24, ProgramOutLength = 32, ProgramOutCapacity = 36;

    /// The stdout buffer's size when generated code allocates it (Rayzor.Runtime's Output.DefaultCapacity).
    private const int OutputCapacity = 64 * 1024;

    /// Boehm collects only after at least this many bytes were allocated since the last collection
    /// (besides its own rule, live size / free-space divisor): a floor that spares programs with a
    /// small live heap and a high allocation rate most of their collections, for at most this much
    /// more memory (docs/architecture.md "Memory", measured on the alloc benchmark).
    private const long MinBytesBetweenCollections = Rayzor.Runtime.Memory.Heap.DefaultBytesBetweenCollections;

    private LLVMValueRef _program;
    private (LLVMValueRef Fn, LLVMTypeRef Type) _outWrite, _outFlush, _writeAll;
    private readonly Dictionary<string, (LLVMValueRef Global, int Length)> _utf8Literals = new();

    /// `{ builtins, argc, reserved, argv, out.data, out.length, out.capacity }` and `rz_program()`.
    private void EmitProgramBlock()
    {
        var init = ConstStruct(LLVM.GetNamedGlobal(_mod, "rz_builtins"), CI32(0), CI32(0), Null, Null, CI32(0), CI32(0));
        _program = LLVM.AddGlobal(_mod, LLVM.TypeOf(init), "rz.program");
        LLVM.SetInitializer(_program, init);
        SetProgramLinkage(_program);
        LLVM.SetAlignment(_program, 8);

        var fn = LLVM.AddFunction(_mod, "rz_program", FnType(_ptr, []));
        LLVM.AddFunctionAttribute(fn, "nounwind");
        LLVM.PositionBuilderAtEnd(_b, LLVM.AppendBasicBlockInContext(_ctx, fn, "entry"));
        LLVM.BuildRet(_b, _program);
    }

    private LLVMValueRef ProgramField(int offset)
    {
        if (_program.IsNull) // a unit other than the program unit: the program unit's block
        {
            _program = LLVM.AddGlobal(_mod, Struct(_ptr, _i32, _i32, _ptr, _ptr, _i32, _i32), "rz.program");
            LLVM.SetVisibility(_program, LLVMVisibility.LLVMHiddenVisibility);
        }
        return LLVM.BuildInBoundsGEP2(_b, _i8, _program, [LLVM.ConstInt(_i64, (ulong)offset, false)], "");
    }

    /// True when the program calls a runtime export (every native of the MIR module is declared, also
    /// those only printed inline). Not runtime exports: `rz_alloc`, Boehm's out-of-memory fallback of
    /// the inline allocator, and the C functions of Native/faults.c, which never start the runtime.
    private bool CallsRuntime()
    {
        for (var fn = LLVM.GetFirstFunction(_mod); !fn.IsNull; fn = LLVM.GetNextFunction(fn))
            if (LLVM.IsDeclaration(fn) && !LLVM.GetFirstUse(fn).IsNull
                && LLVM.GetValueName2(fn) is { } n && n.StartsWith("rz_", StringComparison.Ordinal) && !NotRuntime.Contains(n))
                return true;
        return false;
    }

    private static readonly HashSet<string> NotRuntime = ["rz_alloc", "rz_run_main", "rz_broken_pipe"];

    /// False when the emitted program neither calls the runtime nor allocates on the Haxe heap: it
    /// then links without the NativeAOT runtime and Boehm (<see cref="Link.LinkRequest.WithoutRuntime"/>).
    /// Known once <see cref="Emit"/> has run.
    public bool NeedsRuntime { get; private set; } = true;

    /// True when the program may use the collector: it calls the runtime or a Boehm function
    /// (allocation, free-list refills). A program that does neither runs without initializing Boehm.
    private bool UsesCollector()
    {
        if (CallsRuntime()) return true;
        for (var fn = LLVM.GetFirstFunction(_mod); !fn.IsNull; fn = LLVM.GetNextFunction(fn))
        {
            if (LLVM.GetFirstUse(fn).IsNull || LLVM.GetValueName2(fn) is not { } n) continue;
            // the free-list refill helper is always emitted; it counts when something calls it
            if (n == "__rz_alloc_refill" || LLVM.IsDeclaration(fn) && n.StartsWith("GC_", StringComparison.Ordinal) && n != "GC_malloc_many")
                return true;
        }
        return false;
    }

    /// `int main(int argc, char **argv)`: records the command line, sets the collector's policy
    /// (plain variables of libgc: Boehm itself starts on the first allocation), starts the runtime
    /// if the program calls it, then runs `__rz_start` on a thread with a big guarded stack
    /// (`rz_run_main`, Native/faults.c: it also installs the out-of-memory and stack-overflow
    /// handlers, and under RAYZOR_GC_STRESS replaces this policy with its own).
    ///
    /// The runtime is started here, before any Haxe object exists, rather than by its first call:
    /// NativeAOT's initialization leaves copies of the registers it found in static data, which Boehm
    /// scans, so starting it lazily in the middle of a program can pin whatever object a register
    /// still pointed to (measured: the alloc benchmark kept its 8 MB stretch tree alive).
    private void EmitMain()
    {
        var start = CallsRuntime() || OtherUnits.CallsRuntime ? DeclareC("rz_start", _void) : default;
        var collected = UsesCollector() || OtherUnits.UsesCollector;
        NeedsRuntime = collected;
        var run = DeclareC("rz_run_main", _void, _ptr, _i32);
        var entry = EmitStart();
        var mainTy = FnType(_i32, [_i32, _ptr]);
        var main = LLVM.AddFunction(_mod, "main", mainTy);
        AddUnwindTable(main);
        LLVM.SetSection(main, CodeSection);
        var sp = Subprogram(main, "main", null, 0, [MirType.I32, MirType.Ptr], MirType.I32);
        if (!sp.IsNull) LLVM.SetCurrentDebugLocation2(_b, LLVM.DIBuilderCreateDebugLocation(_ctx, 0, 0, sp, default));
        LLVM.PositionBuilderAtEnd(_b, LLVM.AppendBasicBlockInContext(_ctx, main, "entry"));
        LLVM.BuildStore(_b, LLVM.GetParam(main, 0), ProgramField(ProgramArgc));
        LLVM.BuildStore(_b, LLVM.GetParam(main, 1), ProgramField(ProgramArgv));
        if (collected) Call(DeclareC("GC_set_min_bytes_allocd", _void, _i64), [LLVM.ConstInt(_i64, (ulong)MinBytesBetweenCollections, false)]);
        if (!start.Item1.IsNull) Call(start, []);
        Call(run, [entry, CI32(collected ? 1 : 0)]);
        LLVM.BuildRet(_b, CI32(0));
        LLVM.SetCurrentDebugLocation2(_b, default);
    }

    /// `void __rz_start(void)`: the entry function (static initializers, then main), then the flush
    /// of stdout (generated code's own, so a program that never called the runtime does not start it
    /// to end). The flush keeps the entry's last call out of tail position, so LLVM, which inlines the
    /// entry here, keeps main's frame for stack traces.
    private LLVMValueRef EmitStart()
    {
        var start = LLVM.AddFunction(_mod, "__rz_start", FnType(_void, []));
        LLVM.SetLinkage(start, LLVMLinkage.LLVMInternalLinkage);
        AddUnwindTable(start);
        LLVM.SetSection(start, CodeSection);
        var sp = Subprogram(start, "__rz_start", null, 0, [], MirType.Void);
        if (!sp.IsNull) LLVM.SetCurrentDebugLocation2(_b, LLVM.DIBuilderCreateDebugLocation(_ctx, 0, 0, sp, default));
        LLVM.PositionBuilderAtEnd(_b, LLVM.AppendBasicBlockInContext(_ctx, start, "entry"));
        Call(Fn(_mir.EntryFunction), []);
        Call(_outFlush, []);
        LLVM.BuildRetVoid(_b);
        LLVM.SetCurrentDebugLocation2(_b, default);
        return start;
    }

    /// An internal helper function with its entry block; the builder is left at the end of it.
    private (LLVMValueRef Fn, LLVMTypeRef Type) Helper(string name, LLVMTypeRef ret, params LLVMTypeRef[] ps)
    {
        var ft = FnType(ret, ps);
        var fn = LLVM.AddFunction(_mod, name, ft);
        // internal in every unit that has one (a few dozen bytes each): LLVM may then change its
        // calling convention (measured: as a shared linkonce_odr function, the allocation refill
        // cost alloc 0.2% more instructions)
        LLVM.SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
        LLVM.AddFunctionAttribute(fn, "nounwind");
        AddUnwindTable(fn);
        LLVM.PositionBuilderAtEnd(_b, LLVM.AppendBasicBlockInContext(_ctx, fn, "entry"));
        return (fn, ft);
    }

    private LLVMBasicBlockRef Block(LLVMValueRef fn, string name) => LLVM.AppendBasicBlockInContext(_ctx, fn, name);

    /// The stdout helpers (emitted before any function body, without debug locations):
    /// `__rz_write_all(p, n)` writes to fd 1 until done, retrying EINTR, ending the program as killed
    /// by SIGPIPE on EPIPE (`rz_broken_pipe`, Native/faults.c; as the runtime's LibC.WriteStdout) and
    /// giving up on other errors; `__rz_out_flush()`; `__rz_out_write(p, n)` appends, flushing
    /// when full, allocating the buffer (malloc) if nobody has yet.
    private void EmitOutputHelpers()
    {
        var write = DeclareC("write", _i64, _i32, _ptr, _i64);
        var errno = DeclareC("__errno_location", _ptr);
        var malloc = DeclareC("malloc", _ptr, _i64);
        var brokenPipe = DeclareC("rz_broken_pipe", _void);

        _writeAll = Helper("__rz_write_all", _void, _ptr, _i64);
        {
            var fn = _writeAll.Fn;
            var entry = LLVM.GetInsertBlock(_b);
            var loop = Block(fn, "loop");
            var body = Block(fn, "body");
            var failed = Block(fn, "failed");
            var advance = Block(fn, "advance");
            var done = Block(fn, "done");
            LLVM.BuildBr(_b, loop);
            LLVM.PositionBuilderAtEnd(_b, loop);
            var p = LLVM.BuildPhi(_b, _ptr, "p");
            var n = LLVM.BuildPhi(_b, _i64, "n");
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntSGT, n, LLVM.ConstInt(_i64, 0, false), ""), body, done);
            LLVM.PositionBuilderAtEnd(_b, body);
            var r = Call(write, [CI32(1), p, n]);
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntSLT, r, LLVM.ConstInt(_i64, 0, false), ""), failed, advance);
            LLVM.PositionBuilderAtEnd(_b, failed);
            var e = LLVM.BuildLoad2(_b, _i32, Call(errno, []), "");
            var other = Block(fn, "other");
            var pipe = Block(fn, "pipe");
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntEQ, e, CI32(4 /* EINTR */), ""), loop, other);
            LLVM.PositionBuilderAtEnd(_b, other);
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntEQ, e, CI32(32 /* EPIPE */), ""), pipe, done);
            LLVM.PositionBuilderAtEnd(_b, pipe);
            Call(brokenPipe, []);
            LLVM.BuildUnreachable(_b);
            LLVM.PositionBuilderAtEnd(_b, advance);
            var p2 = LLVM.BuildInBoundsGEP2(_b, _i8, p, [r], "");
            var n2 = LLVM.BuildSub(_b, n, r, "");
            LLVM.BuildBr(_b, loop);
            LLVM.PositionBuilderAtEnd(_b, done);
            LLVM.BuildRetVoid(_b);
            AddIncoming(p, (LLVM.GetParam(fn, 0), entry), (p, failed), (p2, advance));
            AddIncoming(n, (LLVM.GetParam(fn, 1), entry), (n, failed), (n2, advance));
        }

        _outFlush = Helper("__rz_out_flush", _void);
        {
            var fn = _outFlush.Fn;
            var some = Block(fn, "some");
            var done = Block(fn, "done");
            var len = LLVM.BuildLoad2(_b, _i32, ProgramField(ProgramOutLength), "");
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntEQ, len, CI32(0), ""), done, some);
            LLVM.PositionBuilderAtEnd(_b, some);
            LLVM.BuildStore(_b, CI32(0), ProgramField(ProgramOutLength));
            var data = LLVM.BuildLoad2(_b, _ptr, ProgramField(ProgramOutData), "");
            Call(_writeAll, [data, LLVM.BuildZExt(_b, len, _i64, "")]);
            LLVM.BuildBr(_b, done);
            LLVM.PositionBuilderAtEnd(_b, done);
            LLVM.BuildRetVoid(_b);
        }

        _outWrite = Helper("__rz_out_write", _void, _ptr, _i64);
        {
            var fn = _outWrite.Fn;
            var (src, n) = (LLVM.GetParam(fn, 0), LLVM.GetParam(fn, 1));
            var entry = LLVM.GetInsertBlock(_b);
            var allocate = Block(fn, "allocate");
            var keep = Block(fn, "keep");
            var have = Block(fn, "have");
            var full = Block(fn, "full");
            var copy = Block(fn, "copy");
            var direct = Block(fn, "direct");
            var data0 = LLVM.BuildLoad2(_b, _ptr, ProgramField(ProgramOutData), "");
            LLVM.BuildCondBr(_b, LLVM.BuildIsNull(_b, data0, ""), allocate, have);
            LLVM.PositionBuilderAtEnd(_b, allocate);
            var fresh = Call(malloc, [LLVM.ConstInt(_i64, OutputCapacity, false)]);
            LLVM.BuildCondBr(_b, LLVM.BuildIsNull(_b, fresh, ""), direct, keep);
            LLVM.PositionBuilderAtEnd(_b, keep);
            LLVM.BuildStore(_b, fresh, ProgramField(ProgramOutData));
            LLVM.BuildStore(_b, CI32(OutputCapacity), ProgramField(ProgramOutCapacity));
            LLVM.BuildBr(_b, have);
            LLVM.PositionBuilderAtEnd(_b, have);
            var data = LLVM.BuildPhi(_b, _ptr, "data");
            var len = LLVM.BuildLoad2(_b, _i32, ProgramField(ProgramOutLength), "");
            var cap = LLVM.BuildZExt(_b, LLVM.BuildLoad2(_b, _i32, ProgramField(ProgramOutCapacity), ""), _i64, "");
            var room = LLVM.BuildSub(_b, cap, LLVM.BuildZExt(_b, len, _i64, ""), "");
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntULE, n, room, ""), copy, full);
            LLVM.PositionBuilderAtEnd(_b, full);
            Call(_outFlush, []);
            LLVM.BuildCondBr(_b, LLVM.BuildICmp(_b, LLVMIntPredicate.LLVMIntUGT, n, cap, ""), direct, copy);
            LLVM.PositionBuilderAtEnd(_b, copy);
            var at = LLVM.BuildPhi(_b, _i32, "at");
            LLVM.BuildMemCpy(_b, LLVM.BuildInBoundsGEP2(_b, _i8, data, [LLVM.BuildZExt(_b, at, _i64, "")], ""), 1, src, 1, n);
            LLVM.BuildStore(_b, LLVM.BuildAdd(_b, at, LLVM.BuildTrunc(_b, n, _i32, ""), ""), ProgramField(ProgramOutLength));
            LLVM.BuildRetVoid(_b);
            LLVM.PositionBuilderAtEnd(_b, direct);
            Call(_writeAll, [src, n]);
            LLVM.BuildRetVoid(_b);
            AddIncoming(data, (data0, entry), (fresh, keep));
            AddIncoming(at, (len, have), (CI32(0), full));
        }
    }

    private static void AddIncoming(LLVMValueRef phi, params (LLVMValueRef Value, LLVMBasicBlockRef From)[] edges)
    {
        foreach (var (value, from) in edges)
        {
            var (v, bb) = (value, from);
            LLVM.AddIncoming(phi, &v, &bb, 1);
        }
    }

    /// Prints a String literal: its UTF-8 bytes (lone surrogates as U+FFFD, as the runtime's
    /// Output does), with the newline of `println`, appended to the stdout buffer.
    internal void PrintLiteral(string text, bool newline)
    {
        var s = newline ? text + "\n" : text;
        if (!_utf8Literals.TryGetValue(s, out var lit))
        {
            var bytes = new UTF8Encoding(false, false).GetBytes(s);
            _utf8Literals[s] = lit = (PrivateConstant(LLVM.ConstStringInContext2(_ctx, bytes, true), ".utf8", 1), bytes.Length);
        }
        Call(_outWrite, [lit.Global, LLVM.ConstInt(_i64, (ulong)lit.Length, false)]);
    }
}
