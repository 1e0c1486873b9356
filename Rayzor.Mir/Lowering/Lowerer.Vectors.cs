using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// `haxe.ds.Vector` (Rayzor.Runtime/haxe/_std/haxe/ds/Vector.hx): an Array of fixed length, so
/// `v[i]` is the inline `aget`/`aset` and the rest are the Array natives (docs/abi.md, Arrays).
public sealed partial class Lowerer
{
    private static bool IsVectorClass(ClassSymbol c) => c is { Name: "Vector", IsExtern: true, Module.Pack: ["haxe", "ds"] };

    /// `new Vector<T>(n)`: n default elements stored as T's representation.
    private ValueId LowerNewVector(TNew n)
    {
        var storage = StorageOf(ElemOf(n.Type) ?? TDynamic.Instance) ?? MirType.Ptr;
        return Native("rz_array_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(KindOf(storage)), LowerValue(n.Args[0]));
    }

    private ValueId LowerVectorStatic(TCall call, FieldSymbol f)
    {
        var a = call.Args;
        ValueId P(int i) => LowerValue(a[i]);
        const MirType Ptr = MirType.Ptr, I32 = MirType.I32;
        switch (f.Name)
        {
            case "fromArrayCopy": return Native("rz_array_copy", Ptr, [Ptr], P(0));
            case "fromData": return P(0);
            case "blit": Native("rz_array_blit", MirType.Void, [Ptr, I32, Ptr, I32, I32], P(0), P(1), P(2), P(3), P(4)); return ValueId.None;
        }
        Error(call.Span, $"{f.FullName} is not supported yet");
        foreach (var x in a) LowerExpr(x);
        return MirTypeOf(call.Type) == MirType.Void ? ValueId.None : ZeroValue(MirTypeOf(call.Type));
    }

    private ValueId? LowerVectorMethod(TCall call, ValueId self, TExpr target, FieldSymbol f)
    {
        var a = call.Args;
        var elem = ElemOf(target.Type) ?? TDynamic.Instance;
        var storage = StorageOf(elem);
        const MirType Ptr = MirType.Ptr;
        switch (f.Name)
        {
            case "get": return ArrayElement(self, LowerValue(a[0]), storage);
            case "set":
            {
                var i = LowerValue(a[0]);
                var v = LowerValue(a[1]);
                if (storage == null) Native("rz_array_set_dyn", MirType.Void, [Ptr, MirType.I32, Ptr], self, i, Adapt(v, Ptr));
                else _b.Op(Opcode.VSet, MirType.Void, self, i, Adapt(v, storage.Value));
                return v;
            }
            case "toArray" or "copy": return Native("rz_array_copy", Ptr, [Ptr], self);
            case "toData": return self;
            case "join": return Native("rz_array_join", Ptr, [Ptr, Ptr], self, LowerValue(a[0]));
            case "map" or "sort": return LowerArrayFunctional(call, self, elem);
        }
        return null;
    }
}
