using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Dynamic;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// The `Type` API over type descriptors (docs/abi.md): class and enum values are descriptor pointers.
public static unsafe class TypeExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_type_name")]
    public static HString* Name(TypeDesc* td) => td == null ? StringOps.NullString : StringOps.FromCString(td->Name);

    [UnmanagedCallersOnly(EntryPoint = "rz_type_super")]
    public static TypeDesc* Super(TypeDesc* td) => td == null ? null : td->Super;

    [UnmanagedCallersOnly(EntryPoint = "rz_get_class")]
    public static TypeDesc* GetClass(void* v) => Reflection.ClassOf(v);

    [UnmanagedCallersOnly(EntryPoint = "rz_get_enum")]
    public static TypeDesc* GetEnum(void* v) =>
        v != null && !Reflection.IsTypeValue(v) && (*(TypeDesc**)v)->Kind is TypeKind.Enum ? *(TypeDesc**)v : null;

    /// <summary><c>Type.typeof</c>: a value of the program's <c>ValueType</c> enum (descriptor
    /// <paramref name="valueType"/>), made through its <c>$create</c>.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_type_typeof")]
    public static void* TypeOf(void* v, TypeDesc* valueType)
    {
        var index = Reflection.TypeOf(v, out var type);
        HArray* args = null;
        if (type != null)
        {
            args = ArrayOps.New(ElemKind.Ptr, 0);
            ArrayOps.PushPtr(args, type);
        }
        return Create(valueType, index, args);
    }

    /// An enum descriptor's functions: `$params(value)` and `$create(index, args)` (offset 48).
    private static void** EnumFns(TypeDesc* td) => (void**)td->Fields;

    public static HArray* Params(void* v)
    {
        if (v == null) Fail.NullAccess();
        var td = *(TypeDesc**)v;
        return ((delegate* unmanaged<void*, HArray*>)EnumFns(td)[0])(v);
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_enum_params")]
    public static HArray* EnumParams(void* v) => Params(v);

    /// `Type.enumEq`: same constructor and equal arguments (enums recursively, strings by content,
    /// numbers by value, other objects by identity).
    [UnmanagedCallersOnly(EntryPoint = "rz_enum_eq")]
    public static int EnumEq(void* a, void* b) => Eq(a, b) ? 1 : 0;

    public static bool Eq(void* a, void* b)
    {
        if (a == b) return true;
        if (a == null || b == null) return false;
        var ta = *(TypeDesc**)a;
        var tb = *(TypeDesc**)b;
        if (ta->Kind != tb->Kind) return ta->Kind is TypeKind.Int or TypeKind.Float && tb->Kind is TypeKind.Int or TypeKind.Float
            && Unboxing.UnboxFloat(a) == Unboxing.UnboxFloat(b);
        switch (ta->Kind)
        {
            case TypeKind.String: return StringOps.Equals((HString*)a, (HString*)b);
            case TypeKind.Int or TypeKind.Float: return Unboxing.UnboxFloat(a) == Unboxing.UnboxFloat(b);
            case TypeKind.Bool: return Unboxing.UnboxBool(a) == Unboxing.UnboxBool(b);
            case TypeKind.Enum:
            {
                if (ta != tb || *(int*)((byte*)a + 8) != *(int*)((byte*)b + 8)) return false;
                var pa = Params(a);
                var pb = Params(b);
                if (pa->Length != pb->Length) return false;
                for (var i = 0; i < pa->Length; i++)
                    if (!Eq(ArrayOps.GetDyn(pa, i), ArrayOps.GetDyn(pb, i))) return false;
                return true;
            }
            default: return false;
        }
    }

    private static int CtorCount(TypeDesc* td)
    {
        var n = 0;
        while (((void**)td->Itable)[n] != null) n++;
        return n;
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_enum_constructs")]
    public static HArray* Constructs(TypeDesc* td)
    {
        var n = CtorCount(td);
        var a = ArrayOps.New(ElemKind.Ptr, 0);
        for (var i = 0; i < n; i++) ArrayOps.PushPtr(a, ((void**)td->Itable)[i]);
        return a;
    }

    private static void* Create(TypeDesc* td, int index, HArray* args) =>
        ((delegate* unmanaged<int, HArray*, void*>)EnumFns(td)[1])(index, args);

    [UnmanagedCallersOnly(EntryPoint = "rz_enum_create")]
    public static void* CreateIndex(TypeDesc* td, int index, HArray* args) => Create(td, index, args);

    [UnmanagedCallersOnly(EntryPoint = "rz_enum_create_by_name")]
    public static void* CreateByName(TypeDesc* td, HString* name, HArray* args)
    {
        var n = CtorCount(td);
        for (var i = 0; i < n; i++)
            if (StringOps.Equals((HString*)((void**)td->Itable)[i], name)) return Create(td, i, args);
        return null;
    }

    /// `Type.allEnums`: the values of the constructors without arguments.
    [UnmanagedCallersOnly(EntryPoint = "rz_enum_all")]
    public static HArray* All(TypeDesc* td)
    {
        var a = ArrayOps.New(ElemKind.Ptr, 0);
        var n = CtorCount(td);
        for (var i = 0; i < n; i++)
        {
            var v = Create(td, i, null);
            if (v != null) ArrayOps.PushPtr(a, v);
        }
        return a;
    }
}
