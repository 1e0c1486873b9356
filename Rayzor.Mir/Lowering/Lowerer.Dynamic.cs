using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Calls of Dynamic values (docs/abi.md "Dynamic calls"): the arguments are boxed into an Array,
/// and `dyncall` goes through the adapter of the callee's closure descriptor. Every closure
/// signature the program creates gets its adapter here; a Dynamic value used as a typed function
/// is wrapped in a closure that calls it dynamically.
public sealed partial class Lowerer
{
    /// A static `dynamic function` the program assigns lives in a global closure (initialized at
    /// start-up to the function itself); one never assigned is an ordinary static function.
    private static bool IsDynamicVar(FieldSymbol f) => f is { IsStatic: true, IsDynamic: true, Reassigned: true, Kind: FieldKindTag.Method };

    private static string DynamicVarOf(FieldSymbol f) => f.FullName + ".$var";

    /// `f(args)` where f is Dynamic (a method of a Dynamic receiver is read by name first).
    private ValueId LowerDynamicCall(TCall call)
    {
        var fn = Adapt(LowerValue(call.Callee), MirType.Ptr);
        var r = _b.DynCall(fn, BoxedArgs(call.Args.Select(LowerValue).ToList()));
        var want = MirTypeOf(call.Type);
        return want == MirType.Void ? r : Adapt(r, want);
    }

    /// An Array<Dynamic> of the values, boxed.
    private ValueId BoxedArgs(IReadOnlyList<ValueId> values)
    {
        var arr = Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(ElemPtr), _b.IConst(values.Count));
        for (var i = 0; i < values.Count; i++) _b.Op(Opcode.ASet, MirType.Void, arr, _b.IConst(i), Adapt(values[i], MirType.Ptr));
        return arr;
    }

    /// Argument `i` of a dynamic call's Array, converted to `t` (null, or 0 for a basic type, when absent).
    private ValueId DynArg(ValueId args, int i, MirType t) =>
        Adapt(Native("rz_array_get_dyn", MirType.Ptr, [MirType.Ptr, MirType.I32], args, _b.IConst(i)), t);

    /// A Dynamic value used as a function of type `to`: null stays null, anything else is wrapped
    /// in a closure that boxes its arguments and calls the value dynamically.
    private ValueId FunctionFromDynamic(ValueId v, TFun to)
    {
        var ps = to.Args.Select(a => MirTypeOf(a.Type)).ToList();
        var ret = MirTypeOf(to.Return);
        var name = "$fromdyn." + ClosureSignature.Of(ps, ret);
        if (_wrappers.Add(name))
            EmitWrapper(name, to, (args, r) =>
            {
                var result = _b.DynCall(args[0], BoxedArgs(args.Skip(1).ToList()));
                return r == MirType.Void ? result : Adapt(result, r);
            });
        return NullWhen(_b.Cmp(Opcode.PCmp, Cond.Eq, v, _b.Null()), () => _b.Closure(name, v));
    }

    /// The adapter `ptr adapter(ptr closure, ptr args)` of every closure signature in the module:
    /// closures made by generated code, and the bound methods the runtime makes from field tables.
    private void EmitDynCallAdapters()
    {
        var byName = _module.Functions.ToDictionary(f => f.Name);
        var codes = new List<MirFunction>();
        foreach (var f in _module.Functions)
            foreach (var blk in f.Blocks)
                foreach (var i in blk.Insts)
                    if (i.Op == Opcode.Closure) codes.Add(byName[i.Sym!]);
        foreach (var table in _module.Classes.Select(c => c.FieldTable).Concat(_module.MemberTables.OfType<List<(int, int, MirType, string?)>>()))
            foreach (var e in table)
                if (e.Item4 != null) codes.Add(byName[e.Item4]);
        var done = new HashSet<string>();
        foreach (var code in codes)
        {
            var sig = ClosureSignature.Of(code);
            if (!done.Add(sig)) continue;
            var ps = code.ParamTypes.Skip(1).ToList();
            Begin(ClosureSignature.AdapterName(sig), [MirType.Ptr, MirType.Ptr], MirType.Ptr, null);
            var clo = _fn.Entry.Params[0];
            var args = _fn.Entry.Params[1];
            var call = new List<ValueId> { clo };
            if (sig == ClosureSignature.VarArgs) call.Add(args); // (the array whole)
            else
                for (var k = 0; k < ps.Count; k++) call.Add(DynArg(args, k, ps[k]));
            var r = _b.CallClosure(code.ReturnType, call);
            _b.Ret(code.ReturnType == MirType.Void ? _b.Null() : Adapt(r, MirType.Ptr));
            End();
        }
    }
}
