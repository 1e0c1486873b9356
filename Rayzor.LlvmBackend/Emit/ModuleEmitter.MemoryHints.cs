using Rayzor.LlvmBackend.Interop;

namespace Rayzor.LlvmBackend.Emit;

/// Disjoint kinds of memory generated code reaches through its array and Bytes operations
/// (type-based alias analysis: accesses tagged with different kinds never overlap).
internal enum MemoryKind { ArrayHeader, ArrayElement, BytesLength, BytesData }

public sealed unsafe partial class ModuleEmitter
{
    private readonly LLVMValueRef[] _tbaaTags = new LLVMValueRef[4];
    private uint _tbaaKindId;

    /// Tags a load or store with its memory kind, so LLVM knows that storing an array element does not
    /// change an array's length or data pointer (which then stay in registers across loop iterations),
    /// nor writing Bytes data a Bytes's length. Only accesses made by `alen`/`aget`/`aset`/`vset`/`bget`/`bset`
    /// are tagged; the others (fields, the runtime's own code behind calls) keep aliasing everything.
    internal void Tbaa(LLVMValueRef access, MemoryKind kind)
    {
        if (_tbaaKindId == 0) _tbaaKindId = LLVM.GetMDKindIDInContext(_ctx, "tbaa");
        ref var tag = ref _tbaaTags[(int)kind];
        if (tag.IsNull)
        {
            var root = Md(LLVM.MDStringInContext2(_ctx, "Rayzor TBAA"));
            var zero = LLVM.ValueAsMetadata(LLVM.ConstInt(_i64, 0, false));
            var type = Md(LLVM.MDStringInContext2(_ctx, "rayzor " + kind), root, zero);
            tag = LLVM.MetadataAsValue(_ctx, Md(type, type, zero));
        }
        LLVM.SetMetadata(access, _tbaaKindId, tag);
    }

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
