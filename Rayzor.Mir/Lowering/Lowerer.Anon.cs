using Rayzor.Frontend.Typed;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Anonymous structures and Dynamic field access: by name through the runtime (docs/abi.md);
/// values are stored boxed.
public sealed partial class Lowerer
{
    private ValueId LowerObjectDecl(TObjectDecl o)
    {
        var obj = Native("rz_anon_new", MirType.Ptr, [MirType.I32], _b.IConst(o.Fields.Count));
        foreach (var (name, value) in o.Fields)
            Native("rz_dyn_set", MirType.Void, [MirType.Ptr, MirType.Ptr, MirType.Ptr], obj, _b.Str(_module.InternString(name)), Adapt(LowerValue(value), MirType.Ptr));
        return obj;
    }

    private ValueId LowerDynGet(TDynField f)
    {
        var v = Native("rz_dyn_get", MirType.Ptr, [MirType.Ptr, MirType.Ptr], LowerValue(f.Target), _b.Str(_module.InternString(f.Name)));
        if (f.Type.Follow() is TFun fun) return FunctionOfType(v, fun);
        var want = MirTypeOf(f.Type);
        return want == MirType.Void ? v : Adapt(v, want);
    }

    /// A function read from a structure, whose closure may have been made with another
    /// representation (an iterator's `next` made in generic code returns a pointer where the reader
    /// expects a Float): kept when its descriptor is the one of the expected signature, else
    /// wrapped to be called dynamically. Null stays null.
    private ValueId FunctionOfType(ValueId v, TFun to)
    {
        var sig = ClosureSignature.Of(to.Args.Select(a => MirTypeOf(a.Type)), MirTypeOf(to.Return));
        return Choose(_b.Cmp(Opcode.PCmp, Cond.Eq, v, _b.Null()), MirType.Ptr, () => v, () =>
            Choose(_b.Cmp(Opcode.PCmp, Cond.Eq, _b.GetField(v, 0, MirType.Ptr), _b.TypeDesc("#fn." + sig)), MirType.Ptr,
                () => v, () => FunctionFromDynamic(v, to)));
    }

    private ValueId LowerDynSet(TDynField f, Func<ValueId> lowerValue)
    {
        var obj = LowerValue(f.Target);
        var value = lowerValue();
        Native("rz_dyn_set", MirType.Void, [MirType.Ptr, MirType.Ptr, MirType.Ptr], obj, _b.Str(_module.InternString(f.Name)), Adapt(value, MirType.Ptr));
        return value;
    }
}
