using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Lowering;

/// Maps and their iterators (Rayzor.Runtime/haxe/_std/Map.hx) bound to the rz_map_* natives of
/// docs/abi.md: Int keys travel unboxed (`_i32`), every other key as a pointer (`_ptr`, Floats and
/// Bools boxed); values in the representation of V, like array elements.
public sealed partial class Lowerer
{
    /// Key kinds of rz_map_new: String and enum keys are pointer keys that also name the map's class.
    private const int KeyPtr = 0, KeyI32 = 1, KeyString = 2, KeyEnum = 3;

    /// Whether `c` is the native Map (top-level extern `Map`) or a subclass of it.
    private static bool IsMapClass(ClassSymbol c)
    {
        for (var k = c; k != null; k = k.Super?.Class)
            if (k is { Name: "Map", IsExtern: true, Module.Pack.Count: 0 }) return true;
        return false;
    }

    /// `(K, V)` of a map type, seen through subclasses (`StringMap<T>` is `Map<String, T>`).
    private static (HType Key, HType Value)? MapTypes(HType t)
    {
        HType? cur = t.Follow();
        if (cur is TAbstract { Abstract.Name: "Null" } n) cur = n.Params[0].Follow();
        while (cur is TInst i)
        {
            if (i.Class is { Name: "Map", IsExtern: true, Module.Pack.Count: 0 }) return i.Params.Count == 2 ? (i.Params[0], i.Params[1]) : null;
            cur = i.Class.Super is { } s ? TypeSubst.Apply(s, i.Class.Params, i.Params) : null;
        }
        return null;
    }

    /// The type that decides field layout: `Null<C>` is a C (a possibly null reference).
    private HType FollowNullable(HType t)
    {
        var f = t.Follow();
        return f is TAbstract { Params.Count: 1 } n && n.Abstract == _core.NullSym ? n.Params[0].Follow() : f;
    }

    private static HType Pruned(HType t)
    {
        while (t is TMono { Bound: { } b }) t = b;
        return t;
    }

    private ValueId LowerNewMap(TNew n)
    {
        var (k, v) = MapTypes(n.Type) ?? (TDynamic.Instance, TDynamic.Instance);
        var valueKind = KindOf(StorageOf(v) ?? MirType.Ptr);
        return Native("rz_map_new", MirType.Ptr, [MirType.I32, MirType.I32], _b.IConst(MapKeyKind(k)), _b.IConst(valueKind));
    }

    /// The key kind of maps with keys of type `k`, which also decides the class the map shows
    /// (`haxe.ds.IntMap`, `StringMap`, `EnumValueMap`, `ObjectMap`).
    private int MapKeyKind(HType k) =>
        MirTypeOf(Pruned(k)) == MirType.I32 && Pruned(k) is not TParam ? KeyI32
        : _core.IsString(k) ? KeyString
        : k.Follow() is TEnum || Pruned(k) is TParam { Constraints: var cs } && cs.Any(c => c.Follow() is TAbstract { Abstract.Name: "EnumValue" }) ? KeyEnum
        : KeyPtr;

    /// A key as the natives take it: (suffix, MIR type, value).
    private (string Sfx, MirType Type, ValueId Value) MapKey(HType keyType, ValueId key) =>
        StorageOf(keyType) == MirType.I32 ? ("i32", MirType.I32, Adapt(key, MirType.I32)) : ("ptr", MirType.Ptr, Adapt(key, MirType.Ptr));

    private ValueId MapGet(ValueId map, HType keyType, ValueId key)
    {
        var k = MapKey(keyType, key);
        return Native("rz_map_get_" + k.Sfx, MirType.Ptr, [MirType.Ptr, k.Type], map, k.Value);
    }

    private void MapSet(ValueId map, HType keyType, HType valueType, ValueId key, ValueId value)
    {
        var k = MapKey(keyType, key);
        var vs = StorageOf(valueType) ?? MirType.Ptr;
        Native($"rz_map_set_{k.Sfx}_{Suffix(vs)}", MirType.Void, [MirType.Ptr, k.Type, vs], map, k.Value, Adapt(value, vs));
    }

    private ValueId LowerMapIndexGet(TMapIndex mi)
    {
        var (k, _) = MapTypes(mi.Map.Type)!.Value;
        var map = LowerValue(mi.Map);
        return AdaptNullable(MapGet(map, k, LowerValue(mi.Key)), mi.Type);
    }

    private ValueId LowerMapIndexSet(TMapIndex mi, Func<ValueId> lowerValue)
    {
        var (k, v) = MapTypes(mi.Map.Type)!.Value;
        var map = LowerValue(mi.Map);
        var key = LowerValue(mi.Key);
        var value = lowerValue();
        MapSet(map, k, v, key, value);
        return value;
    }

    /// A `Null<V>` pointer as the expression's representation (V itself when not basic).
    private ValueId AdaptNullable(ValueId boxed, HType want)
    {
        var t = MirTypeOf(want);
        return t == MirType.Void ? boxed : Adapt(boxed, t);
    }

    /// Map methods and the native iterators' methods; null when `f` is not one of them.
    private ValueId? LowerMapMethod(TCall call, ValueId self, TExpr target, FieldSymbol f)
    {
        const MirType Ptr = MirType.Ptr, I32 = MirType.I32;
        var a = call.Args;
        switch (f.Owner.FullName)
        {
            case "Map" when MapTypes(target.Type) is var (k, v):
                switch (f.Name)
                {
                    case "get": return AdaptNullable(MapGet(self, k, LowerValue(a[0])), call.Type);
                    case "set": MapSet(self, k, v, LowerValue(a[0]), LowerValue(a[1])); return ValueId.None;
                    case "exists" or "remove":
                    {
                        var key = MapKey(k, LowerValue(a[0]));
                        return Native($"rz_map_{f.Name}_{key.Sfx}", MirType.Bool, [Ptr, key.Type], self, key.Value);
                    }
                    case "keys": return Native("rz_map_iter", Ptr, [Ptr, I32], self, _b.IConst(0));
                    case "iterator": return Native("rz_map_iter", Ptr, [Ptr, I32], self, _b.IConst(1));
                    case "keyValueIterator": return Native("rz_map_iter", Ptr, [Ptr, I32], self, _b.IConst(2));
                    case "copy": return Native("rz_map_copy", Ptr, [Ptr], self);
                    case "clear": Native("rz_map_clear", MirType.Void, [Ptr], self); return ValueId.None;
                    case "toString": return Native("rz_map_to_string", Ptr, [Ptr], self);
                }
                break;
            case "rayzor.MapIterator" or "rayzor.MapKeyValueIterator":
                switch (f.Name)
                {
                    case "hasNext": return Native("rz_map_iter_has_next", MirType.Bool, [Ptr], self);
                    case "isKeyValue": return Native("rz_map_iter_is_key_value", MirType.Bool, [Ptr], self);
                    case "next" when f.Owner.Name == "MapKeyValueIterator": return Native("rz_map_iter_next_entry", Ptr, [Ptr], self);
                    case "next" or "nextValue" or "nextKey":
                    {
                        var s = StorageOf(call.Type) ?? Ptr;
                        var name = f.Name == "nextKey" ? "rz_map_iter_key_" : "rz_map_iter_next_";
                        return Adapt(Native(name + Suffix(s), s, [Ptr], self), MirTypeOf(call.Type) is MirType.Void ? s : MirTypeOf(call.Type));
                    }
                }
                break;
        }
        return null;
    }

    /// `entry.key` / `entry.value` of a map's key-value iterator; null for other fields.
    private ValueId? LowerMapEntryField(TInstanceField f)
    {
        if (f.Field.Owner.FullName != "rayzor.MapEntry") return null;
        var v = Native(f.Field.Name == "key" ? "rz_map_entry_key" : "rz_map_entry_value", MirType.Ptr, [MirType.Ptr], LowerValue(f.Target));
        return AdaptNullable(v, f.Type);
    }
}
