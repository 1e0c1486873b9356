namespace Rayzor.Mir.Ir;

/// An SSA value of one function: an instruction result or a block parameter (`%N`).
public readonly record struct ValueId(int Index)
{
    public static readonly ValueId None = new(-1);
    public bool IsNone => Index < 0;
    public override string ToString() => "%" + Index;
}

/// A basic block of one function (`bbN`).
public readonly record struct BlockId(int Index)
{
    public override string ToString() => "bb" + Index;
}

/// The machine-level type of a MIR value.
public enum MirType : byte
{
    /// No value (a call's result, a function's return).
    Void,
    /// `i1`: Haxe Bool.
    Bool,
    /// 32-bit wrapping integer: Haxe Int.
    I32,
    /// 64-bit integer: sizes, haxe.Int64 later.
    I64,
    /// IEEE double: Haxe Float.
    F64,
    /// A pointer: every object, String, Dynamic, Null<T>; the collector sees it.
    Ptr,
}

/// A jump to a block with the values of its parameters.
public sealed record BlockCall(BlockId Block, List<ValueId> Args);

/// Comparison conditions of `icmp`, `fcmp` and `pcmp`.
public enum Cond : byte { Eq, Ne, Lt, Le, Gt, Ge }

public static class MirTypeText
{
    public static string Name(this MirType t) => t switch
    {
        MirType.Void => "void", MirType.Bool => "bool", MirType.I32 => "i32", MirType.I64 => "i64", MirType.F64 => "f64", _ => "ptr",
    };

    /// The element kind (`RZ_ELEM_*`, docs/abi.md) of values of this type in arrays, maps and field tables.
    public static int ElementKind(this MirType t) => t switch { MirType.I32 => 1, MirType.F64 => 2, MirType.Bool => 3, _ => 0 };

    public static MirType Parse(string s) => s switch
    {
        "void" => MirType.Void, "bool" => MirType.Bool, "i32" => MirType.I32, "i64" => MirType.I64, "f64" => MirType.F64, "ptr" => MirType.Ptr,
        _ => throw new FormatException("unknown MIR type " + s),
    };
}
