using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

public sealed partial class Lowerer
{
    private ValueId Native(string name, MirType ret, MirType[] ps, params ValueId[] args)
    {
        _module.DeclareNative(name, ret, ps);
        return _b.CallNative(name, ret, [.. args]);
    }

    private ValueId LowerCall(TCall call)
    {
        switch (call.Callee)
        {
            case TStaticField { Field: var f } when f.IsExtern:
                return LowerExternCall(call, f);
            case TStaticField { Field: var f } when IsDynamicVar(f):
                return LowerClosureCall(call);
            case TStaticField { Field: { Kind: FieldKindTag.Method } f }:
            {
                // the callee's own signature decides representation (a generic T is a pointer)
                var declared = (TFun)f.Type!.Follow();
                var args = AdaptArgs(call.Args, declared);
                var ret = MirTypeOf(declared.Return);
                var r = _b.Call(f.FullName, ret, args);
                var want = MirTypeOf(call.Type);
                return ret == MirType.Void || want == MirType.Void ? r : AdaptResult(r, declared.Return, call.Type);
            }
            case TInstanceField { Field: var f, Target: var target } when f.IsExtern:
                return LowerExternMethod(call, target, f);
            case TInstanceField { Field.Kind: FieldKindTag.Method } m:
                return LowerMethodCall(call, m);
            default:
                if (call.Callee.Type.Follow() is TFun) return LowerClosureCall(call);
                if (_core.IsDynamic(call.Callee.Type)) return LowerDynamicCall(call);
                Error(call.Span, "This call cannot be compiled yet");
                foreach (var a in call.Args) LowerExpr(a);
                return ValueId.None;
        }
    }

    /// Extern std functions are bound to MIR operations or runtime natives here.
    private ValueId LowerExternCall(TCall call, FieldSymbol f)
    {
        var a = call.Args;
        ValueId F(int i) => LowerValue(a[i]);
        if (f.Owner.FullName is "Reflect" or "Type" && LowerReflectCall(call, f) is { } reflected) return reflected;
        switch (f.Owner.FullName)
        {
            case "rayzor.BytesAccess": return LowerBytesAccess(call, f);
            case "haxe.ds.Vector": return LowerVectorStatic(call, f);
        }
        switch (f.FullName)
        {
            case "Sys.println": Native("rz_println", MirType.Void, [MirType.Ptr], ToStringValue(Unboxed(a[0]))); return ValueId.None;
            case "Sys.print": Native("rz_print", MirType.Void, [MirType.Ptr], ToStringValue(Unboxed(a[0]))); return ValueId.None;
            case "Sys.exit": Native("rz_exit", MirType.Void, [MirType.I32], F(0)); return ValueId.None;
            case "Sys.args": return Native("rz_sys_args", MirType.Ptr, []);
            case "Std.string": return ToStringValue(Unboxed(a[0]));
            case "Std.int": return _b.Op(Opcode.FToI, MirType.I32, F(0));
            case "Std.isOfType" or "Std.is": return LowerIsOfType(a[0], a[1]);
            case "Std.downcast" or "Std.instance": return LowerDowncast(a[0], a[1]);
            case "Type.getClassName" or "Type.getEnumName": return Native("rz_type_name", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.getClass": return Native("rz_get_class", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.getEnum": return Native("rz_get_enum", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.getSuperClass": return Native("rz_type_super", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.enumParameters": return Native("rz_enum_params", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.enumEq": return Native("rz_enum_eq", MirType.Bool, [MirType.Ptr, MirType.Ptr], F(0), F(1));
            case "Type.getEnumConstructs": return Native("rz_enum_constructs", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.createEnum": return Native("rz_enum_create_by_name", MirType.Ptr, [MirType.Ptr, MirType.Ptr, MirType.Ptr], F(0), F(1), a.Count > 2 && a[2] is not TMissingArg ? F(2) : _b.Null());
            case "Type.createEnumIndex": return Native("rz_enum_create", MirType.Ptr, [MirType.Ptr, MirType.I32, MirType.Ptr], F(0), F(1), a.Count > 2 && a[2] is not TMissingArg ? F(2) : _b.Null());
            case "Type.allEnums": return Native("rz_enum_all", MirType.Ptr, [MirType.Ptr], F(0));
            case "Type.enumIndex": return _b.GetField(F(0), EnumIndexOffset, MirType.I32);
            case "Type.enumConstructor": return Native("rz_enum_name", MirType.Ptr, [MirType.Ptr], F(0));
            case "Math.isNaN": { var x = F(0); return _b.Cmp(Opcode.FCmp, Cond.Ne, x, x); }
            case "Math.isFinite": { var x = F(0); return _b.Cmp(Opcode.FCmp, Cond.Eq, _b.Op(Opcode.FSub, MirType.F64, x, x), _b.FConst(0)); }
            case "Math.fround": return _b.Op(Opcode.FFloor, MirType.F64, _b.Op(Opcode.FAdd, MirType.F64, F(0), _b.FConst(0.5)));
            case "Math.ffloor": return _b.Op(Opcode.FFloor, MirType.F64, F(0));
            case "Math.fceil": return _b.Op(Opcode.FCeil, MirType.F64, F(0));
            case "Math.random": return Native("rz_math_random", MirType.F64, []);
            case "Std.parseInt": return Native("rz_std_parse_int", MirType.Ptr, [MirType.Ptr], F(0));
            case "Std.parseFloat": return Native("rz_std_parse_float", MirType.F64, [MirType.Ptr], F(0));
            case "String.fromCharCode": return Native("rz_string_from_char_code", MirType.Ptr, [MirType.I32], F(0));
            case "Math.sqrt": return _b.Op(Opcode.FSqrt, MirType.F64, F(0));
            case "Math.abs": return _b.Op(Opcode.FAbs, MirType.F64, F(0));
            case "Math.floor": return _b.Op(Opcode.FToI, MirType.I32, _b.Op(Opcode.FFloor, MirType.F64, F(0)));
            case "Math.ceil": return _b.Op(Opcode.FToI, MirType.I32, _b.Op(Opcode.FCeil, MirType.F64, F(0)));
            case "Math.round":
                return _b.Op(Opcode.FToI, MirType.I32, _b.Op(Opcode.FFloor, MirType.F64, _b.Op(Opcode.FAdd, MirType.F64, F(0), _b.FConst(0.5))));
            case "Math.sin" or "Math.cos" or "Math.tan" or "Math.asin" or "Math.acos" or "Math.atan" or "Math.exp" or "Math.log":
                return Native(f.Name, MirType.F64, [MirType.F64], F(0));
            case "Math.pow" or "Math.atan2":
                return Native(f.Name, MirType.F64, [MirType.F64, MirType.F64], F(0), F(1));
            case "Math.min": return _b.Op(Opcode.FMin, MirType.F64, F(0), F(1));
            case "Math.max": return _b.Op(Opcode.FMax, MirType.F64, F(0), F(1));
        }
        if (LowerRzNativeCall(call, f, null) is { } native) return native;
        Error(call.Span, $"{f.FullName} is not supported yet");
        foreach (var x in a) LowerExpr(x);
        return MirTypeOf(call.Type) == MirType.Void ? ValueId.None : ZeroValue(MirTypeOf(call.Type));
    }

    private ValueId LowerExternVar(TStaticField sf)
    {
        switch (sf.Field.FullName)
        {
            case "Math.PI": return _b.FConst(Math.PI);
            case "Math.NaN": return _b.FConst(double.NaN);
            case "Math.POSITIVE_INFINITY": return _b.FConst(double.PositiveInfinity);
            case "Math.NEGATIVE_INFINITY": return _b.FConst(double.NegativeInfinity);
        }
        Error(sf.Span, $"{sf.Field.FullName} is not supported yet");
        return ZeroValue(MirTypeOf(sf.Type));
    }

    /// `Std.parseInt(s)` used as an Int: the number, 0 where it would be null (an unboxed null),
    /// without the box in between.
    private ValueId? RawParseInt(TCast unbox)
    {
        if (unbox.Value is not TCall { Callee: TStaticField { Field: { IsExtern: true } f } } call
            || f.FullName != "Std.parseInt" || MirTypeOf(unbox.Type) != MirType.I32) return null;
        return Native("rz_std_parse_int_raw", MirType.I32, [MirType.Ptr], LowerValue(call.Args[0]));
    }

    /// Looks through the boxing the typer put on an argument passed as Dynamic, so printing an Int
    /// does not allocate a box.
    private static TExpr Unboxed(TExpr e) => e is TCast { Kind: CastKind.Box } c ? c.Value : e;

    private ValueId LowerCast(TCast c)
    {
        if (c.Kind == CastKind.Unbox && (RawCharCode(c.Value) ?? RawParseInt(c)) is { } raw) return raw;
        if (c.Kind == CastKind.Checked) return LowerCheckedCast(c);
        var v = LowerValue(c.Value);
        var from = _fn.TypeOf(v);
        switch (c.Kind)
        {
            case CastKind.IntToFloat: return _b.Op(Opcode.IToF, MirType.F64, v);
            case CastKind.DynamicToString: return Native("rz_dyn_to_string", MirType.Ptr, [MirType.Ptr], Adapt(v, MirType.Ptr));
            case CastKind.Box:
                return from switch
                {
                    MirType.I32 => Native("rz_box_int", MirType.Ptr, [MirType.I32], v),
                    MirType.F64 => Native("rz_box_float", MirType.Ptr, [MirType.F64], v),
                    MirType.Bool => Native("rz_box_bool", MirType.Ptr, [MirType.Bool], v),
                    _ => v,
                };
            case CastKind.Unbox:
                return MirTypeOf(c.Type) switch
                {
                    MirType.I32 => Native("rz_unbox_int", MirType.I32, [MirType.Ptr], v),
                    MirType.F64 => Native("rz_unbox_float", MirType.F64, [MirType.Ptr], v),
                    MirType.Bool => Native("rz_unbox_bool", MirType.Bool, [MirType.Ptr], v),
                    _ => v,
                };
            default:
            {
                // a retyping cast may still change representation (`cast` of a Dynamic to Int, function adapters)
                if (c.Value.Type.Follow() is TFun ff && c.Type.Follow() is TFun tf && _fn.TypeOf(v) == MirType.Ptr) return AdaptFunction(v, ff, tf);
                if (_core.IsDynamic(c.Value.Type) && c.Type.Follow() is TFun dt) return FunctionFromDynamic(v, dt);
                var to = MirTypeOf(c.Type);
                return to is MirType.Void || _fn.TypeOf(v) == to ? v : Adapt(v, to);
            }
        }
    }

    /// `Std.string(e)`.
    private ValueId ToStringValue(TExpr e) => ToStringRaw(LowerValue(e), e.Type);

    private ValueId ToStringRaw(ValueId v, HType type)
    {
        if (_core.IsString(type)) return v;
        return _fn.TypeOf(v) switch
        {
            MirType.I32 => Native("rz_string_from_int", MirType.Ptr, [MirType.I32], v),
            MirType.F64 => Native("rz_string_from_float", MirType.Ptr, [MirType.F64], v),
            MirType.Bool => Native("rz_string_from_bool", MirType.Ptr, [MirType.Bool], v),
            _ => Native("rz_std_string", MirType.Ptr, [MirType.Ptr], v),
        };
    }
}
