using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// The `Reflect` API and the reflective part of `Type`, bound to runtime natives (docs/abi.md
/// "Reflection"); `Reflect.callMethod` is a dynamic call.
public sealed partial class Lowerer
{
    /// Set when the program calls `Type.createInstance`: classes then get a constructor entry in
    /// their field tables.
    private bool _usesCreateInstance;

    private const int KindClass = 5, KindEnum = 8;

    private ValueId? LowerReflectCall(TCall call, FieldSymbol f)
    {
        var a = call.Args;
        const MirType Ptr = MirType.Ptr, Bool = MirType.Bool;
        ValueId F(int i) => LowerValue(a[i]);
        ValueId P(int i) => Adapt(LowerValue(a[i]), Ptr);
        switch (f.FullName)
        {
            case "Reflect.field": return Native("rz_reflect_field", Ptr, [Ptr, Ptr], P(0), F(1));
            case "Reflect.setField": Native("rz_dyn_set", MirType.Void, [Ptr, Ptr, Ptr], P(0), F(1), P(2)); return ValueId.None;
            case "Reflect.hasField": return Native("rz_dyn_has", Bool, [Ptr, Ptr], P(0), F(1));
            case "Reflect.deleteField": return Native("rz_reflect_delete_field", Bool, [Ptr, Ptr], P(0), F(1));
            case "Reflect.fields": return Native("rz_reflect_fields", Ptr, [Ptr], P(0));
            case "Reflect.getProperty": return Native("rz_reflect_get_property", Ptr, [Ptr, Ptr], P(0), F(1));
            case "Reflect.setProperty": Native("rz_reflect_set_property", MirType.Void, [Ptr, Ptr, Ptr], P(0), F(1), P(2)); return ValueId.None;
            case "Reflect.callMethod":
            {
                LowerExpr(a[0]); // the receiver of a closure is already bound in it
                var fn = P(1);
                return _b.DynCall(fn, F(2));
            }
            case "Reflect.makeVarArgs": return _b.Closure(VarArgsFunction(), P(0));
            case "Reflect.isFunction": return Native("rz_reflect_is_function", Bool, [Ptr], P(0));
            case "Reflect.isObject": return Native("rz_reflect_is_object", Bool, [Ptr], P(0));
            case "Reflect.isEnumValue": return Native("rz_reflect_is_enum_value", Bool, [Ptr], P(0));
            case "Reflect.compare": return Native("rz_dyn_compare", MirType.I32, [Ptr, Ptr], P(0), P(1));
            case "Reflect.compareMethods": return Native("rz_reflect_compare_methods", Bool, [Ptr, Ptr], P(0), P(1));
            case "Reflect.copy": return Native("rz_reflect_copy", Ptr, [Ptr], P(0));
            case "Type.typeof": return Native("rz_type_typeof", Ptr, [Ptr, Ptr], P(0), _b.TypeDesc("ValueType"));
            case "Type.resolveClass": return Native("rz_type_resolve", Ptr, [Ptr, MirType.I32], F(0), _b.IConst(KindClass));
            case "Type.resolveEnum": return Native("rz_type_resolve", Ptr, [Ptr, MirType.I32], F(0), _b.IConst(KindEnum));
            case "Type.createInstance":
                _usesCreateInstance = true;
                return Native("rz_type_create_instance", Ptr, [Ptr, Ptr], F(0), F(1));
            case "Type.createEmptyInstance": return Native("rz_type_create_empty_instance", Ptr, [Ptr], F(0));
            case "Type.getInstanceFields": return Native("rz_type_instance_fields", Ptr, [Ptr], F(0));
        }
        return null;
    }

    /// <summary>
    /// `$varargs(f, args)`, made once: the code of `Reflect.makeVarArgs`'s closures (env: the
    /// `Array<Dynamic> -> Dynamic` function) calls f with the arguments of a dynamic call as one
    /// array (ClosureSignature.VarArgs).
    /// </summary>
    private string VarArgsFunction()
    {
        const string name = ClosureSignature.VarArgsFunction;
        if (!_wrappers.Add(name)) return name;
        var saved = SaveFunctionState();
        Begin(name, [MirType.Ptr, MirType.Ptr], MirType.Ptr, null);
        _b.Ret(_b.CallClosure(MirType.Ptr, [_fn.Entry.Params[0], _fn.Entry.Params[1]]));
        End();
        RestoreFunctionState(saved);
        return name;
    }

    /// `C.$construct(args)`: a new C built by its constructor from an Array of boxed arguments
    /// (missing ones read as null or 0), for `Type.createInstance`.
    private string ConstructFunction(ClassSymbol c)
    {
        var name = c.FullName + ".$construct";
        var saved = SaveFunctionState();
        Begin(name, [MirType.Ptr], MirType.Ptr, c.Module.File.Path);
        var args = _fn.Entry.Params[0];
        var obj = NewObject(c);
        if (CtorFnOf(c) is { } ctor)
        {
            var declared = (TFun)Typer.ConstructorOf(c)!.Type!.Follow();
            var call = new List<ValueId> { obj };
            for (var i = 0; i < declared.Args.Count; i++) call.Add(DynArg(args, i, MirTypeOf(declared.Args[i].Type)));
            _b.Call(ctor, MirType.Void, call);
        }
        _b.Ret(obj);
        End();
        RestoreFunctionState(saved);
        return name;
    }
}
