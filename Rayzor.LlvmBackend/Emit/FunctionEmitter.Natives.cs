using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    private sealed partial class FunctionEmitter
    {
        /// Emits a hot runtime native's common case inline (each call into the NativeAOT runtime
        /// pays a reverse P/Invoke transition, several times the work of these bodies), keeping the
        /// call for the rare cases; false when `i`'s native has no inline form.
        private bool TryEmitInlineNative(Instruction i)
        {
            switch (i.Sym)
            {
                case "rz_string_char_code_at": Def(i, CharCodeAt(A(i, 0), A(i, 1))); return true;
                case "rz_unbox_int": Def(i, Unbox(i, m.BuiltinTd(1), m._i32)); return true;
                case "rz_unbox_float": Def(i, Unbox(i, m.BuiltinTd(2), m._f64)); return true;
                case "rz_sb_add": StringBufAdd(i); return true;
                case "rz_std_parse_int_raw": Def(i, ParseIntRaw(i)); return true;
                default: return false;
            }
        }

        /// `s.charCodeAt(index)` as the runtime defines it: a null string throws "Null access", an index
        /// outside the string gives -1, else the UTF-16 code unit.
        private LLVMValueRef CharCodeAt(LLVMValueRef s, LLVMValueRef index)
        {
            NullCheck(s);
            var length = Load(m._i32, At(s, StringLengthOffset), HeapAccess.StringLength);
            var inside = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, index, length, "");
            return Guarded(inside, m.CI32(-1), () =>
            {
                var unit = LLVM.BuildInBoundsGEP2(B, m._i16, At(s, StringCharsOffset), [LLVM.BuildZExt(B, index, m._i64, "")], "");
                return LLVM.BuildZExt(B, Load(m._i16, unit, HeapAccess.StringChars), m._i32, "");
            });
        }

        /// `sb.add(s)` of a String: when both are non-null and the units fit in the buffer's block, a
        /// copy and a length update (docs/abi.md, StringBuf); else the runtime (growth, null, "null").
        private void StringBufAdd(Instruction i)
        {
            var (sb, s) = (A(i, 0), A(i, 1));
            var check = NewBlock("sbadd.check");
            var fast = NewBlock("sbadd.fast");
            var slow = NewBlock("sbadd.slow");
            var join = NewBlock("sbadd.join");
            var anyNull = LLVM.BuildOr(B, LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, sb, LLVM.ConstNull(m._ptr), ""),
                LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s, LLVM.ConstNull(m._ptr), ""), "");
            LLVM.BuildCondBr(B, anyNull, slow, check);
            LLVM.PositionBuilderAtEnd(B, check);
            var n = Load(m._i32, At(s, StringLengthOffset), HeapAccess.StringLength);
            var length = Load(m._i32, At(sb, StringBufLengthOffset), HeapAccess.FieldI32);
            var capacity = Load(m._i32, At(sb, StringBufCapacityOffset), HeapAccess.FieldI32);
            // lengths are never negative: the sum cannot wrap in 64 bits
            var total = LLVM.BuildAdd(B, LLVM.BuildZExt(B, length, m._i64, ""), LLVM.BuildZExt(B, n, m._i64, ""), "");
            LikelyBr(LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULE, total, LLVM.BuildZExt(B, capacity, m._i64, ""), ""), fast, slow);
            LLVM.PositionBuilderAtEnd(B, fast);
            var block = Load(m._ptr, At(sb, StringBufBlockOffset), HeapAccess.FieldPtr);
            var dst = LLVM.BuildInBoundsGEP2(B, m._i16, At(block, StringCharsOffset), [LLVM.BuildZExt(B, length, m._i64, "")], "");
            var bytes = LLVM.BuildShl(B, LLVM.BuildZExt(B, n, m._i64, ""), LLVM.ConstInt(m._i64, 1, false), "");
            // the block's units are read only as a String's once handed over, after the last write
            m.Tag(LLVM.BuildMemCpy(B, dst, 2, At(s, StringCharsOffset), 8, bytes), HeapAccess.StringChars);
            m.Tag(LLVM.BuildStore(B, LLVM.BuildAdd(B, length, n, ""), At(sb, StringBufLengthOffset)), HeapAccess.FieldI32);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, slow);
            EmitCall(i);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
        }

        /// `Std.parseInt(s)` used as an Int (`rz_std_parse_int_raw`): a string of 1 to 9 decimal digits,
        /// after an optional `-`, is read inline (nine digits cannot overflow); anything else (null,
        /// whitespace, `+`, hex, more digits, text after the number) goes to the runtime.
        private LLVMValueRef ParseIntRaw(Instruction i)
        {
            var s = A(i, 0);
            var head = NewBlock("parseint.head");
            var first = NewBlock("parseint.first");
            var loop = NewBlock("parseint.loop");
            var body = NewBlock("parseint.body");
            var done = NewBlock("parseint.done");
            var slow = NewBlock("parseint.slow");
            var join = NewBlock("parseint.join");
            LLVM.BuildCondBr(B, LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, s, LLVM.ConstNull(m._ptr), ""), slow, head);

            LLVM.PositionBuilderAtEnd(B, head);
            var length = Load(m._i32, At(s, StringLengthOffset), HeapAccess.StringLength);
            // 1..10 units
            LikelyBr(LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, LLVM.BuildSub(B, length, m.CI32(1), ""), m.CI32(10), ""), first, slow);

            LLVM.PositionBuilderAtEnd(B, first);
            var chars = At(s, StringCharsOffset);
            var negative = LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, Load(m._i16, chars, HeapAccess.StringChars), LLVM.ConstInt(m._i16, '-', false), "");
            var start = LLVM.BuildZExt(B, negative, m._i32, "");
            // 1..9 digits after the sign
            var digits = LLVM.BuildSub(B, length, start, "");
            LikelyBr(LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, LLVM.BuildSub(B, digits, m.CI32(1), ""), m.CI32(9), ""), loop, slow);

            LLVM.PositionBuilderAtEnd(B, loop);
            var index = LLVM.BuildPhi(B, m._i32, "");
            var acc = LLVM.BuildPhi(B, m._i32, "");
            var unit = LLVM.BuildInBoundsGEP2(B, m._i16, chars, [LLVM.BuildZExt(B, index, m._i64, "")], "");
            var digit = LLVM.BuildSub(B, LLVM.BuildZExt(B, Load(m._i16, unit, HeapAccess.StringChars), m._i32, ""), m.CI32('0'), "");
            LikelyBr(LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, digit, m.CI32(10), ""), body, slow);

            LLVM.PositionBuilderAtEnd(B, body);
            var next = LLVM.BuildAdd(B, LLVM.BuildMul(B, acc, m.CI32(10), ""), digit, "");
            var after = LLVM.BuildAdd(B, index, m.CI32(1), "");
            LLVM.BuildCondBr(B, LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntULT, after, length, ""), loop, done);
            LLVM.AddIncoming(index, [start, after], [first, body]);
            LLVM.AddIncoming(acc, [m.CI32(0), next], [first, body]);

            LLVM.PositionBuilderAtEnd(B, done);
            var value = LLVM.BuildSelect(B, negative, LLVM.BuildSub(B, m.CI32(0), next, ""), next, "");
            LLVM.BuildBr(B, join);

            LLVM.PositionBuilderAtEnd(B, slow);
            var parsed = EmitCall(i);
            var slowEnd = LLVM.GetInsertBlock(B);
            LLVM.BuildBr(B, join);

            LLVM.PositionBuilderAtEnd(B, join);
            var phi = LLVM.BuildPhi(B, m._i32, "");
            LLVM.AddIncoming(phi, [value, parsed], [done, slowEnd]);
            return phi;
        }

        /// Unboxing to Int or Float: null gives 0, a box of the wanted kind (its descriptor is the
        /// program's built-in one, which the runtime's boxes use too) gives its value; any other value
        /// goes to the runtime's conversion (`rz_unbox_*`, docs/abi.md).
        private LLVMValueRef Unbox(Instruction i, LLVMValueRef boxTd, LLVMTypeRef type)
        {
            var v = A(i, 0);
            var entry = LLVM.GetInsertBlock(B);
            var test = NewBlock("unbox.box");
            var fast = NewBlock("unbox.fast");
            var slow = NewBlock("unbox.slow");
            var join = NewBlock("unbox.join");
            LLVM.BuildCondBr(B, LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, v, LLVM.ConstNull(m._ptr), ""), join, test);
            LLVM.PositionBuilderAtEnd(B, test);
            var td = Load(m._ptr, v, HeapAccess.FieldPtr);
            LikelyBr(LLVM.BuildICmp(B, LLVMIntPredicate.LLVMIntEQ, td, boxTd, ""), fast, slow);
            LLVM.PositionBuilderAtEnd(B, fast);
            var value = Load(type, At(v, BoxValueOffset), HeapAccess.BoxValue);
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, slow);
            var converted = EmitCall(i);
            var slowEnd = LLVM.GetInsertBlock(B); // (a tier unit's pending check splits the block)
            LLVM.BuildBr(B, join);
            LLVM.PositionBuilderAtEnd(B, join);
            var phi = LLVM.BuildPhi(B, type, "");
            LLVM.AddIncoming(phi, [LLVM.ConstNull(type), value, converted], [entry, fast, slowEnd]);
            return phi;
        }
    }
}
