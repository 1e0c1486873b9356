using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// A trap record (docs/abi.md, Exceptions): `{ prev, reserved, jmp_buf }` in 512 bytes, enough
    /// for glibc's jmp_buf on x86-64 (200 bytes) and AArch64 (312 bytes).
    internal const int TrapRecordBytes = 512, TrapBufOffset = 16;

    private LLVMValueRef _stackLimit;

    /// The lowest frame address JIT code may use (external, so the host can set it).
    private LLVMValueRef StackLimit()
    {
        if (!_stackLimit.IsNull) return _stackLimit;
        _stackLimit = LLVM.AddGlobal(_mod, _ptr, StackLimitSymbol);
        LLVM.SetInitializer(_stackLimit, LLVM.ConstNull(_ptr));
        LLVM.SetAlignment(_stackLimit, 8);
        return _stackLimit;
    }

    /// The global holding the Haxe thread's stack limit in JIT code.
    public const string StackLimitSymbol = "__rz_stack_limit";

    private sealed partial class FunctionEmitter
    {
        /// `tryenter body, handler`: a record in this frame (an entry-block alloca), `_setjmp` called
        /// from this frame with `returns_twice` (as LLVM requires of a function whose frame a longjmp
        /// comes back to), then the record pushed on the trap chain on the way into the body.
        private void EmitTryEnter(Block blk, Instruction i)
        {
            var here = LLVM.GetInsertBlock(B);
            var entry = LLVM.GetEntryBasicBlock(m._functions[f.Name].Fn);
            var first = LLVM.GetFirstInstruction(entry);
            if (first.IsNull) LLVM.PositionBuilderAtEnd(B, entry);
            else LLVM.PositionBuilderBefore(B, first);
            var record = LLVM.BuildAlloca(B, LLVM.ArrayType2(m._i64, TrapRecordBytes / 8), "trap");
            LLVM.SetAlignment(record, 16);
            LLVM.PositionBuilderAtEnd(B, here);

            // _setjmp first, then the push: a trap is on the chain only once its jmp_buf is filled
            // (a stack overflow can strike between the two calls, and throws to the trap on top)
            var buf = At(record, TrapBufOffset);
            var setjmp = m.DeclareC("_setjmp", m._i32, m._ptr);
            LLVM.AddFunctionAttribute(setjmp.Item1, "returns_twice");
            LLVM.AddFunctionAttribute(setjmp.Item1, "nounwind");
            var r = m.Call(setjmp, [buf]);
            LLVM.AddCallSiteAttribute(r, LLVM.AttributeFunctionIndex, "returns_twice");
            var normal = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, r, m.CI32(0), "");
            var push = NewBlock("try");
            Incoming(blk, i.Targets[1]);
            LLVM.BuildCondBr(B, normal, push, _blocks[i.Targets[1].Block.Index]);
            LLVM.PositionBuilderAtEnd(B, push);
            m.Call(m.DeclareC("rz_trap_push", m._void, m._ptr), [record]);
            Incoming(blk, i.Targets[0]);
            LLVM.BuildBr(B, _blocks[i.Targets[0].Block.Index]);
        }

        /// JIT code only (a native program has faults.c's guard zones instead): the function's first
        /// block tests its frame against the Haxe thread's stack limit (`__rz_stack_limit`, set by the
        /// host) and throws `"Stack overflow"` below it, as the interpreter does at each call.
        private void EmitStackCheck(LLVMBasicBlockRef check, LLVMBasicBlockRef body)
        {
            var overflow = NewBlock("stack.overflow");
            LLVM.PositionBuilderAtEnd(B, check);
            var frame = Intrinsic("llvm.frameaddress", m._ptr, m.CI32(0));
            var limit = LLVM.BuildLoad2(B, m._ptr, m.StackLimit(), "");
            LikelyBr(LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntUGE, frame, limit, ""), body, overflow);
            LLVM.PositionBuilderAtEnd(B, overflow);
            ThrowValue(m.Call(m.DeclareC("rz_stack_overflow_value", m._ptr), []));
        }

        /// A function calling no Haxe code (nor the runtime, which may call back) cannot recurse: its
        /// frame fits in the margin below the limit its caller was checked against, and without the
        /// check it needs no frame pointer (`AddOp.apply` called through an interface: a few
        /// instructions, which the check nearly doubled).
        private static bool IsLeaf(MirFunction f) =>
            !f.Blocks.Any(b => b.Insts.Any(i => i.Op is Opcode.Call or Opcode.CallNative or Opcode.VCall or Opcode.ICall or Opcode.CallClosure or Opcode.DynCall));

        /// `throw v`: the runtime records the value and unlinks the innermost trap (or reports the
        /// exception uncaught and exits); the longjmp is done here, in generated code, so no frame of
        /// the managed runtime is skipped.
        private void EmitThrow(Instruction i) => ThrowValue(A(i, 0));

        private void ThrowValue(LLVMValueRef value)
        {
            var buf = m.Call(m.DeclareC("rz_throw_prepare", m._ptr, m._ptr), [value]);
            var longjmp = m.DeclareC("longjmp", m._void, m._ptr, m._i32);
            LLVM.AddFunctionAttribute(longjmp.Item1, "noreturn");
            LLVM.AddFunctionAttribute(longjmp.Item1, "nounwind");
            m.Call(longjmp, [buf, m.CI32(1)]);
            LLVM.BuildUnreachable(B);
        }

        /// `typedesc @C`: a class or enum descriptor, or a built-in one (`#String` is `rz_td_String`).
        private LLVMValueRef EmitTypeDesc(Instruction i)
        {
            var sym = i.Sym!;
            if (sym.StartsWith("#fn.")) return m.ClosureTdOfSignature(sym[4..]);
            if (sym.StartsWith('#'))
            {
                var k = Array.FindIndex(BuiltinTypes, t => t.Name == sym[1..]);
                return k < 0 ? LLVM.ConstNull(m._ptr) : m.BuiltinTd(k);
            }
            return m.ClassTd(sym);
        }
    }
}
