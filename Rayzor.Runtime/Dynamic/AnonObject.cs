using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Dynamic;

/// An anonymous structure `{ a: 1, b: "x" }`: `{ td (kind RZ_KIND_ANON), count, capacity, fields }`
/// where fields is GC memory holding (name, boxed value) pairs in insertion order.
public unsafe struct AnonObject
{
    public TypeDesc* Td;
    public int Count;
    public int Capacity;
    public void** Fields; // [name0, value0, name1, value1, ...]
}

/// Field access by name on anonymous structures (docs/abi.md "Anonymous structures").
public static unsafe class Anon
{
    public static AnonObject* New(int capacity)
    {
        var o = (AnonObject*)Heap.Alloc((nuint)sizeof(AnonObject));
        o->Td = Rt.Builtins->Anon;
        o->Capacity = Math.Max(capacity, 1);
        o->Fields = (void**)Heap.Alloc((nuint)(o->Capacity * 2 * sizeof(void*)));
        return o;
    }

    private static int IndexOf(AnonObject* o, HString* name)
    {
        for (var i = 0; i < o->Count; i++)
            if (o->Fields[2 * i] == name) return i;
        for (var i = 0; i < o->Count; i++)
            if (StringOps.Equals((HString*)o->Fields[2 * i], name)) return i;
        return -1;
    }

    public static bool IsAnon(void* v) => v != null && !Reflection.IsTypeValue(v) && (*(TypeDesc**)v)->Kind == TypeKind.Anon;

    /// A class member by name, from the descriptor's field table (docs/abi.md), or null.
    internal static FieldEntry* Member(void* obj, HString* name) => Reflection.IsTypeValue(obj) ? null : MemberOf(*(TypeDesc**)obj, name);

    /// A var or method of a class descriptor or built-in type by name (not a constructor entry), or null.
    internal static FieldEntry* MemberOf(TypeDesc* td, HString* name)
    {
        var table = TableOf(td);
        if (table == null) return null;
        var entries = (FieldEntry*)(table + 1);
        for (var i = 0; i < table->Count; i++)
            if (entries[i].Kind <= FieldKinds.Method && (entries[i].Name == name || StringOps.Equals((HString*)entries[i].Name, name))) return &entries[i];
        return null;
    }

    /// The members by name of values of <paramref name="td"/>: a class's field table, or the
    /// program's table for a built-in type; null when none.
    private static FieldTable* TableOf(TypeDesc* td) => td->Kind switch
    {
        TypeKind.Class => td->Fields,
        TypeKind.String => Rt.Builtins->StringMembers,
        TypeKind.Array => Rt.Builtins->ArrayMembers,
        TypeKind.Map => Rt.Builtins->MapMembers,
        _ => null,
    };

    /// The entries of a class descriptor's field table (check <c>td->Fields</c> first).
    internal static FieldEntry* Entries(TypeDesc* td) => (FieldEntry*)(td->Fields + 1);

    private static void* ReadMember(void* obj, FieldEntry* e)
    {
        var p = (byte*)obj + e->Offset;
        switch (e->Kind)
        {
            case 1: return Boxing.BoxInt(*(int*)p);
            case 2: return Boxing.BoxFloat(*(double*)p);
            case 3: return Boxing.BoxBool(*p != 0);
            case FieldKinds.Method:
            {
                var c = (Closures.HClosure*)Heap.Alloc((nuint)sizeof(Closures.HClosure));
                c->Td = e->ClosureTd;
                c->Fn = e->Code;
                c->Env = obj;
                return c;
            }
            default: return *(void**)p;
        }
    }

    private static void WriteMember(void* obj, FieldEntry* e, void* value)
    {
        var p = (byte*)obj + e->Offset;
        switch (e->Kind)
        {
            case 1: *(int*)p = Unboxing.UnboxInt(value); break;
            case 2: *(double*)p = Unboxing.UnboxFloat(value); break;
            case 3: *p = Unboxing.UnboxBool(value) ? (byte)1 : (byte)0; break;
            case FieldKinds.Method: break;
            default: *(void**)p = value; break;
        }
    }

    /// The field's boxed value, or null when absent (also for a class instance's fields and methods).
    public static void* Get(void* obj, HString* name)
    {
        if (obj == null) Fail.NullAccess();
        if (Member(obj, name) is var m && m != null) return ReadMember(obj, m);
        if (!IsAnon(obj)) return null;
        var o = (AnonObject*)obj;
        var i = IndexOf(o, name);
        return i < 0 ? null : o->Fields[2 * i + 1];
    }

    public static void Set(void* obj, HString* name, void* value)
    {
        if (obj == null) Fail.NullAccess();
        if (Member(obj, name) is var m && m != null) { WriteMember(obj, m, value); return; }
        if (!IsAnon(obj)) return;
        var o = (AnonObject*)obj;
        var i = IndexOf(o, name);
        if (i >= 0) { o->Fields[2 * i + 1] = value; return; }
        if (o->Count == o->Capacity)
        {
            var cap = o->Capacity * 2;
            var grown = (void**)Heap.Alloc((nuint)(cap * 2 * sizeof(void*)));
            Buffer.MemoryCopy(o->Fields, grown, cap * 2 * sizeof(void*), o->Count * 2 * sizeof(void*));
            o->Fields = grown;
            o->Capacity = cap;
        }
        o->Fields[2 * o->Count] = name;
        o->Fields[2 * o->Count + 1] = value;
        o->Count++;
    }

    public static bool Has(void* obj, HString* name) =>
        obj != null && (Member(obj, name) != null || IsAnon(obj) && IndexOf((AnonObject*)obj, name) >= 0);

    /// Removes a field of a structure; false when it has none (`Reflect.deleteField`).
    public static bool Delete(void* obj, HString* name)
    {
        if (!IsAnon(obj)) return false;
        var o = (AnonObject*)obj;
        var i = IndexOf(o, name);
        if (i < 0) return false;
        for (var k = 2 * i; k + 2 < 2 * o->Count; k++) o->Fields[k] = o->Fields[k + 2];
        o->Count--;
        o->Fields[2 * o->Count] = null;
        o->Fields[2 * o->Count + 1] = null;
        return true;
    }

    /// The field names of a structure in insertion order, or the vars of a class instance
    /// (`Reflect.fields`); an empty array for anything else.
    public static HArray* FieldNames(void* obj)
    {
        var names = ArrayOps.New(ElemKind.Ptr, 0);
        if (obj == null) return names;
        if (IsAnon(obj))
        {
            var o = (AnonObject*)obj;
            for (var i = 0; i < o->Count; i++) ArrayOps.PushPtr(names, o->Fields[2 * i]);
            return names;
        }
        var td = *(TypeDesc**)obj;
        if (td->Kind == TypeKind.Class && td->Fields != null)
        {
            var entries = Entries(td);
            for (var i = 0; i < td->Fields->Count; i++)
                if (entries[i].Kind < FieldKinds.Method) ArrayOps.PushPtr(names, entries[i].Name);
        }
        return names;
    }

    /// A new structure with the same fields (`Reflect.copy`); null for anything but a structure.
    public static void* Copy(void* obj)
    {
        if (!IsAnon(obj)) return null;
        var o = (AnonObject*)obj;
        var c = New(o->Count);
        Buffer.MemoryCopy(o->Fields, c->Fields, (long)c->Capacity * 2 * sizeof(void*), (long)o->Count * 2 * sizeof(void*));
        c->Count = o->Count;
        return c;
    }

    /// `{ a : 1, b : x }` as HashLink prints a structure (insertion order); `{}` when empty.
    public static HString* ToString(AnonObject* o)
    {
        if (o->Count == 0) return StringOps.FromUtf8("{}"u8);
        var s = StringOps.FromUtf8("{ "u8);
        for (var i = 0; i < o->Count; i++)
        {
            if (i > 0) s = StringOps.Concat(s, StringOps.FromUtf8(", "u8));
            s = StringOps.Concat(s, (HString*)o->Fields[2 * i]);
            s = StringOps.Concat(s, StringOps.FromUtf8(" : "u8));
            s = StringOps.Concat(s, StdString.ToString(o->Fields[2 * i + 1]));
        }
        return StringOps.Concat(s, StringOps.FromUtf8(" }"u8));
    }
}
