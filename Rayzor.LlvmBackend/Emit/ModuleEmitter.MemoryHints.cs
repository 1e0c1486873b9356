using Rayzor.LlvmBackend.Interop;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    private LLVMValueRef _zeroSlot, _scratchSlot;

    /// 8 zero bytes, read instead of an element or byte out of bounds (the default of every kind).
    internal LLVMValueRef ZeroSlot => _zeroSlot.IsNull ? _zeroSlot = PrivateConstant(LLVM.ConstNull(LLVM.ArrayType2(_i8, 8)), "rz.zero", 8) : _zeroSlot;

    /// 8 writable bytes nobody reads, written instead of an element or byte out of bounds.
    internal LLVMValueRef ScratchSlot
    {
        get
        {
            if (!_scratchSlot.IsNull) return _scratchSlot;
            var t = LLVM.ArrayType2(_i8, 8);
            _scratchSlot = LLVM.AddGlobal(_mod, t, "rz.scratch");
            LLVM.SetInitializer(_scratchSlot, LLVM.ConstNull(t));
            LLVM.SetLinkage(_scratchSlot, LLVMLinkage.LLVMInternalLinkage);
            LLVM.SetAlignment(_scratchSlot, 8);
            return _scratchSlot;
        }
    }

    private uint _profKindId;
    private LLVMValueRef _likely;

    /// Marks the first successor of a conditional branch as taken almost always.
    internal void Likely(LLVMValueRef branch)
    {
        if (_profKindId == 0) _profKindId = LLVM.GetMDKindIDInContext(_ctx, "prof");
        if (_likely.IsNull)
        {
            LLVMMetadataRef W(uint n) => LLVM.ValueAsMetadata(LLVM.ConstInt(_i32, n, false));
            _likely = LLVM.MetadataAsValue(_ctx, Md(LLVM.MDStringInContext2(_ctx, "branch_weights"), W(2000), W(1)));
        }
        LLVM.SetMetadata(branch, _profKindId, _likely);
    }

    private LLVMMetadataRef Md(params LLVMMetadataRef[] ops)
    {
        fixed (LLVMMetadataRef* p = ops) return LLVM.MDNodeInContext2(_ctx, p, (nuint)ops.Length);
    }
}
