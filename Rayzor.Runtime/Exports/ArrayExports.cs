using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for <c>Array&lt;T&gt;</c> (docs/abi.md). Bools cross the C ABI as i32 0/1.</summary>
public static unsafe class ArrayExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_array_new")]
    public static HArray* New(int elemKind, int length) => ArrayOps.New(elemKind, length);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_set_i32")]
    public static void SetI32(HArray* a, int i, int v) => ArrayOps.SetI32(a, i, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_set_f64")]
    public static void SetF64(HArray* a, int i, double v) => ArrayOps.SetF64(a, i, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_set_ptr")]
    public static void SetPtr(HArray* a, int i, void* v) => ArrayOps.SetPtr(a, i, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_set_bool")]
    public static void SetBool(HArray* a, int i, int v) => ArrayOps.SetBool(a, i, v != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_push_i32")]
    public static int PushI32(HArray* a, int v) => ArrayOps.PushI32(a, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_push_f64")]
    public static int PushF64(HArray* a, double v) => ArrayOps.PushF64(a, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_push_ptr")]
    public static int PushPtr(HArray* a, void* v) => ArrayOps.PushPtr(a, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_push_bool")]
    public static int PushBool(HArray* a, int v) => ArrayOps.PushBool(a, v != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_pop")]
    public static void* Pop(HArray* a) => ArrayOps.Pop(a);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_shift")]
    public static void* Shift(HArray* a) => ArrayOps.Shift(a);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_unshift_i32")]
    public static void UnshiftI32(HArray* a, int v) => ArrayOps.UnshiftI32(a, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_unshift_f64")]
    public static void UnshiftF64(HArray* a, double v) => ArrayOps.UnshiftF64(a, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_unshift_ptr")]
    public static void UnshiftPtr(HArray* a, void* v) => ArrayOps.UnshiftPtr(a, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_unshift_bool")]
    public static void UnshiftBool(HArray* a, int v) => ArrayOps.UnshiftBool(a, v != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_insert_i32")]
    public static void InsertI32(HArray* a, int pos, int v) => ArrayOps.InsertI32(a, pos, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_insert_f64")]
    public static void InsertF64(HArray* a, int pos, double v) => ArrayOps.InsertF64(a, pos, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_insert_ptr")]
    public static void InsertPtr(HArray* a, int pos, void* v) => ArrayOps.InsertPtr(a, pos, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_insert_bool")]
    public static void InsertBool(HArray* a, int pos, int v) => ArrayOps.InsertBool(a, pos, v != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_index_of_i32")]
    public static int IndexOfI32(HArray* a, int v, int from) => ArrayOps.IndexOfI32(a, v, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_index_of_f64")]
    public static int IndexOfF64(HArray* a, double v, int from) => ArrayOps.IndexOfF64(a, v, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_index_of_ptr")]
    public static int IndexOfPtr(HArray* a, void* v, int from) => ArrayOps.IndexOfPtr(a, v, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_index_of_bool")]
    public static int IndexOfBool(HArray* a, int v, int from) => ArrayOps.IndexOfBool(a, v != 0, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_last_index_of_i32")]
    public static int LastIndexOfI32(HArray* a, int v, int from) => ArrayOps.LastIndexOfI32(a, v, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_last_index_of_f64")]
    public static int LastIndexOfF64(HArray* a, double v, int from) => ArrayOps.LastIndexOfF64(a, v, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_last_index_of_ptr")]
    public static int LastIndexOfPtr(HArray* a, void* v, int from) => ArrayOps.LastIndexOfPtr(a, v, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_last_index_of_bool")]
    public static int LastIndexOfBool(HArray* a, int v, int from) => ArrayOps.LastIndexOfBool(a, v != 0, from);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_remove_i32")]
    public static int RemoveI32(HArray* a, int v) => ArrayOps.RemoveI32(a, v) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_array_remove_f64")]
    public static int RemoveF64(HArray* a, double v) => ArrayOps.RemoveF64(a, v) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_array_remove_ptr")]
    public static int RemovePtr(HArray* a, void* v) => ArrayOps.RemovePtr(a, v) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_array_remove_bool")]
    public static int RemoveBool(HArray* a, int v) => ArrayOps.RemoveBool(a, v != 0) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_array_copy")]
    public static HArray* Copy(HArray* a) => ArrayOps.Copy(a);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_blit")]
    public static void Blit(HArray* src, int srcPos, HArray* dst, int dstPos, int len) => ArrayOps.Blit(src, srcPos, dst, dstPos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_slice")]
    public static HArray* Slice(HArray* a, int pos, int end) => ArrayOps.Slice(a, pos, end);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_splice")]
    public static HArray* Splice(HArray* a, int pos, int len) => ArrayOps.Splice(a, pos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_concat")]
    public static HArray* Concat(HArray* a, HArray* b) => ArrayOps.Concat(a, b);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_reverse")]
    public static void Reverse(HArray* a) => ArrayOps.Reverse(a);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_resize")]
    public static void Resize(HArray* a, int length) => ArrayOps.Resize(a, length);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_join")]
    public static HString* Join(HArray* a, HString* sep) => ArrayOps.Join(a, sep);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_to_string")]
    public static HString* ToString(HArray* a) => ArrayOps.ToString(a);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_get_dyn")]
    public static void* GetDyn(HArray* a, int i) => ArrayOps.GetDyn(a, i);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_set_dyn")]
    public static void SetDyn(HArray* a, int i, void* boxed) => ArrayOps.SetDyn(a, i, boxed);

    [UnmanagedCallersOnly(EntryPoint = "rz_array_sort")]
    public static void Sort(HArray* a, HClosure* cmp) => ArraySort.Sort(a, cmp);
}
