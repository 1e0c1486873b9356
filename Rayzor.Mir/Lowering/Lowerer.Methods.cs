using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Fields and methods of the extern core classes (Array, String) bound to MIR operations and
/// runtime natives (docs/abi.md).
public sealed partial class Lowerer
{
    /// The element type of an Array, or of a `haxe.ds.Vector` (an Array of fixed length); else null.
    private static HType? ElemOf(HType t) =>
        t.Follow() is TInst i && ((i.Class.Name == "Array" && i.Class.Module.Pack.Count == 0) || IsVectorClass(i.Class)) ? i.Params[0] : null;

    private ValueId LowerInstanceField(TInstanceField f)
    {
        if (f.Field.IsExtern)
        {
            switch (f.Field.FullName)
            {
                case "Array.length": return _b.Op(Opcode.ALen, MirType.I32, LowerValue(f.Target));
                case "String.length": return _b.Op(Opcode.SLen, MirType.I32, LowerValue(f.Target));
                case "StringBuf.length": return Native("rz_sb_length", MirType.I32, [MirType.Ptr], LowerValue(f.Target));
                case "haxe.ds.Vector.length": return _b.Op(Opcode.ALen, MirType.I32, LowerValue(f.Target));
            }
        }
        Error(f.Span, $"{f.Field.FullName} cannot be compiled yet");
        return ZeroValue(MirTypeOf(f.Type) is MirType.Void ? MirType.Ptr : MirTypeOf(f.Type));
    }

    private ValueId LowerExternMethod(TCall call, TExpr target, FieldSymbol f)
    {
        var self = LowerValue(target);
        var a = call.Args;
        bool Missing(int i) => i >= a.Count || a[i] is TMissingArg;
        ValueId I(int i, int dflt) => Missing(i) ? _b.IConst(dflt) : LowerValue(a[i]);
        ValueId P(int i) => LowerValue(a[i]);
        const MirType Ptr = MirType.Ptr, I32 = MirType.I32;
        if (LowerMapMethod(call, self, target, f) is { } mapResult) return mapResult;
        if (f.Owner is ClassSymbol oc && IsVectorClass(oc) && LowerVectorMethod(call, self, target, f) is { } vectorResult) return vectorResult;
        if (f.Owner.FullName == "Array")
        {
            var storage = StorageOf(ElemOf(target.Type) ?? TDynamic.Instance) ?? Ptr;
            var sfx = Suffix(storage);
            ValueId E(int i) => Adapt(LowerValue(a[i]), storage);
            if (f.Name is "map" or "filter" or "sort" && LowerArrayFunctional(call, self, ElemOf(target.Type) ?? TDynamic.Instance) is { } functional) return functional;
            switch (f.Name)
            {
                case "push": return Native("rz_array_push_" + sfx, I32, [Ptr, storage], self, E(0));
                case "pop": return Native("rz_array_pop", Ptr, [Ptr], self);
                case "shift": return Native("rz_array_shift", Ptr, [Ptr], self);
                case "unshift": Native("rz_array_unshift_" + sfx, MirType.Void, [Ptr, storage], self, E(0)); return ValueId.None;
                case "insert": Native("rz_array_insert_" + sfx, MirType.Void, [Ptr, I32, storage], self, P(0), E(1)); return ValueId.None;
                case "remove": return Native("rz_array_remove_" + sfx, MirType.Bool, [Ptr, storage], self, E(0));
                case "indexOf": return Native("rz_array_index_of_" + sfx, I32, [Ptr, storage, I32], self, E(0), I(1, 0));
                case "lastIndexOf": return Native("rz_array_last_index_of_" + sfx, I32, [Ptr, storage, I32], self, E(0), I(1, int.MaxValue));
                case "contains": return _b.Cmp(Opcode.ICmp, Cond.Ge, Native("rz_array_index_of_" + sfx, I32, [Ptr, storage, I32], self, E(0), _b.IConst(0)), _b.IConst(0));
                case "copy": return Native("rz_array_copy", Ptr, [Ptr], self);
                case "slice": return Native("rz_array_slice", Ptr, [Ptr, I32, I32], self, P(0), I(1, int.MaxValue));
                case "splice": return Native("rz_array_splice", Ptr, [Ptr, I32, I32], self, P(0), P(1));
                case "concat": return Native("rz_array_concat", Ptr, [Ptr, Ptr], self, P(0));
                case "reverse": Native("rz_array_reverse", MirType.Void, [Ptr], self); return ValueId.None;
                case "resize": Native("rz_array_resize", MirType.Void, [Ptr, I32], self, P(0)); return ValueId.None;
                case "join": return Native("rz_array_join", Ptr, [Ptr, Ptr], self, P(0));
                case "toString": return Native("rz_array_to_string", Ptr, [Ptr], self);
            }
        }
        else if (f.Owner.FullName == "StringBuf")
        {
            switch (f.Name)
            {
                case "add": Native("rz_sb_add", MirType.Void, [Ptr, Ptr], self, ToStringValue(Unboxed(a[0]))); return ValueId.None;
                case "addChar": Native("rz_sb_add_char", MirType.Void, [Ptr, I32], self, P(0)); return ValueId.None;
                case "addSub": Native("rz_sb_add_sub", MirType.Void, [Ptr, Ptr, I32, I32], self, P(0), P(1), I(2, int.MaxValue)); return ValueId.None;
                case "toString": return Native("rz_sb_to_string", Ptr, [Ptr], self);
            }
        }
        else if (f.Owner.FullName == "String")
        {
            switch (f.Name)
            {
                case "charCodeAt":
                {
                    // -1 out of range becomes null
                    var c = Native("rz_string_char_code_at", I32, [Ptr, I32], self, P(0));
                    return BoxCharCode(c);
                }
                case "charAt": return Native("rz_string_char_at", Ptr, [Ptr, I32], self, P(0));
                case "substr": return Native("rz_string_substr", Ptr, [Ptr, I32, I32], self, P(0), I(1, int.MaxValue));
                case "substring": return Native("rz_string_substring", Ptr, [Ptr, I32, I32], self, P(0), I(1, int.MaxValue));
                case "indexOf": return Native("rz_string_index_of", I32, [Ptr, Ptr, I32], self, P(0), I(1, int.MinValue));
                case "lastIndexOf": return Native("rz_string_last_index_of", I32, [Ptr, Ptr, I32], self, P(0), I(1, int.MinValue));
                case "split": return Native("rz_string_split", Ptr, [Ptr, Ptr], self, P(0));
                case "toUpperCase": return Native("rz_string_to_upper", Ptr, [Ptr], self);
                case "toLowerCase": return Native("rz_string_to_lower", Ptr, [Ptr], self);
                case "toString": return self;
            }
        }
        if (LowerRzNativeCall(call, f, self) is { } native) return native;
        Error(call.Span, $"{f.FullName} is not supported yet");
        foreach (var x in a) LowerExpr(x);
        return MirTypeOf(call.Type) == MirType.Void ? ValueId.None : ZeroValue(MirTypeOf(call.Type));
    }

    /// A char code as `Null<Int>`: -1 (out of range) is null, else a boxed Int.
    private ValueId BoxCharCode(ValueId c) =>
        NullWhen(_b.Cmp(Opcode.ICmp, Cond.Lt, c, _b.IConst(0)), () => Native("rz_box_int", MirType.Ptr, [MirType.I32], c));

    /// `s.charCodeAt(i)` used as an Int: the raw code, 0 when out of range (null read as Int).
    private ValueId? RawCharCode(TExpr e)
    {
        if (e is not TCall { Callee: TInstanceField { Field: { IsExtern: true, Name: "charCodeAt" } f, Target: var s } } call
            || f.Owner.FullName != "String") return null;
        var c = Native("rz_string_char_code_at", MirType.I32, [MirType.Ptr, MirType.I32], LowerValue(s), LowerValue(call.Args[0]));
        return _b.Op(Opcode.IAnd, MirType.I32, c, _b.Op(Opcode.INot, MirType.I32, _b.Op(Opcode.IShr, MirType.I32, c, _b.IConst(31))));
    }
}
