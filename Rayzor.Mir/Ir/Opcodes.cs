namespace Rayzor.Mir.Ir;

/// What an instruction may do besides producing its result; passes rely on it.
[Flags]
public enum Effects : byte
{
    /// Pure: may be folded, moved or deleted when unused.
    None = 0,
    ReadsMemory = 1,
    WritesMemory = 2,
    /// Calls unknown code (may do anything, may throw).
    Calls = 4,
    /// Ends a block.
    Terminator = 8,
}

/// How an opcode's immediate is spelled in the text form.
/// Dispatch: the receiver's static class or interface and a vtable slot or selector (`@C N`).
public enum ImmKind : byte { None, Int, Float, Bool, Str, Sym, Cond, Width, Dispatch }

/// The memory form of a `bget`/`bset` (its immediate): the width in a Bytes's data and the MIR
/// type the value travels as (Int for U8, U16, I32; Float for F32, F64).
public enum ByteWidth : byte { U8, U16, I32, F32, F64 }

/// The MIR opcode set. Declared once here; OpcodeTable gives each its spelling, shape and effects.
public enum Opcode : byte
{
    IConst, FConst, BConst, Null, Str,
    IAdd, ISub, IMul, IRem, IAnd, IOr, IXor, IShl, IShr, IUShr, INeg, INot,
    FAdd, FSub, FMul, FDiv, FRem, FNeg, FSqrt, FFloor, FCeil, FAbs, FMin, FMax,
    ICmp, FCmp, PCmp, BNot,
    IToF, FToI,
    Call, CallNative,
    GLoad, GStore,
    ALen, AGet, ASet, VSet, AGetU, ASetU, SLen, BGet, BGetU, BSet,
    New, GetField, SetField, VCall, ICall,
    Alloc, SAlloc, Closure, CallClosure, DynCall,
    Br, BrIf, Ret, Unreachable,
    TryEnter, Throw, TypeDesc,
}

/// One row of the opcode table: spelling, operand count (-1: any), whether it produces a value, its immediate, effects and a one-line doc.
public sealed record OpcodeInfo(Opcode Op, string Name, int Arity, bool HasResult, ImmKind Imm, Effects Effects, string Doc);

public static class OpcodeTable
{
    private static readonly OpcodeInfo[] Rows =
    [
        new(Opcode.IConst, "iconst", 0, true, ImmKind.Int, Effects.None, "a 32-bit integer constant"),
        new(Opcode.FConst, "fconst", 0, true, ImmKind.Float, Effects.None, "a double constant"),
        new(Opcode.BConst, "bconst", 0, true, ImmKind.Bool, Effects.None, "a Bool constant"),
        new(Opcode.Null, "null", 0, true, ImmKind.None, Effects.None, "the null pointer"),
        new(Opcode.Str, "str", 0, true, ImmKind.Str, Effects.None, "a String literal, static data in the object file"),
        new(Opcode.IAdd, "iadd", 2, true, ImmKind.None, Effects.None, "wrapping 32-bit add"),
        new(Opcode.ISub, "isub", 2, true, ImmKind.None, Effects.None, "wrapping 32-bit subtract"),
        new(Opcode.IMul, "imul", 2, true, ImmKind.None, Effects.None, "wrapping 32-bit multiply"),
        new(Opcode.IRem, "irem", 2, true, ImmKind.None, Effects.None, "remainder truncated toward zero (sign of the dividend); x % 0 and x % -1 give 0"),
        new(Opcode.IAnd, "iand", 2, true, ImmKind.None, Effects.None, "bitwise and"),
        new(Opcode.IOr, "ior", 2, true, ImmKind.None, Effects.None, "bitwise or"),
        new(Opcode.IXor, "ixor", 2, true, ImmKind.None, Effects.None, "bitwise xor"),
        new(Opcode.IShl, "ishl", 2, true, ImmKind.None, Effects.None, "shift left by the count masked to 0..31"),
        new(Opcode.IShr, "ishr", 2, true, ImmKind.None, Effects.None, "arithmetic shift right by the count masked to 0..31"),
        new(Opcode.IUShr, "iushr", 2, true, ImmKind.None, Effects.None, "logical shift right by the count masked to 0..31"),
        new(Opcode.INeg, "ineg", 1, true, ImmKind.None, Effects.None, "wrapping negation"),
        new(Opcode.INot, "inot", 1, true, ImmKind.None, Effects.None, "bitwise complement"),
        new(Opcode.FAdd, "fadd", 2, true, ImmKind.None, Effects.None, "double add"),
        new(Opcode.FSub, "fsub", 2, true, ImmKind.None, Effects.None, "double subtract"),
        new(Opcode.FMul, "fmul", 2, true, ImmKind.None, Effects.None, "double multiply"),
        new(Opcode.FDiv, "fdiv", 2, true, ImmKind.None, Effects.None, "double divide (IEEE: x/0 is an infinity or NaN)"),
        new(Opcode.FRem, "frem", 2, true, ImmKind.None, Effects.None, "C fmod"),
        new(Opcode.FNeg, "fneg", 1, true, ImmKind.None, Effects.None, "double negation"),
        new(Opcode.FSqrt, "fsqrt", 1, true, ImmKind.None, Effects.None, "square root"),
        new(Opcode.FFloor, "ffloor", 1, true, ImmKind.None, Effects.None, "round toward -infinity, as a double"),
        new(Opcode.FCeil, "fceil", 1, true, ImmKind.None, Effects.None, "round toward +infinity, as a double"),
        new(Opcode.FAbs, "fabs", 1, true, ImmKind.None, Effects.None, "absolute value of a double"),
        new(Opcode.FMin, "fmin", 2, true, ImmKind.None, Effects.None, "the smaller double; NaN when either is NaN (Math.min)"),
        new(Opcode.FMax, "fmax", 2, true, ImmKind.None, Effects.None, "the larger double; NaN when either is NaN (Math.max)"),
        new(Opcode.ICmp, "icmp", 2, true, ImmKind.Cond, Effects.None, "signed 32-bit comparison, a Bool"),
        new(Opcode.FCmp, "fcmp", 2, true, ImmKind.Cond, Effects.None, "ordered double comparison (false with NaN, except ne), a Bool"),
        new(Opcode.PCmp, "pcmp", 2, true, ImmKind.Cond, Effects.None, "pointer identity, eq or ne"),
        new(Opcode.BNot, "bnot", 1, true, ImmKind.None, Effects.None, "Bool negation"),
        new(Opcode.IToF, "itof", 1, true, ImmKind.None, Effects.None, "Int to Float"),
        new(Opcode.FToI, "ftoi", 1, true, ImmKind.None, Effects.None, "Float to Int toward zero, saturating (NaN gives 0)"),
        new(Opcode.Call, "call", -1, true, ImmKind.Sym, Effects.Calls, "direct call of a function of the module"),
        new(Opcode.CallNative, "callnative", -1, true, ImmKind.Sym, Effects.Calls, "call of a C-ABI symbol of the runtime or libc"),
        new(Opcode.GLoad, "gload", 0, true, ImmKind.Sym, Effects.ReadsMemory, "read a global (a static var)"),
        new(Opcode.GStore, "gstore", 1, false, ImmKind.Sym, Effects.WritesMemory, "write a global"),
        new(Opcode.ALen, "alen", 1, true, ImmKind.None, Effects.ReadsMemory, "length of an Array"),
        new(Opcode.AGet, "aget", 2, true, ImmKind.None, Effects.ReadsMemory, "element of an Array stored unboxed as the result type; the default (0, 0.0, false, null) out of bounds"),
        new(Opcode.ASet, "aset", 3, false, ImmKind.None, Effects.WritesMemory | Effects.Calls, "store an element, growing the Array when the index is past its end"),
        new(Opcode.VSet, "vset", 3, false, ImmKind.None, Effects.WritesMemory,
            "store an element of an Array of fixed length (haxe.ds.Vector) when the index is inside it, else nothing"),
        new(Opcode.AGetU, "agetu", 2, true, ImmKind.None, Effects.ReadsMemory,
            "aget without the tests: the Array is not null and the index inside its length (the bce pass proved it)"),
        new(Opcode.ASetU, "asetu", 3, false, ImmKind.None, Effects.WritesMemory,
            "aset without the tests: the Array is not null and the index inside its length (the bce pass proved it), so it never grows"),
        new(Opcode.SLen, "slen", 1, true, ImmKind.None, Effects.ReadsMemory, "length of a String in UTF-16 code units"),
        new(Opcode.BGet, "bget", 2, true, ImmKind.Width, Effects.ReadsMemory,
            "read the ByteWidth of the immediate at a byte index of a Bytes's data, little-endian (u8/u16 zero-extended, f32 widened); 0 when not inside its length"),
        new(Opcode.BGetU, "bgetu", 2, true, ImmKind.Width, Effects.ReadsMemory,
            "bget without the range test: the Bytes is not null and its bytes at the index inside its length (the bce pass tested it once for several accesses)"),
        new(Opcode.BSet, "bset", 3, false, ImmKind.Width, Effects.WritesMemory,
            "store a value as the ByteWidth of the immediate at a byte index of a Bytes's data, little-endian (truncated, f32 rounded); nothing when not inside its length"),
        new(Opcode.New, "new", 0, true, ImmKind.Sym, Effects.Calls, "allocate an instance of a class (fields zeroed, type descriptor set)"),
        new(Opcode.GetField, "getfield", 1, true, ImmKind.Int, Effects.ReadsMemory, "load the field at a byte offset of an object"),
        new(Opcode.SetField, "setfield", 2, false, ImmKind.Int, Effects.WritesMemory, "store the field at a byte offset of an object"),
        new(Opcode.VCall, "vcall", -1, true, ImmKind.Dispatch, Effects.Calls,
            "call the method in a vtable slot of the receiver (first operand); the immediate also names the receiver's static class"),
        new(Opcode.ICall, "icall", -1, true, ImmKind.Dispatch, Effects.Calls,
            "call an interface method by selector through the receiver's itable; the immediate also names the interface"),
        new(Opcode.Alloc, "alloc", 0, true, ImmKind.Int, Effects.Calls, "allocate zeroed, scanned GC memory of a byte size (closure environments, variable cells)"),
        new(Opcode.SAlloc, "salloc", 0, true, ImmKind.Sym, Effects.WritesMemory,
            "an instance of a class in this function's stack frame, laid out as `new` lays it out (fields zeroed, descriptor set); one slot per instruction, so the object it made last must be dead when it runs again (the escape pass proves it, and that the object never leaves the function: StackObjects)"),
        new(Opcode.Closure, "closure", 1, true, ImmKind.Sym, Effects.Calls, "a closure of a function (whose first parameter is the environment) and an environment"),
        new(Opcode.CallClosure, "callclosure", -1, true, ImmKind.None, Effects.Calls, "call a closure (first operand) with the remaining operands"),
        new(Opcode.DynCall, "dyncall", 2, true, ImmKind.None, Effects.Calls,
            "call a Dynamic value (first operand) with an Array of boxed arguments (second) through its descriptor's adapter; the boxed result (throws when not a function)"),
        new(Opcode.Br, "br", 0, false, ImmKind.None, Effects.Terminator, "jump to a block, passing its parameters"),
        new(Opcode.BrIf, "brif", 1, false, ImmKind.None, Effects.Terminator, "jump to the first block if the Bool is true, else to the second"),
        new(Opcode.Ret, "ret", -1, false, ImmKind.None, Effects.Terminator, "return, with a value unless the function returns void"),
        new(Opcode.Unreachable, "unreachable", 0, false, ImmKind.None, Effects.Terminator, "control never gets here"),
        new(Opcode.TryEnter, "tryenter", 0, false, ImmKind.None, Effects.Terminator | Effects.Calls,
            "push a trap (a record in this frame, setjmp) and jump to the first block; a throw while the trap is innermost pops it and arrives at the second"),
        new(Opcode.Throw, "throw", 1, false, ImmKind.None, Effects.Terminator | Effects.Calls, "throw a value (a pointer): longjmp to the innermost trap, or report it uncaught and exit"),
        new(Opcode.TypeDesc, "typedesc", 0, true, ImmKind.Sym, Effects.None, "the type descriptor of a class or enum, or of a built-in (#String, #Int, #Float, #Bool, #Array)"),
    ];

    private static readonly Dictionary<string, OpcodeInfo> ByName = Rows.ToDictionary(r => r.Name);

    static OpcodeTable()
    {
        for (var i = 0; i < Rows.Length; i++)
            if ((int)Rows[i].Op != i) throw new InvalidOperationException("opcode table out of order at " + Rows[i].Name);
    }

    public static OpcodeInfo Info(this Opcode op) => Rows[(int)op];

    public static OpcodeInfo? Find(string name) => ByName.GetValueOrDefault(name);

    public static IReadOnlyList<OpcodeInfo> All => Rows;
}
