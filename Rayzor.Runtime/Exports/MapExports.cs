using System.Runtime.InteropServices;
using Rayzor.Runtime.Maps;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for <c>Map&lt;K,V&gt;</c> (docs/abi.md, Maps). Key suffix first
/// (<c>i32</c> or <c>ptr</c>), then the value's; Bools cross the C ABI as i32 0/1.</summary>
public static unsafe class MapExports
{
    /// <summary>The descriptor of maps made with <paramref name="keyKind"/> keys (<c>RZ_KEY_*</c>, 2: String,
    /// 3: enum): <c>haxe.ds.StringMap</c>, <c>IntMap</c>, <c>ObjectMap</c>, <c>EnumValueMap</c> as values.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_map_class")]
    public static TypeDesc* MapClass(int keyKind) => MapOps.MapTd(keyKind);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_new")]
    public static HMap* New(int keyKind, int valueKind) => MapOps.New(keyKind, valueKind);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_copy")]
    public static HMap* Copy(HMap* m) => MapOps.Copy(m);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_clear")]
    public static void Clear(HMap* m) => MapOps.Clear(m);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_to_string")]
    public static HString* ToString(HMap* m) => MapOps.ToString(m);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter")]
    public static HMapIter* Iter(HMap* m, int mode) => MapOps.Iter(m, mode);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_has_next")]
    public static int HasNext(HMapIter* it) => MapOps.HasNext(it) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_next_entry")]
    public static HMapEntry* NextEntry(HMapIter* it) => MapOps.NextEntry(it);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_entry_key")]
    public static void* EntryKey(HMapEntry* e) => MapOps.SlotToDyn(e->KeyKind, e->Key);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_entry_value")]
    public static void* EntryValue(HMapEntry* e) => MapOps.SlotToDyn(e->ValueKind, e->Value);

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_i32")]
    public static void* GetI32(HMap* m, int k) => MapOps.Get(m, MapOps.KeyFromI32(m, k));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_exists_i32")]
    public static int ExistsI32(HMap* m, int k) => MapOps.Find(m, MapOps.KeyFromI32(m, k)) >= 0 ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_remove_i32")]
    public static int RemoveI32(HMap* m, int k) => MapOps.Remove(m, MapOps.KeyFromI32(m, k)) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_i32_i32")]
    public static void SetI32I32(HMap* m, int k, int v) => MapOps.Set(m, MapOps.KeyFromI32(m, k), MapOps.I32Slot(m->ValueKind, v));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_i32_i32")]
    public static int GetI32I32(HMap* m, int k) => MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromI32(m, k)));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_i32_f64")]
    public static void SetI32F64(HMap* m, int k, double v) => MapOps.Set(m, MapOps.KeyFromI32(m, k), MapOps.F64Slot(m->ValueKind, v));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_i32_f64")]
    public static double GetI32F64(HMap* m, int k) => MapOps.SlotF64(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromI32(m, k)));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_i32_ptr")]
    public static void SetI32Ptr(HMap* m, int k, void* v) => MapOps.Set(m, MapOps.KeyFromI32(m, k), MapOps.PtrSlot(m->ValueKind, v));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_i32_ptr")]
    public static void* GetI32Ptr(HMap* m, int k) => MapOps.SlotPtr(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromI32(m, k)));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_i32_bool")]
    public static void SetI32Bool(HMap* m, int k, int v) => MapOps.Set(m, MapOps.KeyFromI32(m, k), MapOps.BoolSlot(m->ValueKind, v != 0));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_i32_bool")]
    public static int GetI32Bool(HMap* m, int k) => MapOps.SlotBool(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromI32(m, k))) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_ptr")]
    public static void* GetPtr(HMap* m, void* k) => MapOps.Get(m, MapOps.KeyFromPtr(m, k));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_exists_ptr")]
    public static int ExistsPtr(HMap* m, void* k) => MapOps.Find(m, MapOps.KeyFromPtr(m, k)) >= 0 ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_remove_ptr")]
    public static int RemovePtr(HMap* m, void* k) => MapOps.Remove(m, MapOps.KeyFromPtr(m, k)) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_ptr_i32")]
    public static void SetPtrI32(HMap* m, void* k, int v) => MapOps.Set(m, MapOps.KeyFromPtr(m, k), MapOps.I32Slot(m->ValueKind, v));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_ptr_i32")]
    public static int GetPtrI32(HMap* m, void* k) => MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromPtr(m, k)));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_ptr_f64")]
    public static void SetPtrF64(HMap* m, void* k, double v) => MapOps.Set(m, MapOps.KeyFromPtr(m, k), MapOps.F64Slot(m->ValueKind, v));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_ptr_f64")]
    public static double GetPtrF64(HMap* m, void* k) => MapOps.SlotF64(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromPtr(m, k)));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_ptr_ptr")]
    public static void SetPtrPtr(HMap* m, void* k, void* v) => MapOps.Set(m, MapOps.KeyFromPtr(m, k), MapOps.PtrSlot(m->ValueKind, v));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_ptr_ptr")]
    public static void* GetPtrPtr(HMap* m, void* k) => MapOps.SlotPtr(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromPtr(m, k)));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_set_ptr_bool")]
    public static void SetPtrBool(HMap* m, void* k, int v) => MapOps.Set(m, MapOps.KeyFromPtr(m, k), MapOps.BoolSlot(m->ValueKind, v != 0));

    [UnmanagedCallersOnly(EntryPoint = "rz_map_get_ptr_bool")]
    public static int GetPtrBool(HMap* m, void* k) => MapOps.SlotBool(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromPtr(m, k))) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_next_i32")]
    public static int NextI32(HMapIter* it)
    {
        long s = MapOps.NextSlot(it, out int kind);
        return MapOps.SlotI32(kind, s);
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_key_i32")]
    public static int KeyI32(HMapIter* it)
    {
        long s = MapOps.KeySlot(it, out int kind);
        return MapOps.SlotI32(kind, s);
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_next_f64")]
    public static double NextF64(HMapIter* it)
    {
        long s = MapOps.NextSlot(it, out int kind);
        return MapOps.SlotF64(kind, s);
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_key_f64")]
    public static double KeyF64(HMapIter* it)
    {
        long s = MapOps.KeySlot(it, out int kind);
        return MapOps.SlotF64(kind, s);
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_next_ptr")]
    public static void* NextPtr(HMapIter* it)
    {
        long s = MapOps.NextSlot(it, out int kind);
        return MapOps.SlotPtr(kind, s);
    }

    /// <summary>Whether the iterator is a <c>keyValueIterator()</c> (mode 2), for <c>next</c> by name.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_is_key_value")]
    public static int IsKeyValue(HMapIter* it) => it->Mode == 2 ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_key_ptr")]
    public static void* KeyPtr(HMapIter* it)
    {
        long s = MapOps.KeySlot(it, out int kind);
        return MapOps.SlotPtr(kind, s);
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_next_bool")]
    public static int NextBool(HMapIter* it)
    {
        long s = MapOps.NextSlot(it, out int kind);
        return MapOps.SlotBool(kind, s) ? 1 : 0;
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_map_iter_key_bool")]
    public static int KeyBool(HMapIter* it)
    {
        long s = MapOps.KeySlot(it, out int kind);
        return MapOps.SlotBool(kind, s) ? 1 : 0;
    }
}
