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
        var want = MirTypeOf(f.Type);
        return want == MirType.Void ? v : Adapt(v, want);
    }

    private ValueId LowerDynSet(TDynField f, ValueId value)
    {
        Native("rz_dyn_set", MirType.Void, [MirType.Ptr, MirType.Ptr, MirType.Ptr], LowerValue(f.Target), _b.Str(_module.InternString(f.Name)), Adapt(value, MirType.Ptr));
        return value;
    }
}
