using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// Field offsets of docs/abi.md.
    internal const int StringLengthOffset = 8, ArrayLengthOffset = 8, ArrayDataOffset = 24;

    private sealed partial class FunctionEmitter
    {
        private LLVMValueRef At(LLVMValueRef basePtr, int offset) =>
            LLVM.BuildInBoundsGEP2(B, m._i8, basePtr, [LLVM.ConstInt(m._i64, (ulong)offset, false)], "");

        private LLVMValueRef LoadI32(LLVMValueRef basePtr, int offset, HeapAccess kind) => m.Tag(LLVM.BuildLoad2(B, m._i32, At(basePtr, offset), ""), kind);

        /// The memory type of an element stored as `t` (Bool is one byte).
        private LLVMTypeRef Slot(MirType t) => t == MirType.Bool ? m._i8 : m.Llvm(t);

        private LLVMValueRef ElementPtr(LLVMValueRef arr, LLVMValueRef index, MirType t)
        {
            var data = m.Tag(LLVM.BuildLoad2(B, m._ptr, At(arr, ArrayDataOffset), ""), HeapAccess.ArrayData);
            var wide = LLVM.BuildZExt(B, index, m._i64, "");
            return LLVM.BuildInBoundsGEP2(B, Slot(t), data, [wide], "");
        }

        private LLVMBasicBlockRef NewBlock(string name) => LLVM.AppendBasicBlockInContext(m._ctx, m._functions[f.Name].Fn, name);

        /// `aget`: in bounds (unsigned compare, so negative indices fail too) loads, else the default.
        private LLVMValueRef EmitArrayGet(Instruction i)
        {
            var arr = A(i, 0);
            var index = A(i, 1);
            var inBounds = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, LoadI32(arr, ArrayLengthOffset, HeapAccess.ArrayLength), "");
            var from = LLVM.GetInsertBlock(B);
            var load = NewBlock("aget");
            var join = NewBlock("aget.join");
            LLVM.BuildCondBr(B, inBounds, load, join);
            LLVM.PositionBuilderAtEnd(B, load);
            var v = m.Tag(LLVM.BuildLoad2(B, Slot(i.Type), ElementPtr(arr, index, i.Type), ""), ModuleEmitter.ElementAccess(i.Type));
            if (i.Type == MirType.Bool) v = LLVM.BuildTrunc(B, v, m._i1, "");
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
            var phi = LLVM.BuildPhi(B, m.Llvm(i.Type), "");
            LLVM.AddIncoming(phi, [v, LLVM.ConstNull(m.Llvm(i.Type))], [load, from]);
            return phi;
        }

        /// `aset`: in bounds stores inline, else the runtime grows the array.
        private void EmitArraySet(Instruction i)
        {
            var arr = A(i, 0);
            var index = A(i, 1);
            var value = A(i, 2);
            var t = f.TypeOf(i.Args[2]);
            var inBounds = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, LoadI32(arr, ArrayLengthOffset, HeapAccess.ArrayLength), "");
            var store = NewBlock("aset");
            var slow = NewBlock("aset.grow");
            var join = NewBlock("aset.join");
            LLVM.BuildCondBr(B, inBounds, store, slow);
            LLVM.PositionBuilderAtEnd(B, store);
            m.Tag(LLVM.BuildStore(B, t == MirType.Bool ? LLVM.BuildZExt(B, value, m._i8, "") : value, ElementPtr(arr, index, t)), ModuleEmitter.ElementAccess(t));
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, slow);
            var suffix = t switch { MirType.I32 => "i32", MirType.F64 => "f64", MirType.Bool => "bool", _ => "ptr" };
            var abiValue = t == MirType.Bool ? LLVM.BuildZExt(B, value, m._i32, "") : value;
            var setter = m.DeclareC("rz_array_set_" + suffix, m._void, m._ptr, m._i32, LLVM.TypeOf(abiValue));
            m.Call(setter, [arr, index, abiValue]);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
        }
    }
}
