using Rayzor.Frontend.Typed;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// `Array.map`, `Array.filter` (loops calling the closure, as the std's inline bodies do) and
/// `Array.sort` (`rz_array_sort`).
public sealed partial class Lowerer
{
    private int _counterVars;

    /// The function argument of `call` as a closure of the signature the call declares for it.
    private (ValueId Closure, TFun Fun) ClosureArg(TCall call, int i)
    {
        var declared = (TFun)((TFun)call.Callee.Type.Follow()).Args[i].Type.Follow();
        var clo = AdaptTo(LowerValue(call.Args[i]), call.Args[i].Type, declared);
        return (clo, declared);
    }

    private ValueId CallClosure(ValueId clo, TFun fun, params ValueId[] args)
    {
        var list = new List<ValueId> { clo };
        list.AddRange(args.Select((a, i) => Adapt(a, MirTypeOf(fun.Args[i].Type))));
        return _b.CallClosure(MirTypeOf(fun.Return), list);
    }

    /// `for (i in 0...length(arr))` re-reading the length each step, calling `body(i)`.
    private void ArrayLoop(ValueId arr, Action<ValueId> body)
    {
        var idxVar = -200000 - _counterVars++;
        _ssa.Write(idxVar, _b.Current, _b.IConst(0));
        var header = _fn.NewBlock();
        var bodyBlock = _fn.NewBlock();
        var exit = _fn.NewBlock();
        Jump(header);
        SwitchTo(header);
        var i = _ssa.Read(idxVar, MirType.I32, header);
        BranchIf(_b.Cmp(Opcode.ICmp, Cond.Lt, i, _b.Op(Opcode.ALen, MirType.I32, arr)), bodyBlock, exit);
        _ssa.Seal(bodyBlock);
        SwitchTo(bodyBlock);
        body(i);
        _ssa.Write(idxVar, _b.Current, _b.Op(Opcode.IAdd, MirType.I32, i, _b.IConst(1)));
        Jump(header);
        _ssa.Seal(header);
        _ssa.Seal(exit);
        SwitchTo(exit);
    }

    private ValueId ArrayElement(ValueId arr, ValueId i, MirType? storage) => storage == null
        ? Native("rz_array_get_dyn", MirType.Ptr, [MirType.Ptr, MirType.I32], arr, i)
        : _b.Op(Opcode.AGet, storage.Value, arr, i);

    private ValueId? LowerArrayFunctional(TCall call, ValueId self, HType elem)
    {
        switch (call.Callee)
        {
            case TInstanceField { Field.Name: "map" }:
            {
                var (clo, fun) = ClosureArg(call, 0);
                var src = StorageOf(elem);
                var dst = StorageOf(ElemOf(call.Type) ?? TDynamic.Instance) ?? MirType.Ptr;
                var len = _b.Op(Opcode.ALen, MirType.I32, self);
                var result = Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(KindOf(dst)), len);
                ArrayLoop(self, i =>
                {
                    var r = CallClosure(clo, fun, ArrayElement(self, i, src));
                    // the closure may have shrunk the source: write only within the result
                    Native("rz_array_set_" + Suffix(dst), MirType.Void, [MirType.Ptr, MirType.I32, dst], result, i, Adapt(r, dst));
                });
                return result;
            }
            case TInstanceField { Field.Name: "filter" }:
            {
                var (clo, fun) = ClosureArg(call, 0);
                var src = StorageOf(elem);
                var dst = src ?? MirType.Ptr;
                var result = Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(KindOf(dst)), _b.IConst(0));
                ArrayLoop(self, i =>
                {
                    var x = ArrayElement(self, i, src);
                    var keep = CallClosure(clo, fun, x);
                    var push = _fn.NewBlock();
                    var next = _fn.NewBlock();
                    BranchIf(keep, push, next);
                    _ssa.Seal(push);
                    SwitchTo(push);
                    Native("rz_array_push_" + Suffix(dst), MirType.I32, [MirType.Ptr, dst], result, Adapt(x, dst));
                    Jump(next);
                    _ssa.Seal(next);
                    SwitchTo(next);
                });
                return result;
            }
            case TInstanceField { Field.Name: "sort" }:
            {
                var (clo, _) = ClosureArg(call, 0);
                Native("rz_array_sort", MirType.Void, [MirType.Ptr, MirType.Ptr], self, clo);
                return ValueId.None;
            }
        }
        return null;
    }
}
