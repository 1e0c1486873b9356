using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// Offsets in a closure (docs/abi.md).
    internal const int ClosureFnOffset = 8, ClosureEnvOffset = 16, ClosureSize = 24;

    private sealed partial class FunctionEmitter
    {
        private LLVMValueRef GcAlloc(int size)
        {
            var alloc = m.DeclareC("GC_malloc", m._ptr, m._i64);
            return m.Call(alloc, [LLVM.ConstInt(m._i64, (ulong)Math.Max(size, 8), false)]);
        }

        private LLVMValueRef EmitClosure(Instruction i)
        {
            var clo = GcAlloc(ClosureSize);
            LLVM.BuildStore(B, LLVM.GetNamedGlobal(m._mod, "rz_td_Closure"), clo);
            LLVM.BuildStore(B, m._functions[i.Sym!].Fn, At(clo, ClosureFnOffset));
            LLVM.BuildStore(B, A(i, 0), At(clo, ClosureEnvOffset));
            return clo;
        }

        private LLVMValueRef EmitCallClosure(Instruction i)
        {
            var clo = A(i, 0);
            var code = LLVM.BuildLoad2(B, m._ptr, At(clo, ClosureFnOffset), "");
            var env = LLVM.BuildLoad2(B, m._ptr, At(clo, ClosureEnvOffset), "");
            var ps = new List<LLVMTypeRef> { m._ptr };
            ps.AddRange(i.Args.Skip(1).Select(a => m.Llvm(f.TypeOf(a))));
            var ft = m.FnType(m.Llvm(i.Type), [.. ps]);
            var args = new List<LLVMValueRef> { env };
            args.AddRange(i.Args.Skip(1).Select(V));
            var arr = args.ToArray();
            fixed (LLVMValueRef* p = arr) return LLVM.BuildCall2(B, ft, code, p, (uint)arr.Length, "");
        }
    }
}
