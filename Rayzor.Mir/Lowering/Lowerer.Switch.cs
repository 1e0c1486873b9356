using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Typed;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// `switch`: the cases are tried in order; patterns compile to tests that jump to the next case.
public sealed partial class Lowerer
{
    /// Whether a null value fails an enum constructor pattern (and the next case is tried) rather
    /// than throwing `Null access` as it reads the constructor index: only in a switch with a
    /// `null` pattern somewhere, which Haxe's matcher tests before the constructors.
    private bool _nullFailsEnumPatterns = true;

    private ValueId LowerSwitch(TSwitch sw)
    {
        var savedNullFails = _nullFailsEnumPatterns;
        _nullFailsEnumPatterns = sw.Cases.Any(c => c.Patterns.Any(HasNullPattern));
        try { return LowerSwitchCases(sw); }
        finally { _nullFailsEnumPatterns = savedNullFails; }
    }

    private static bool HasNullPattern(TPattern p) => p switch
    {
        PConst { Value: TConst { Value: null } } => true,
        POr or => or.Alternatives.Any(HasNullPattern),
        PBindAs ba => HasNullPattern(ba.Inner),
        PEnum e => e.Args.Any(HasNullPattern),
        PArray a => a.Items.Any(HasNullPattern),
        PStruct st => st.Fields.Any(f => HasNullPattern(f.Item2)),
        _ => false,
    };

    private ValueId LowerSwitchCases(TSwitch sw)
    {
        var subject = LowerValue(sw.Subject);
        var type = MirTypeOf(sw.Type);
        var join = _fn.NewBlock();
        var result = type == MirType.Void ? ValueId.None : _fn.AddParam(join, type);
        foreach (var c in sw.Cases)
        {
            var next = _fn.NewBlock();
            var body = _fn.NewBlock();
            MatchAny(c.Patterns, subject, sw.Subject.Type, next);
            if (c.Guard != null)
            {
                var ok = LowerValue(c.Guard);
                var pass = _fn.NewBlock();
                BranchIf(ok, pass, next);
                _ssa.Seal(pass);
                SwitchTo(pass);
            }
            Jump(body);
            _ssa.Seal(body);
            SwitchTo(body);
            var v = c.Body != null ? (result.IsNone ? LowerExpr(c.Body) : LowerValue(c.Body)) : ValueId.None;
            if (!_b.Terminated) Jump(join, result.IsNone ? null : [Adapt(v.IsNone ? ZeroValue(type) : v, type)]);
            _ssa.Seal(next);
            SwitchTo(next);
        }
        if (sw.Default != null)
        {
            var v = result.IsNone ? LowerExpr(sw.Default) : LowerValue(sw.Default);
            if (!_b.Terminated) Jump(join, result.IsNone ? null : [Adapt(v.IsNone ? ZeroValue(type) : v, type)]);
        }
        else if (!_b.Terminated) Jump(join, result.IsNone ? null : [ZeroValue(type)]);
        _ssa.Seal(join);
        SwitchTo(join);
        return result;
    }

    /// Matches one of several patterns (the alternatives of a case), binding their variables.
    private void MatchAny(IReadOnlyList<TPattern> patterns, ValueId v, HType t, Block fail)
    {
        if (patterns.Count == 1) { Match(patterns[0], v, t, fail); return; }
        var ok = _fn.NewBlock();
        for (var i = 0; i < patterns.Count; i++)
        {
            var last = i == patterns.Count - 1;
            var altFail = last ? fail : _fn.NewBlock();
            Match(patterns[i], v, t, altFail);
            Jump(ok);
            if (last) break;
            _ssa.Seal(altFail);
            SwitchTo(altFail);
        }
        _ssa.Seal(ok);
        SwitchTo(ok);
    }

    /// Emits the tests of `p` against `v`: on failure jumps to `fail`, on success continues in the current block.
    private void Match(TPattern p, ValueId v, HType t, Block fail)
    {
        switch (p)
        {
            case PWild: return;
            case PBind b: BindLocal(b.Local, Adapt(v, MirTypeOf(b.Local.Type))); return;
            case PBindAs ba:
                Match(ba.Inner, v, t, fail);
                BindLocal(ba.Local, Adapt(v, MirTypeOf(ba.Local.Type)));
                return;
            case POr or: MatchAny(or.Alternatives, v, t, fail); return;
            case PConst c:
            {
                // `v == c` as the `==` operator compares them (Compare): a Dynamic, Null<Int> or
                // type-parameter subject by value (a String or null never equals 0), a String by
                // content, the rest in the constant's representation
                var want = LowerValue(c.Value);
                var isNull = c.Value is TConst { Value: null };
                var boxed = _core.IsDynamic(t) || t.Follow() is TParam || IsBoxedBasic(t, v);
                var type = boxed ? t : c.Value is TConst { Value: string } ? _core.String : c.Value.Type;
                Test(Compare(BinaryOp.Eq, type, isNull || boxed ? v : Adapt(v, _fn.TypeOf(want)), want, nullTest: isNull), fail);
                return;
            }
            case PEnum e:
            {
                // reading the index of a null enum value is a `Null access` (as in Haxe) unless the
                // switch has a null case, which the value may still reach
                if (_nullFailsEnumPatterns) Test(_b.Cmp(Opcode.PCmp, Cond.Ne, v, _b.Null()), fail);
                var index = _b.GetField(v, EnumIndexOffset, MirType.I32);
                Test(_b.Cmp(Opcode.ICmp, Cond.Eq, index, _b.IConst(e.Ctor.Index)), fail);
                var layout = CtorLayout(e.Ctor);
                var fun = e.Ctor.Type as TFun;
                for (var i = 0; i < e.Args.Count; i++)
                {
                    if (e.Args[i] is PWild) continue;
                    var arg = _b.GetField(v, layout[i].Offset, layout[i].Type);
                    Match(e.Args[i], arg, fun!.Args[i].Type, fail);
                }
                return;
            }
            case PStruct st:
            {
                Test(_b.Cmp(Opcode.PCmp, Cond.Ne, v, _b.Null()), fail);
                foreach (var (name, sub, ft) in st.Fields)
                {
                    if (sub is PWild) continue;
                    var boxed = Native("rz_dyn_get", MirType.Ptr, [MirType.Ptr, MirType.Ptr], v, _b.Str(_module.InternString(name)));
                    var want = MirTypeOf(ft);
                    Match(sub, want is MirType.Void or MirType.Ptr ? boxed : Adapt(boxed, want), ft, fail);
                }
                return;
            }
            case PArray a:
            {
                Test(_b.Cmp(Opcode.ICmp, Cond.Eq, _b.Op(Opcode.ALen, MirType.I32, v), _b.IConst(a.Items.Count)), fail);
                var storage = StorageOf(a.ElemType);
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (a.Items[i] is PWild) continue;
                    var item = storage == null
                        ? Native("rz_array_get_dyn", MirType.Ptr, [MirType.Ptr, MirType.I32], v, _b.IConst(i))
                        : _b.Op(Opcode.AGet, storage.Value, v, _b.IConst(i));
                    Match(a.Items[i], item, a.ElemType, fail);
                }
                return;
            }
        }
    }

    /// Continues when `cond` holds, else jumps to `fail`.
    private void Test(ValueId cond, Block fail)
    {
        var pass = _fn.NewBlock();
        BranchIf(cond, pass, fail);
        _ssa.Seal(pass);
        SwitchTo(pass);
    }
}
