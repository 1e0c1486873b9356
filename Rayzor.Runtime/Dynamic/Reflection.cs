using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Dynamic;

/// <summary>
/// The <c>Reflect</c> API and the reflective parts of <c>Type</c> (docs/abi.md "Reflection"):
/// structures by their (name, value) pairs, class instances through their descriptor's field
/// table, classes by name through the program's descriptor list.
/// </summary>
public static unsafe class Reflection
{
    /// <summary>The kind of a value's descriptor; 0 for null and for class or enum values.</summary>
    public static int KindOf(void* v) => v == null || IsTypeValue(v) ? 0 : (*(TypeDesc**)v)->Kind;

    /// <summary><c>Reflect.field</c>: null for a null object or a missing field.</summary>
    public static void* Field(void* o, HString* name) => o == null ? null : Anon.Get(o, name);

    /// <summary><c>Reflect.isObject</c>: strings, arrays, structures, maps and class instances.</summary>
    public static bool IsObject(void* v) =>
        KindOf(v) is TypeKind.String or TypeKind.Array or TypeKind.Anon or TypeKind.Class or TypeKind.Map || IsTypeValue(v);

    /// <summary><c>Reflect.compareMethods</c>: the same function value, or closures of the same code and environment.</summary>
    public static bool CompareMethods(void* a, void* b)
    {
        if (a == b) return true;
        if (!DynCall.IsFunction(a) || !DynCall.IsFunction(b)) return false;
        var x = (HClosure*)a;
        var y = (HClosure*)b;
        return x->Fn == y->Fn && x->Env == y->Env;
    }

    /// <summary>Calls method <paramref name="m"/> of <paramref name="obj"/> with boxed arguments.</summary>
    private static void* CallMember(void* obj, FieldEntry* m, HArray* args)
    {
        var clo = new HClosure { Td = m->ClosureTd, Fn = m->Code, Env = obj };
        return DynCall.Call(&clo, args);
    }

    /// <summary>The accessor <c>prefix + name</c> of a class instance, or null.</summary>
    private static FieldEntry* Accessor(void* o, ReadOnlySpan<byte> prefix, HString* name)
    {
        if (KindOf(o) != TypeKind.Class) return null;
        var full = StringOps.Concat(StringOps.FromUtf8(prefix), name);
        var m = Anon.Member(o, full);
        return m != null && m->Kind == FieldKinds.Method ? m : null;
    }

    /// <summary><c>Reflect.getProperty</c>: through <c>get_name</c> when the instance has it.</summary>
    public static void* GetProperty(void* o, HString* name)
    {
        var get = Accessor(o, "get_"u8, name);
        return get != null ? CallMember(o, get, ArrayOps.New(ElemKind.Ptr, 0)) : Field(o, name);
    }

    /// <summary><c>Reflect.setProperty</c>: through <c>set_name</c> when the instance has it.</summary>
    public static void SetProperty(void* o, HString* name, void* value)
    {
        var set = Accessor(o, "set_"u8, name);
        if (set == null)
        {
            Anon.Set(o, name, value);
            return;
        }
        var args = ArrayOps.New(ElemKind.Ptr, 0);
        ArrayOps.PushPtr(args, value);
        CallMember(o, set, args);
    }

    // ---- Type ----

    /// <summary>Whether <paramref name="p"/> is a class or enum descriptor of the program (a
    /// <c>Class&lt;T&gt;</c> or <c>Enum&lt;T&gt;</c> value: static data without a header).</summary>
    public static bool IsTypeValue(void* p)
    {
        // an object starts with a descriptor pointer; a descriptor starts with its kind (a small Int)
        if (p == null || (uint)*(long*)p > TypeKind.Map) return false;
        var b = Rt.Builtins;
        if (p == b->String || p == b->Array) return true;
        if (b->Types == null) return false;
        for (var t = b->Types; *t != null; t++)
            if (*t == p) return true;
        return false;
    }

    /// <summary>Whether <paramref name="p"/> is an enum value of the program (<paramref name="isEnum"/>) or a class value.</summary>
    public static bool IsTypeValueOf(void* p, bool isEnum) => IsTypeValue(p) && (((TypeDesc*)p)->Kind == TypeKind.Enum) == isEnum;

    /// <summary>The descriptor named <paramref name="name"/> of a kind (<c>Type.resolveClass</c> / <c>resolveEnum</c>), or null.</summary>
    public static TypeDesc* Resolve(HString* name, int kind)
    {
        if (name == null) return null;
        var b = Rt.Builtins;
        if (kind == TypeKind.Class)
        {
            if (StringOps.Equals(StringOps.FromCString(b->String->Name), name)) return b->String;
            if (StringOps.Equals(StringOps.FromCString(b->Array->Name), name)) return b->Array;
        }
        if (b->Types == null) return null;
        for (var t = b->Types; *t != null; t++)
            if ((*t)->Kind == kind && StringOps.Equals(StringOps.FromCString((*t)->Name), name)) return *t;
        return null;
    }

    /// <summary><c>Type.typeof</c> as a ValueType index: TNull 0, TInt 1, TFloat 2, TBool 3,
    /// TObject 4, TFunction 5, TClass 6, TEnum 7, TUnknown 8; <paramref name="type"/> receives the
    /// class or enum of 6 and 7.</summary>
    public static int TypeOf(void* v, out TypeDesc* type)
    {
        type = null;
        if (v == null) return 0;
        if (IsTypeValue(v)) return 4;
        var td = *(TypeDesc**)v;
        switch (td->Kind)
        {
            case TypeKind.Int: return 1;
            case TypeKind.Float: return 2;
            case TypeKind.Bool: return 3;
            case TypeKind.Anon: return 4;
            case TypeKind.Closure: return 5;
            case TypeKind.String or TypeKind.Array or TypeKind.Class or TypeKind.Map:
                type = ClassOf(v);
                return 6;
            case TypeKind.Enum:
                type = td;
                return 7;
            default: return 8;
        }
    }

    /// <summary><c>Type.getClass</c>: the class of an instance (String and Array included), else null.</summary>
    public static TypeDesc* ClassOf(void* v)
    {
        if (v == null || IsTypeValue(v)) return null;
        var td = *(TypeDesc**)v;
        return td->Kind is TypeKind.Class or TypeKind.String or TypeKind.Array or TypeKind.Map ? td : null;
    }

    /// <summary><c>Type.createInstance</c>: through the constructor entry of the class's field
    /// table (generated when the program uses it); null when the class has none.</summary>
    public static void* CreateInstance(TypeDesc* td, HArray* args)
    {
        if (td == null) Fail.NullAccess();
        if (td->Kind != TypeKind.Class || td->Fields == null) return null;
        var entries = Anon.Entries(td);
        for (var i = 0; i < td->Fields->Count; i++)
            if (entries[i].Kind == FieldKinds.Constructor)
                return ((delegate* unmanaged<HArray*, void*>)entries[i].Code)(args);
        return null;
    }

    /// <summary><c>Type.createEmptyInstance</c>: the fields zeroed, no constructor run.</summary>
    public static void* CreateEmptyInstance(TypeDesc* td)
    {
        if (td == null) Fail.NullAccess();
        if (td->Kind != TypeKind.Class) return null;
        var o = Heap.Alloc((nuint)Math.Max(td->Size, 8));
        *(TypeDesc**)o = td;
        return o;
    }

    /// <summary><c>Type.getInstanceFields</c>: the vars and methods of a class (with inherited ones).</summary>
    public static HArray* InstanceFields(TypeDesc* td)
    {
        var names = ArrayOps.New(ElemKind.Ptr, 0);
        if (td == null || td->Kind != TypeKind.Class || td->Fields == null) return names;
        var entries = Anon.Entries(td);
        for (var i = 0; i < td->Fields->Count; i++)
            if (entries[i].Kind <= FieldKinds.Method) ArrayOps.PushPtr(names, entries[i].Name);
        return names;
    }

    // ---- Dynamic array access ----

    /// <summary><c>d[i]</c> on a Dynamic: an Array's element (boxed), null for anything else.</summary>
    public static void* IndexGet(void* d, int i)
    {
        if (d == null) Fail.NullAccess();
        return KindOf(d) == TypeKind.Array ? ArrayOps.GetDyn((HArray*)d, i) : null;
    }

    /// <summary><c>d[i] = v</c> on a Dynamic: stores into an Array, ignored for anything else.</summary>
    public static void IndexSet(void* d, int i, void* v)
    {
        if (d == null) Fail.NullAccess();
        if (KindOf(d) == TypeKind.Array) ArrayOps.SetDyn((HArray*)d, i, v);
    }
}
