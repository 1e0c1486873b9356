using Rayzor.Frontend.Typed;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Read-modify-write targets (`a[i++] += 1`, `o.f++`): the object and index are evaluated once.
public sealed partial class Lowerer
{
    private sealed record Place(Func<ValueId> Read, Action<ValueId> Write);

    private Place LowerPlace(TExpr target)
    {
        switch (target)
        {
            case TIndex ix:
            {
                var arr = LowerValue(ix.Target);
                var i = LowerValue(ix.Index);
                if (IsDynamicIndex(ix)) return new Place(() => DynIndexGet(arr, i), v => DynIndexSet(arr, i, v));
                var storage = StorageOf(ix.Type);
                if (storage == null)
                    return new Place(
                        () => Native("rz_array_get_dyn", MirType.Ptr, [MirType.Ptr, MirType.I32], arr, i),
                        v => Native("rz_array_set_dyn", MirType.Void, [MirType.Ptr, MirType.I32, MirType.Ptr], arr, i, Adapt(v, MirType.Ptr)));
                return new Place(() => _b.Op(Opcode.AGet, storage.Value, arr, i), v => _b.Op(Opcode.ASet, MirType.Void, arr, i, Adapt(v, storage.Value)));
            }
            case TInstanceField f when FieldSlot(f.Target, f.Field) is { } slot:
            {
                var obj = LowerValue(f.Target);
                var want = MirTypeOf(f.Type);
                return new Place(() => Adapt(_b.GetField(obj, slot.Offset, slot.Type), want), v => _b.SetField(obj, slot.Offset, Adapt(v, slot.Type)));
            }
            case TDynField d:
            {
                var obj = LowerValue(d.Target);
                var name = _module.InternString(d.Name);
                var want = MirTypeOf(d.Type);
                return new Place(
                    () => Adapt(Native("rz_dyn_get", MirType.Ptr, [MirType.Ptr, MirType.Ptr], obj, _b.Str(name)), want),
                    v => Native("rz_dyn_set", MirType.Void, [MirType.Ptr, MirType.Ptr, MirType.Ptr], obj, _b.Str(name), Adapt(v, MirType.Ptr)));
            }
            default:
                return new Place(() => LowerValue(target), v => LowerAssign(target, v));
        }
    }
}
