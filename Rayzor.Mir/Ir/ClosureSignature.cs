namespace Rayzor.Mir.Ir;

/// The representation of a closure's code without its environment (`ifp_v`: Int, Float, pointer
/// arguments, no result). Closures of one signature share a descriptor whose dynamic-call adapter
/// is the function named by AdapterName (docs/abi.md "Dynamic calls").
public static class ClosureSignature
{
    public static string Of(MirFunction code) => code.Name == VarArgsFunction ? VarArgs : Of(code.ParamTypes.Skip(1), code.ReturnType);

    /// <summary>
    /// `Reflect.makeVarArgs(f)`: a closure of <see cref="VarArgsFunction"/> (`ptr (ptr f, ptr
    /// args)`, calling f with the array) whose signature is <see cref="VarArgs"/>: its adapter
    /// hands a dynamic call's argument array over whole instead of unboxing it.
    /// </summary>
    public const string VarArgsFunction = "$varargs", VarArgs = "varargs";

    public static string Of(IEnumerable<MirType> args, MirType ret) => string.Concat(args.Select(Letter)) + "_" + Letter(ret);

    /// The function `ptr adapter(ptr closure, ptr args)` of a signature.
    public static string AdapterName(string signature) => "$dyncall." + signature;

    private static char Letter(MirType t) => t switch
    {
        MirType.Void => 'v', MirType.Bool => 'b', MirType.I32 => 'i', MirType.I64 => 'l', MirType.F64 => 'f', _ => 'p',
    };
}
