using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// What a heap access touches, for LLVM's type-based alias analysis: Haxe is type safe, so a
/// location is always read and written as one of these, and accesses of different kinds never
/// alias (a store to a Float field cannot change an array's length or data pointer, so loop code
/// keeps them in registers). Accesses the backend does not classify stay untagged and alias
/// everything.
internal enum HeapAccess
{
    /// An object's (or cell's, enum value's, closure environment's) field of that representation,
    /// the object header included.
    FieldI32, FieldF64, FieldPtr, FieldBool,
    /// An array's header (length and data pointer, changed only by the runtime) and its elements.
    ArrayHeader, ArrayElement,
    /// The bytes of a haxe.io.Bytes (its `length` is an ordinary Int field: FieldI32).
    BytesData,
    /// A string's length and its code units (strings are immutable).
    StringLength, StringChars,
    /// The value of an Int, Float or Bool box (immutable).
    BoxValue,
    /// An entry of a type descriptor's vtable or itable (constant data).
    DispatchTable,
}

public sealed unsafe partial class ModuleEmitter
{
    private uint _tbaaKind;
    private LLVMValueRef[]? _tbaaTags;

    /// Tags a load or store with the TBAA access tag of its kind.
    internal LLVMValueRef Tag(LLVMValueRef access, HeapAccess kind)
    {
        _tbaaTags ??= BuildTbaaTags();
        LLVM.SetMetadata(access, _tbaaKind, _tbaaTags[(int)kind]);
        return access;
    }

    internal static HeapAccess FieldAccess(MirType t) => t switch
    {
        MirType.I32 => HeapAccess.FieldI32,
        MirType.F64 => HeapAccess.FieldF64,
        MirType.Bool => HeapAccess.FieldBool,
        _ => HeapAccess.FieldPtr,
    };

    /// A root, one scalar type node per kind under it, and the access tags `!{T, T, 0}`.
    private LLVMValueRef[] BuildTbaaTags()
    {
        _tbaaKind = LLVM.GetMDKindIDInContext(_ctx, "tbaa");
        var zero = LLVM.ValueAsMetadata(LLVM.ConstInt(_i64, 0, false));
        var root = LLVM.MDNodeInContext2(_ctx, [LLVM.MDStringInContext2(_ctx, "Rayzor TBAA")]);
        var kinds = Enum.GetValues<HeapAccess>();
        var tags = new LLVMValueRef[kinds.Length];
        foreach (var k in kinds)
        {
            var type = LLVM.MDNodeInContext2(_ctx, [LLVM.MDStringInContext2(_ctx, "rayzor." + k), root, zero]);
            tags[(int)k] = LLVM.MetadataAsValue(_ctx, LLVM.MDNodeInContext2(_ctx, [type, type, zero]));
        }
        return tags;
    }
}
