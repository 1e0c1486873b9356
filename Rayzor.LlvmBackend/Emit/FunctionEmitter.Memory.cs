using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// Field offsets of docs/abi.md.
    internal const int StringLengthOffset = 8, StringCharsOffset = 16, BoxValueOffset = 8,
        StringBufLengthOffset = 8, StringBufCapacityOffset = 12, StringBufBlockOffset = 16,
        ArrayLengthOffset = 8, ArrayDataOffset = 24, BytesLengthOffset = 8, BytesDataOffset = 16;

    private sealed partial class FunctionEmitter
    {
        private LLVMValueRef At(LLVMValueRef basePtr, int offset) =>
            LLVM.BuildInBoundsGEP2(B, m._i8, basePtr, [LLVM.ConstInt(m._i64, (ulong)offset, false)], "");

        private LLVMValueRef LoadI32(LLVMValueRef basePtr, int offset) => LLVM.BuildLoad2(B, m._i32, At(basePtr, offset), "");

        private LLVMValueRef Load(LLVMTypeRef t, LLVMValueRef ptr, HeapAccess kind)
        {
            var v = LLVM.BuildLoad2(B, t, ptr, "");
            m.Tag(v, kind);
            return v;
        }

        private void Store(LLVMValueRef v, LLVMValueRef ptr, HeapAccess kind) => m.Tag(LLVM.BuildStore(B, v, ptr), kind);

        /// `alen`: the length of an Array.
        private LLVMValueRef ArrayLength(LLVMValueRef arr) => Load(m._i32, At(arr, ArrayLengthOffset), HeapAccess.ArrayHeader);

        private LLVMValueRef ArrayData(LLVMValueRef arr) => Load(m._ptr, At(arr, ArrayDataOffset), HeapAccess.ArrayHeader);

        /// The memory type of an element stored as `t` (Bool is one byte).
        private LLVMTypeRef Slot(MirType t) => t == MirType.Bool ? m._i8 : m.Llvm(t);

        /// The length and data pointer of an Array (the data field is always readable; null while empty).
        private (LLVMValueRef Length, LLVMValueRef Data) ArrayHeader(LLVMValueRef arr) =>
            (ArrayLength(arr), ArrayData(arr));

        private LLVMValueRef ElementPtr(LLVMValueRef data, LLVMValueRef index, MirType t) =>
            LLVM.BuildInBoundsGEP2(B, Slot(t), data, [LLVM.BuildZExt(B, index, m._i64, "")], "");

        private LLVMBasicBlockRef NewBlock(string name) => LLVM.AppendBasicBlockInContext(m._ctx, m.Fn(f.Name).Fn, name);

        /// `aget`: in bounds (unsigned compare, so negative indices fail too) the element, else the default.
        private LLVMValueRef EmitArrayGet(Instruction i)
        {
            var (length, data) = ArrayHeader(A(i, 0));
            var index = A(i, 1);
            var inBounds = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, length, "");
            return Guarded(inBounds, m.Llvm(i.Type), () => LoadElement(data, index, i.Type));
        }

        private LLVMValueRef LoadElement(LLVMValueRef data, LLVMValueRef index, MirType t)
        {
            var v = Load(Slot(t), ElementPtr(data, index, t), HeapAccess.ArrayElement);
            return t == MirType.Bool ? LLVM.BuildTrunc(B, v, m._i1, "") : v;
        }

        /// `agetu`: the element without tests (bce proved the array non-null and the index inside it).
        private LLVMValueRef EmitArrayGetUnchecked(Instruction i) => LoadElement(ArrayData(A(i, 0)), A(i, 1), i.Type);

        /// `asetu`: the store without tests (bce proved the array non-null and the index inside it).
        private void EmitArraySetUnchecked(Instruction i)
        {
            var t = f.TypeOf(i.Args[2]);
            var value = A(i, 2);
            Store(t == MirType.Bool ? LLVM.BuildZExt(B, value, m._i8, "") : value, ElementPtr(ArrayData(A(i, 0)), A(i, 1), t), HeapAccess.ArrayElement);
        }

        /// `cond ? load() : 0` with `cond` marked likely, as a branch: LLVM's range-check elimination
        /// (irce, run after the standard pipeline) then splits a loop so that its main part runs
        /// without the test.
        private LLVMValueRef Guarded(LLVMValueRef cond, LLVMTypeRef type, Func<LLVMValueRef> load) => Guarded(cond, LLVM.ConstNull(type), load);

        /// `cond ? load() : otherwise` with `cond` marked likely (see above).
        private LLVMValueRef Guarded(LLVMValueRef cond, LLVMValueRef otherwise, Func<LLVMValueRef> load)
        {
            var from = LLVM.GetInsertBlock(B);
            var then = NewBlock("inbounds");
            var join = NewBlock("inbounds.join");
            LikelyBr(cond, then, join);
            LLVM.PositionBuilderAtEnd(B, then);
            var v = load();
            var end = LLVM.GetInsertBlock(B);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
            var phi = LLVM.BuildPhi(B, LLVM.TypeOf(otherwise), "");
            LLVM.AddIncoming(phi, [v, otherwise], [end, from]);
            return phi;
        }

        /// `if (cond) store()` with `cond` marked likely.
        private void GuardedStore(LLVMValueRef cond, Action store)
        {
            var then = NewBlock("inbounds");
            var join = NewBlock("inbounds.join");
            LikelyBr(cond, then, join);
            LLVM.PositionBuilderAtEnd(B, then);
            store();
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
        }

        private void LikelyBr(LLVMValueRef cond, LLVMBasicBlockRef then, LLVMBasicBlockRef els) =>
            m.Likely(LLVM.BuildCondBr(B, cond, then, els));

        /// `aset`: in bounds stores inline, else the runtime grows the array. `vset` (a Vector, whose
        /// length is fixed) stores out of bounds into a scratch slot nobody reads: no branch and no
        /// call, so in a loop the array's header and other memory stay in registers.
        private void EmitArraySet(Instruction i, bool grow)
        {
            var arr = A(i, 0);
            var index = A(i, 1);
            var value = A(i, 2);
            var t = f.TypeOf(i.Args[2]);
            var stored = t == MirType.Bool ? LLVM.BuildZExt(B, value, m._i8, "") : value;
            var (length, data) = ArrayHeader(arr);
            var inBounds = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, length, "");
            if (!grow)
            {
                GuardedStore(inBounds, () => Store(stored, ElementPtr(data, index, t), HeapAccess.ArrayElement));
                return;
            }
            var store = NewBlock("aset");
            var slow = NewBlock("aset.grow");
            var join = NewBlock("aset.join");
            LikelyBr(inBounds, store, slow);
            LLVM.PositionBuilderAtEnd(B, store);
            Store(stored, ElementPtr(data, index, t), HeapAccess.ArrayElement);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, slow);
            var suffix = t switch { MirType.I32 => "i32", MirType.F64 => "f64", MirType.Bool => "bool", _ => "ptr" };
            var abiValue = t == MirType.Bool ? LLVM.BuildZExt(B, value, m._i32, "") : value;
            var setter = m.DeclareC("rz_array_set_" + suffix, m._void, m._ptr, m._i32, LLVM.TypeOf(abiValue));
            m.Call(setter, [arr, index, abiValue]);
            m.TierPendingCheck(m.Fn(f.Name).Fn);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
        }

        /// The memory type of a `bget`/`bset` width.
        private LLVMTypeRef MemType(ByteWidth w) => w switch
        {
            ByteWidth.U8 => m._i8,
            ByteWidth.U16 => m._i16,
            ByteWidth.I32 => m._i32,
            ByteWidth.F32 => LLVM.FloatTypeInContext(m._ctx),
            _ => m._f64,
        };

        private static int WidthOf(ByteWidth w) => w switch { ByteWidth.U8 => 1, ByteWidth.U16 => 2, ByteWidth.I32 or ByteWidth.F32 => 4, _ => 8 };

        /// Whether bytes `index .. index + width - 1` lie inside a Bytes's length (an unsigned test,
        /// so negative indices fail too).
        private LLVMValueRef BytesInRange(LLVMValueRef bytes, LLVMValueRef index, ByteWidth w)
        {
            var length = Load(m._i32, At(bytes, BytesLengthOffset), HeapAccess.FieldI32);
            if (w == ByteWidth.U8) return LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, length, "");
            var end = LLVM.BuildAdd(B, LLVM.BuildZExt(B, index, m._i64, ""), LLVM.ConstInt(m._i64, (ulong)WidthOf(w), false), "");
            return LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULE, end, LLVM.BuildZExt(B, length, m._i64, ""), "");
        }

        /// The address of byte `index` of a Bytes's data, which follows its header, when `inRange`;
        /// else the zeroed constant (reads) or the scratch slot (writes).
        private LLVMValueRef BytePtr(LLVMValueRef bytes, LLVMValueRef index, LLVMValueRef inRange, LLVMValueRef outside) =>
            LLVM.BuildSelect(B, inRange, LLVM.BuildInBoundsGEP2(B, m._i8, At(bytes, BytesDataOffset), [LLVM.BuildZExt(B, index, m._i64, "")], ""), outside, "");

        /// `bget`: one unaligned little-endian load (the targets are little-endian) widened to the MIR
        /// type; outside the bytes it reads the zeroed constant, so 0. Branch-free: byte loops rarely
        /// step by one element (range-check elimination needs that), and straight-line code lets LLVM
        /// hoist the null and range tests of other objects out of the loop.
        private LLVMValueRef EmitBytesGet(Instruction i)
        {
            var w = (ByteWidth)i.Imm;
            var bytes = A(i, 0);
            var index = A(i, 1);
            var raw = Load(MemType(w), BytePtr(bytes, index, BytesInRange(bytes, index, w), m.ZeroSlot), HeapAccess.BytesData);
            LLVM.SetAlignment(raw, 1);
            return Widen(raw, w);
        }

        /// `bgetu`: the load without the range test (bce tested it once for a run of accesses). An
        /// index `x + c` (c a constant >= 0), or `x` alone, is addressed as byte c past sign-extended
        /// x: the same byte whenever the index is inside the bytes (a sum that wrapped would be
        /// negative), and LLVM then sees the run's accesses at constant distances from one base even
        /// where nothing shows it that x >= 0 (a test hoisted out of the loop, LoopGuard), so four
        /// byte reads can become one wide load (and a bswap for big-endian reads).
        private LLVMValueRef EmitBytesGetUnchecked(Instruction i)
        {
            var w = (ByteWidth)i.Imm;
            var (x, offset) = Definition(i.Args[1]) is { Op: Opcode.IAdd, Args: [var b, var k] } && Definition(k) is { Op: Opcode.IConst, Imm: >= 0 } c
                ? (b, c.Imm)
                : (i.Args[1], 0L);
            var at = LLVM.BuildGEP2(B, m._i8, At(A(i, 0), BytesDataOffset), [LLVM.BuildSExt(B, V(x), m._i64, "")], "");
            var ptr = offset == 0 ? at : LLVM.BuildGEP2(B, m._i8, at, [LLVM.ConstInt(m._i64, (ulong)offset, false)], "");
            var raw = Load(MemType(w), ptr, HeapAccess.BytesData);
            LLVM.SetAlignment(raw, 1);
            return Widen(raw, w);
        }

        /// A value read as a `bget` width, as its MIR type.
        private LLVMValueRef Widen(LLVMValueRef raw, ByteWidth w) => w switch
        {
            ByteWidth.U8 or ByteWidth.U16 => LLVM.BuildZExt(B, raw, m._i32, ""),
            ByteWidth.F32 => LLVM.BuildFPExt(B, raw, m._f64, ""),
            _ => raw,
        };

        private Dictionary<ValueId, Instruction>? _definitions;

        /// The instruction defining a value (null for a block parameter).
        private Instruction? Definition(ValueId v) =>
            (_definitions ??= f.Blocks.SelectMany(b => b.Insts).Where(d => !d.Result.IsNone).ToDictionary(d => d.Result)).GetValueOrDefault(v);

        /// `bset`: the value narrowed to the width in one unaligned store; outside the bytes it goes to
        /// the scratch slot.
        private void EmitBytesSet(Instruction i)
        {
            var w = (ByteWidth)i.Imm;
            var bytes = A(i, 0);
            var index = A(i, 1);
            var v = A(i, 2);
            v = w switch
            {
                ByteWidth.U8 or ByteWidth.U16 => LLVM.BuildTrunc(B, v, MemType(w), ""),
                ByteWidth.F32 => LLVM.BuildFPTrunc(B, v, MemType(w), ""),
                _ => v,
            };
            var st = LLVM.BuildStore(B, v, BytePtr(bytes, index, BytesInRange(bytes, index, w), m.ScratchSlot));
            m.Tag(st, HeapAccess.BytesData);
            LLVM.SetAlignment(st, 1);
        }
    }
}
