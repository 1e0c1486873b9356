using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

public sealed partial class Lowerer
{
    /// Element kinds of docs/abi.md.
    private const int ElemPtr = 0;

    /// How elements of an Array<elem> are stored; null when the element type is erased (a type
    /// parameter) or Dynamic, so accesses must go through the runtime, which knows the array's real kind.
    private MirType? StorageOf(HType elem)
    {
        var t = elem;
        while (t is TMono { Bound: { } b }) t = b;
        // Array<Dynamic> may be any array (`var a:Array<Dynamic> = dyn`): its real kind decides
        if (t is TParam || _core.IsDynamic(t)) return null;
        return MirTypeOf(elem) is MirType.Void ? MirType.Ptr : MirTypeOf(elem);
    }

    private static int KindOf(MirType t) => t.ElementKind();

    private static string Suffix(MirType t) => t switch { MirType.I32 => "i32", MirType.F64 => "f64", MirType.Bool => "bool", _ => "ptr" };

    private ValueId LowerArrayDecl(TArrayDecl a)
    {
        var storage = StorageOf(a.ElemType) ?? MirType.Ptr;
        var arr = Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(KindOf(storage)), _b.IConst(a.Items.Count));
        for (var i = 0; i < a.Items.Count; i++)
        {
            var v = Adapt(LowerValue(a.Items[i]), storage);
            _b.Op(Opcode.ASet, MirType.Void, arr, _b.IConst(i), v);
        }
        return arr;
    }

    /// `d[i]` on a Dynamic value: through the runtime, which checks that it is an Array.
    private bool IsDynamicIndex(TIndex ix) => _core.IsDynamic(ix.Target.Type);

    private ValueId DynIndexGet(ValueId obj, ValueId i) => Native("rz_dyn_index_get", MirType.Ptr, [MirType.Ptr, MirType.I32], obj, i);

    private void DynIndexSet(ValueId obj, ValueId i, ValueId v) =>
        Native("rz_dyn_index_set", MirType.Void, [MirType.Ptr, MirType.I32, MirType.Ptr], obj, i, Adapt(v, MirType.Ptr));

    /// `d[cast "name"]` on a Dynamic (the std's `__getField` on dynamic targets): a field by name.
    private TExpr? DynamicFieldKey(TIndex ix) =>
        IsDynamicIndex(ix) && StripCasts(ix.Index) is var key && _core.IsString(key.Type) ? key : null;

    private ValueId LowerIndexGet(TIndex ix)
    {
        if (DynamicFieldKey(ix) is { } key)
        {
            var obj = LowerValue(ix.Target);
            return Native("rz_dyn_get", MirType.Ptr, [MirType.Ptr, MirType.Ptr], obj, LowerValue(key));
        }
        var arr = LowerValue(ix.Target);
        var i = LowerValue(ix.Index);
        if (IsDynamicIndex(ix)) return DynIndexGet(arr, i);
        var storage = StorageOf(ix.Type);
        if (storage == null) return Native("rz_array_get_dyn", MirType.Ptr, [MirType.Ptr, MirType.I32], arr, i);
        return _b.Op(Opcode.AGet, storage.Value, arr, i);
    }

    private ValueId LowerIndexSet(TIndex ix, Func<ValueId> lowerValue)
    {
        if (DynamicFieldKey(ix) is { } key)
        {
            var obj = LowerValue(ix.Target);
            var k = LowerValue(key);
            var v = lowerValue();
            Native("rz_dyn_set", MirType.Void, [MirType.Ptr, MirType.Ptr, MirType.Ptr], obj, k, Adapt(v, MirType.Ptr));
            return v;
        }
        var arr = LowerValue(ix.Target);
        var i = LowerValue(ix.Index);
        var value = lowerValue();
        if (IsDynamicIndex(ix))
        {
            DynIndexSet(arr, i, value);
            return value;
        }
        var storage = StorageOf(ix.Type);
        if (storage == null)
        {
            Native("rz_array_set_dyn", MirType.Void, [MirType.Ptr, MirType.I32, MirType.Ptr], arr, i, Adapt(value, MirType.Ptr));
            return value;
        }
        _b.Op(StoreOpOf(ix.Target), MirType.Void, arr, i, Adapt(value, storage.Value));
        return value;
    }

    /// `aset` grows an Array; a Vector's length is fixed, and out of range its `vset` stores nothing.
    private static Opcode StoreOpOf(TExpr array) => array.Type.Follow() is TInst i && IsVectorClass(i.Class) ? Opcode.VSet : Opcode.ASet;

    /// `for (v in a)`: `i = 0; while (i < a.length) { v = a[i]; i++; body }`.
    private void LowerForArray(TForArray fa)
    {
        if (SplitByLiteral(fa.Array) is var (text, separator))
        {
            LowerForSplit(fa, text, separator);
            return;
        }
        var arrVar = -3000 - _loops.Count;
        var idxVar = arrVar - 500;
        var arr = LowerValue(fa.Array);
        _ssa.Write(arrVar, _b.Current, arr);
        _ssa.Write(idxVar, _b.Current, _b.IConst(0));
        var header = _fn.NewBlock();
        var body = _fn.NewBlock();
        var exit = _fn.NewBlock();
        Jump(header);
        SwitchTo(header);
        var a = _ssa.Read(arrVar, MirType.Ptr, header);
        var i = _ssa.Read(idxVar, MirType.I32, header);
        BranchIf(_b.Cmp(Opcode.ICmp, Cond.Lt, i, _b.Op(Opcode.ALen, MirType.I32, a)), body, exit);
        _ssa.Seal(body);
        SwitchTo(body);
        var storage = StorageOf(fa.Var.Type);
        var elem = storage == null
            ? Native("rz_array_get_dyn", MirType.Ptr, [MirType.Ptr, MirType.I32], a, i)
            : _b.Op(Opcode.AGet, storage.Value, a, i);
        BindLocal(fa.Var, elem);
        _ssa.Write(idxVar, body, _b.Op(Opcode.IAdd, MirType.I32, i, _b.IConst(1)));
        _loops.Add((exit, header));
        LowerExpr(fa.Body);
        _loops.RemoveAt(_loops.Count - 1);
        if (!_b.Terminated) Jump(header);
        _ssa.Seal(header);
        _ssa.Seal(exit);
        SwitchTo(exit);
    }

    /// `s.split(sep)` with `sep` a non-empty String literal: its receiver and separator; else null.
    private static (TExpr Text, string Separator)? SplitByLiteral(TExpr e) =>
        e is TCall { Callee: TInstanceField { Field: { IsExtern: true, Name: "split" } f, Target: var text }, Args: [TConst { Value: string { Length: > 0 } sep }] }
        && f.Owner.FullName == "String"
            ? (text, sep)
            : null;

    /// `for (v in s.split(sep))` with a literal separator: the pieces are taken one at a time, no
    /// array is made (the loop's body cannot see the array, and strings are immutable):
    /// `pos = 0; while (true) { v = piece(s, sep, pos); end = pos + v.length; body;
    /// if (end == s.length) break; pos = end + sep.length }`, where `piece` (rz_string_split_piece)
    /// is the text from `pos` to the next separator or the end. A piece ends at the end of `s`
    /// exactly when no separator follows it, so that is the last one. A null `s` throws at the first
    /// piece, before any iteration, as `split` would.
    private void LowerForSplit(TForArray fa, TExpr textExpr, string separator)
    {
        var posVar = -3000 - _loops.Count;
        var text = LowerValue(textExpr);
        var sep = _b.Str(_module.InternString(separator));
        _ssa.Write(posVar, _b.Current, _b.IConst(0));
        var header = _fn.NewBlock();
        var step = _fn.NewBlock();
        var exit = _fn.NewBlock();
        Jump(header);
        SwitchTo(header);
        var pos = _ssa.Read(posVar, MirType.I32, header);
        var piece = Native("rz_string_split_piece", MirType.Ptr, [MirType.Ptr, MirType.Ptr, MirType.I32], text, sep, pos);
        var end = _b.Op(Opcode.IAdd, MirType.I32, pos, _b.Op(Opcode.SLen, MirType.I32, piece));
        BindLocal(fa.Var, piece);
        _loops.Add((exit, step));
        LowerExpr(fa.Body);
        _loops.RemoveAt(_loops.Count - 1);
        if (!_b.Terminated) Jump(step);
        _ssa.Seal(step);
        SwitchTo(step);
        var next = _fn.NewBlock();
        BranchIf(_b.Cmp(Opcode.ICmp, Cond.Eq, end, _b.Op(Opcode.SLen, MirType.I32, text)), exit, next);
        _ssa.Seal(next);
        SwitchTo(next);
        _ssa.Write(posVar, next, _b.Op(Opcode.IAdd, MirType.I32, end, _b.IConst(separator.Length)));
        Jump(header);
        _ssa.Seal(header);
        _ssa.Seal(exit);
        SwitchTo(exit);
    }

    /// Converts a value to another representation: boxing, unboxing, Int to Float.
    private ValueId Adapt(ValueId v, MirType to)
    {
        var from = _fn.TypeOf(v);
        if (from == to) return v;
        return (from, to) switch
        {
            (MirType.I32, MirType.Ptr) => Native("rz_box_int", MirType.Ptr, [MirType.I32], v),
            (MirType.F64, MirType.Ptr) => Native("rz_box_float", MirType.Ptr, [MirType.F64], v),
            (MirType.Bool, MirType.Ptr) => Native("rz_box_bool", MirType.Ptr, [MirType.Bool], v),
            (MirType.Ptr, MirType.I32) => Native("rz_unbox_int", MirType.I32, [MirType.Ptr], v),
            (MirType.Ptr, MirType.F64) => Native("rz_unbox_float", MirType.F64, [MirType.Ptr], v),
            (MirType.Ptr, MirType.Bool) => Native("rz_unbox_bool", MirType.Bool, [MirType.Ptr], v),
            (MirType.I32, MirType.F64) => _b.Op(Opcode.IToF, MirType.F64, v),
            // an unchecked `cast` of a Float to Int truncates, as on hxcpp and HashLink
            (MirType.F64, MirType.I32) => _b.Op(Opcode.FToI, MirType.I32, v),
            _ => throw new InvalidOperationException($"cannot adapt {from.Name()} to {to.Name()}"),
        };
    }
}
