using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Exceptions (docs/architecture.md, Exceptions): `tryenter` pushes a trap and splits the flow into
/// the body and the handler; the body pops the trap when it completes or leaves by
/// break/continue/return; `throw` longjmps to the innermost trap, which pops it.
public sealed partial class Lowerer
{
    /// For each `try` body being lowered, innermost last: how many loops enclosed it (a break or
    /// continue leaves the tries entered inside the innermost loop).
    private readonly List<int> _tryLoopLevels = new();

    private void PopTrap() => Native("rz_trap_pop", MirType.Void, []);

    /// Before `break`/`continue`: pops the traps of the tries entered inside the innermost loop.
    private void PopTrapsForLoopExit()
    {
        for (var k = _tryLoopLevels.Count - 1; k >= 0 && _tryLoopLevels[k] >= _loops.Count; k--) PopTrap();
    }

    /// Before `return`: pops every trap this function pushed.
    private void PopTrapsForReturn()
    {
        for (var k = 0; k < _tryLoopLevels.Count; k++) PopTrap();
    }

    private ValueId LowerThrow(TThrow th)
    {
        var v = LowerValue(th.Value);
        _b.Throw(Adapt(v, MirType.Ptr));
        StartDeadBlock();
        return ValueId.None;
    }

    private ValueId LowerTry(TTry t)
    {
        var type = MirTypeOf(t.Type);
        var hasValue = type != MirType.Void;
        var body = _fn.NewBlock();
        var handler = _fn.NewBlock();
        var join = _fn.NewBlock();
        var result = hasValue ? _fn.AddParam(join, type) : ValueId.None;
        _b.TryEnter(body, handler);
        _ssa.AddEdge(_b.Current, body);
        _ssa.AddEdge(_b.Current, handler);
        _ssa.Seal(body);
        _ssa.Seal(handler);

        SwitchTo(body);
        _tryLoopLevels.Add(_loops.Count);
        var bv = hasValue ? LowerValue(t.Body) : LowerExpr(t.Body);
        _tryLoopLevels.RemoveAt(_tryLoopLevels.Count - 1);
        if (!_b.Terminated)
        {
            PopTrap();
            Jump(join, hasValue ? [Adapt(bv, type)] : null);
        }

        // the trap is already popped here: a throw in a handler goes to the enclosing one
        SwitchTo(handler);
        var exc = Native("rz_exception_value", MirType.Ptr, []);
        var caughtAll = false;
        foreach (var c in t.Catches)
        {
            Block? next = null;
            if (c.Raw == null && CatchTest(exc, c.CatchType) is { } test)
            {
                var match = _fn.NewBlock();
                next = _fn.NewBlock();
                BranchIf(test, match, next);
                _ssa.Seal(match);
                _ssa.Seal(next);
                SwitchTo(match);
            }
            if (c.Raw != null && c.Convert != null)
            {
                BindLocal(c.Raw, exc);
                BindLocal(c.Local, LowerValue(c.Convert));
            }
            else BindLocal(c.Local, Caught(exc, c.CatchType));
            var hv = hasValue ? LowerValue(c.Body) : LowerExpr(c.Body);
            if (!_b.Terminated) Jump(join, hasValue ? [Adapt(hv, type)] : null);
            if (next == null) { caughtAll = true; break; }
            SwitchTo(next);
        }
        if (!caughtAll) _b.Throw(exc); // no clause matched: on to the enclosing handler
        _ssa.Seal(join);
        SwitchTo(join);
        return result;
    }

    /// The caught value as the clause's local: unboxed for Int, Float, Bool.
    private ValueId Caught(ValueId exc, HType type) => MirTypeOf(type) switch
    {
        MirType.I32 => Native("rz_unbox_int", MirType.I32, [MirType.Ptr], exc),
        MirType.F64 => Native("rz_unbox_float", MirType.F64, [MirType.Ptr], exc),
        MirType.Bool => Native("rz_unbox_bool", MirType.Bool, [MirType.Ptr], exc),
        _ => exc,
    };

    /// Whether the thrown value matches a catch type; null when every value does (Dynamic).
    private ValueId? CatchTest(ValueId exc, HType type) =>
        DescriptorOf(type) is { } td ? Native("rz_is_of_type", MirType.Bool, [MirType.Ptr, MirType.Ptr], exc, _b.TypeDesc(td)) : null;

    /// The `typedesc` symbol of a type a value can be tested against, or null for Dynamic and
    /// types without a runtime identity (anonymous structures, functions: they match anything).
    private string? DescriptorOf(HType type)
    {
        var t = type.Follow();
        if (t is TAbstract { Abstract: var a } && a == _core.NullSym && t is TAbstract { Params.Count: 1 } na) t = na.Params[0].Follow();
        if (_core.IsInt(t)) return "#Int";
        if (_core.IsFloat(t)) return "#Float";
        if (_core.IsBool(t)) return "#Bool";
        if (_core.IsString(t)) return "#String";
        return t switch
        {
            TInst { Class.FullName: "Array" } => "#Array",
            TInst i => i.Class.FullName,
            TEnum e => e.Enum.FullName,
            _ => null,
        };
    }

    private static TExpr StripCasts(TExpr e) => e is TCast c ? StripCasts(c.Value) : e;

    /// `Std.isOfType(v, T)`: false for null.
    private ValueId LowerIsOfType(TExpr value, TExpr type)
    {
        var v = Adapt(LowerValue(value), MirType.Ptr);
        var tref = StripCasts(type) as TTypeRef;
        // `Class` and `Enum` (core abstracts): class and enum values of the program
        if (tref?.Symbol is AbstractSymbol { IsCoreType: true, FullName: "Class" or "Enum" } te)
            return Native("rz_is_type_value", MirType.Bool, [MirType.Ptr, MirType.I32], v, _b.IConst(te.FullName == "Enum" ? 1 : 0));
        if ((tref == null ? null : ClassValue(tref.Symbol)) is not { } td)
            return _b.Cmp(Opcode.PCmp, Cond.Ne, v, _b.Null()); // Dynamic: any non-null value
        return Native("rz_is_of_type", MirType.Bool, [MirType.Ptr, MirType.Ptr], v, td);
    }

    /// A class or enum as a value (its descriptor), or null for Dynamic and the like. The std's map
    /// classes (subclasses of the native Map) are the runtime's map descriptors, by the key kind
    /// their maps are made with, so `Type.getClass(map) == haxe.ds.StringMap` holds (haxe.Serializer
    /// writes such maps as maps).
    private ValueId? ClassValue(TypeSymbol s)
    {
        if (s is ClassSymbol { Super: not null } c && IsMapClass(c) && MapTypes(new TInst(c, [.. c.Params])) is var (k, _))
            return Native("rz_map_class", MirType.Ptr, [MirType.I32], _b.IConst(MapKeyKind(k)));
        return DescriptorOfSymbol(s) is { } name ? _b.TypeDesc(name) : null;
    }

    /// `Std.downcast(v, C)`: v when it is a C, else null.
    private ValueId LowerDowncast(TExpr value, TExpr type)
    {
        var v = Adapt(LowerValue(value), MirType.Ptr);
        if ((StripCasts(type) is TTypeRef tref ? ClassValue(tref.Symbol) : null) is not { } td) return v;
        var test = Native("rz_is_of_type", MirType.Bool, [MirType.Ptr, MirType.Ptr], v, td);
        return Choose(test, MirType.Ptr, () => v, _b.Null);
    }

    private string? DescriptorOfSymbol(TypeSymbol s) => s switch
    {
        _ when s == _core.IntSym => "#Int",
        _ when s == _core.FloatSym => "#Float",
        _ when s == _core.BoolSym => "#Bool",
        _ when s == _core.StringSym => "#String",
        ClassSymbol { FullName: "Array" } => "#Array",
        ClassSymbol c => c.FullName,
        EnumSymbol e => e.FullName,
        _ => null,
    };

    /// `cast(e, T)`: null and values of T pass (then unboxed to T's representation); anything else
    /// throws `Class cast error`, the message of hxcpp and HashLink.
    private ValueId LowerCheckedCast(TCast c)
    {
        var v = Adapt(LowerValue(c.Value), MirType.Ptr);
        if (DescriptorOf(c.Type) is { } td)
        {
            var isNull = _b.Cmp(Opcode.PCmp, Cond.Eq, v, _b.Null());
            var test = _fn.NewBlock();
            var ok = _fn.NewBlock();
            var fail = _fn.NewBlock();
            BranchIf(isNull, ok, test);
            _ssa.Seal(test);
            SwitchTo(test);
            BranchIf(Native("rz_is_of_type", MirType.Bool, [MirType.Ptr, MirType.Ptr], v, _b.TypeDesc(td)), ok, fail);
            _ssa.Seal(fail);
            _ssa.Seal(ok);
            SwitchTo(fail);
            _b.Throw(_b.Str(_module.InternString("Class cast error")));
            SwitchTo(ok);
        }
        var to = MirTypeOf(c.Type);
        return to is MirType.Void or MirType.Ptr ? v : Adapt(v, to);
    }
}
