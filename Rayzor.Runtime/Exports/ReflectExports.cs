using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Dynamic;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>The <c>Reflect</c> API, the reflective part of <c>Type</c> and array access on Dynamic (docs/abi.md "Reflection").</summary>
public static unsafe class ReflectExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_field")]
    public static void* Field(void* o, HString* name) => Reflection.Field(o, name);

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_delete_field")]
    public static int DeleteField(void* o, HString* name) => Anon.Delete(o, name) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_fields")]
    public static HArray* Fields(void* o) => Anon.FieldNames(o);

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_copy")]
    public static void* Copy(void* o) => Anon.Copy(o);

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_is_object")]
    public static int IsObject(void* v) => Reflection.IsObject(v) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_is_function")]
    public static int IsFunction(void* v) => DynCall.IsFunction(v) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_is_enum_value")]
    public static int IsEnumValue(void* v) => v != null && !Reflection.IsTypeValue(v) && (*(TypeDesc**)v)->Kind == TypeKind.Enum ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_compare_methods")]
    public static int CompareMethods(void* a, void* b) => Reflection.CompareMethods(a, b) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_get_property")]
    public static void* GetProperty(void* o, HString* name) => Reflection.GetProperty(o, name);

    [UnmanagedCallersOnly(EntryPoint = "rz_reflect_set_property")]
    public static void SetProperty(void* o, HString* name, void* v) => Reflection.SetProperty(o, name, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_index_get")]
    public static void* IndexGet(void* d, int i) => Reflection.IndexGet(d, i);

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_index_set")]
    public static void IndexSet(void* d, int i, void* v) => Reflection.IndexSet(d, i, v);

    [UnmanagedCallersOnly(EntryPoint = "rz_type_resolve")]
    public static TypeDesc* Resolve(HString* name, int kind) => Reflection.Resolve(name, kind);

    [UnmanagedCallersOnly(EntryPoint = "rz_type_create_instance")]
    public static void* CreateInstance(TypeDesc* td, HArray* args) => Reflection.CreateInstance(td, args);

    [UnmanagedCallersOnly(EntryPoint = "rz_type_create_empty_instance")]
    public static void* CreateEmptyInstance(TypeDesc* td) => Reflection.CreateEmptyInstance(td);

    [UnmanagedCallersOnly(EntryPoint = "rz_type_instance_fields")]
    public static HArray* InstanceFields(TypeDesc* td) => Reflection.InstanceFields(td);
}
