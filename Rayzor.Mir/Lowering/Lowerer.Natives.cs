using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

public sealed partial class Lowerer
{
    /// The runtime export an extern function is bound to by `@:rzNative("rz_name")` (Rayzor's
    /// `_std` declares std natives that way, so a new native needs no case in the lowering).
    private static string? RzNativeName(FieldSymbol f) =>
        f.Meta(":rzNative") is { Args: [StringLiteral { Value: var name }] } ? name : null;

    /// A call of an `@:rzNative` extern: the export takes the MIR types of the Haxe signature
    /// (Int i32, Float f64, Bool bool, anything else a pointer), the receiver first for an instance
    /// method; an omitted optional argument is passed as zero or null.
    private ValueId? LowerRzNativeCall(TCall call, FieldSymbol f, ValueId? self)
    {
        if (RzNativeName(f) is not { } name || f.Type?.Follow() is not TFun sig) return null;
        var types = new List<MirType>();
        var args = new List<ValueId>();
        if (self is { } receiver)
        {
            types.Add(MirType.Ptr);
            args.Add(receiver);
        }
        for (var i = 0; i < sig.Args.Count; i++)
        {
            var t = MirTypeOf(sig.Args[i].Type);
            types.Add(t);
            args.Add(i < call.Args.Count && call.Args[i] is not TMissingArg ? Adapt(LowerValue(call.Args[i]), t) : ZeroValue(t));
        }
        var ret = MirTypeOf(sig.Return);
        var r = Native(name, ret, [.. types], [.. args]);
        if (ret == MirType.Void) return ValueId.None;
        var want = MirTypeOf(call.Type);
        return want == MirType.Void ? r : Adapt(r, want);
    }
}
