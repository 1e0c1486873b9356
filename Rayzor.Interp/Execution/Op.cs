namespace Rayzor.Interp.Execution;

/// <summary>
/// The decoded instruction set: each MIR opcode specialized by its type (no type test at run time),
/// constants folded into frame set-up, jumps resolved to code offsets. Operands follow the opcode in
/// the code stream as ints: slots (`d` the result, `a b c` operands) or immediates.
/// </summary>
internal enum Op
{
    /// `d a b`: 32-bit integer arithmetic (wrapping), shifts masked to 0..31.
    IAdd, ISub, IMul, IRem, IAnd, IOr, IXor, IShl, IShr, IUShr,
    /// `d a`
    INeg, INot,
    /// `d a n`: a rotation right by the constant n (1..31), `(a >>> n) | (a << (32 - n))` fused.
    IRotr,
    /// `d a b c`: `(a + b) + c`, `(a ^ b) ^ c` (an inner operation fused into the outer one).
    IAdd3, IXor3,
    /// `d a b`: double arithmetic; FRem is C fmod.
    FAdd, FSub, FMul, FDiv, FRem, FMin, FMax,
    /// `d a b c`: `a*b + c`, `a*b - c`, `c - a*b`, each rounded twice like the two instructions it fuses.
    FMulAdd, FMulSub, FSubMul,
    /// `d a b c`: `(a * b) * c`.
    FMul3,
    /// `d a`
    FNeg, FSqrt, FFloor, FCeil, FAbs,
    /// `d a b`: comparisons giving 0/1.
    IEq, INe, ILt, ILe, IGt, IGe,
    FEq, FNe, FLt, FLe, FGt, FGe,
    PEq, PNe,
    /// `d a`
    BNot, IToF, FToI,
    /// `d a`: a copy (an inlined function returning its parameter or a constant).
    Mov,
    /// `target`
    Jmp,
    /// `target n (dst src)*`: a jump with the moves of its block arguments, in order.
    JmpMoves,
    /// `target block` / `target block n (dst src)*`: a jump to a block laid out before (a loop's
    /// back-edge), counted for tiering; the block's index finds its on-stack-replacement entry.
    JmpBack, JmpMovesBack,
    /// `c then else`
    BrIf,
    /// `a b then else`: a compare fused with the branch that is its only use.
    BrILt, BrILe, BrIGt, BrIGe, BrIEq, BrINe,
    BrFLt, BrFLe, BrFGt, BrFGe,
    /// `a` / nothing
    Ret, RetVoid,
    /// `d fn n args...`
    Call,
    /// `d native n args...`
    CallNative,
    /// `d slot n args...` (receiver first)
    VCall,
    /// `d selector n args...` (receiver first)
    ICall,
    /// `d site n closure args...`
    CallClosure,
    /// `d site f args`: a call of a Dynamic value through its closure descriptor's adapter.
    DynCall,
    /// `d global` / `global a`
    GLoad, GStore,
    /// `d global`: an Int static var (compiled code stores 4 bytes of its 8-byte slot).
    GLoadI32,
    /// `d a`: Array length, String length.
    ALen, SLen,
    /// `d array index`
    AGetI32, AGetF64, AGetPtr, AGetBool,
    /// `array index value`
    ASetI32, ASetF64, ASetPtr, ASetBool,
    /// `d array index` / `array index value`: agetu/asetu, whose array and index bce proved valid;
    /// the interpreter still tests them and stops with an error when the proof was wrong.
    AGetUI32, AGetU64, AGetUBool,
    ASetUI32, ASetU64, ASetUBool,
    /// `array index value`: a Vector's store, nothing out of bounds.
    VSetI32, VSetF64, VSetPtr, VSetBool,
    /// `d bytes index`: a little-endian read of a Bytes's data by width, 0 out of range.
    BGetU8, BGetU16, BGetI32, BGetF32, BGetF64,
    /// `bytes index width`: bgetu's range, which bce tested; stops with an error when the test was wrong
    /// (the read itself follows as a BGet op).
    BCheck,
    /// `bytes index value`: a write by width, nothing out of range.
    BSetU8, BSetU16, BSetI32, BSetF32, BSetF64,
    /// `d class`
    New,
    /// `d size`
    Alloc,
    /// `d fn env`
    Closure,
    /// `d obj offset`
    GetI32, GetF64, GetPtr, GetBool,
    /// `obj offset value`
    SetI32, SetF64, SetPtr, SetBool,
    /// `obj offset y`: a Float field updated in place, `o.f = o.f + y` / `o.f = o.f - y`.
    FFldAdd, FFldSub,
    /// `obj offset a b`: `o.f = a*b + o.f` / `o.f = o.f - a*b`.
    FFldAddMul, FFldSubMul,
    /// `body handler`: push a trap of this frame, go on at body.
    Try,
    /// pops the innermost trap of this frame (`rz_trap_pop`).
    TrapPop,
    /// `d`: the exception being handled (`rz_exception_value`).
    ExceptionValue,
    /// `a`
    Throw,
    Unreachable,
    /// `name`: a native the interpreter does not have (an error when reached).
    MissingNative,
}
