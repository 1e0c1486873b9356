using Rayzor.LlvmBackend.Interop;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    private LLVMValueRef _nullAccessMessage;

    /// The String thrown for a null dereference (HashLink's wording, as the runtime's own checks).
    private LLVMValueRef NullAccessMessage => _nullAccessMessage.IsNull ? _nullAccessMessage = StringLiteral("Null access") : _nullAccessMessage;

    private sealed partial class FunctionEmitter
    {
        /// A null receiver throws `"Null access"` (a catchable Haxe exception) instead of faulting.
        private void NullCheck(LLVMValueRef ptr)
        {
            var isNull = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, ptr, LLVM.ConstNull(m._ptr), "");
            var fail = NewBlock("null");
            var ok = NewBlock("nonnull");
            LLVM.BuildCondBr(B, isNull, fail, ok);
            LLVM.PositionBuilderAtEnd(B, fail);
            var buf = m.Call(m.DeclareC("rz_throw_prepare", m._ptr, m._ptr), [m.NullAccessMessage]);
            var longjmp = m.DeclareC("longjmp", m._void, m._ptr, m._i32);
            LLVM.AddFunctionAttribute(longjmp.Item1, "noreturn");
            LLVM.AddFunctionAttribute(longjmp.Item1, "nounwind");
            m.Call(longjmp, [buf, m.CI32(1)]);
            LLVM.BuildUnreachable(B);
            LLVM.PositionBuilderAtEnd(B, ok);
        }
    }
}
