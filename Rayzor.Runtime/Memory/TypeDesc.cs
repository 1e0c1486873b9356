using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>Kinds of type descriptors (<c>RZ_KIND_*</c> in docs/abi.md).</summary>
public static class TypeKind
{
    public const int String = 1;
    public const int Int = 2;
    public const int Float = 3;
    public const int Bool = 4;
    public const int Class = 5;
    public const int Array = 6;
    public const int Closure = 7;
    public const int Enum = 8;
    public const int Anon = 9;
    /// <summary>A Map (runtime-owned descriptor, docs/abi.md Maps).</summary>
    public const int Map = 10;
}

/// <summary>A type descriptor: static data emitted by the compiler, never on the GC heap.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct TypeDesc
{
    public int Kind;
    /// <summary>Instance size in bytes; 0 for variable-size kinds such as String.</summary>
    public int Size;
    /// <summary>UTF-8, NUL-terminated.</summary>
    public byte* Name;
    /// <summary>The superclass descriptor (classes), else null.</summary>
    public TypeDesc* Super;
    /// <summary><c>HString* toString(void* self)</c> of a class or enum, else null.</summary>
    public delegate* unmanaged<void*, void*> ToStringFn;
    /// <summary>Null-terminated list of implemented interfaces, or null.</summary>
    public TypeDesc** Interfaces;
    /// <summary>Interface-method selector → code, or null.</summary>
    public void** Itable;
    /// <summary>Classes: the fields and methods by name, for access through structures and Dynamic; else null.</summary>
    public FieldTable* Fields;
}

/// <summary>A class's members by name (docs/abi.md): instance vars by offset and kind, methods by a bound-method code pointer.</summary>
public unsafe struct FieldTable
{
    public int Count;
    public int Reserved;
    // followed by Count FieldEntry
}

/// <summary>Kinds of field-table entries besides the element kinds of vars (0 ptr, 1 i32, 2 f64, 3 bool).</summary>
public static class FieldKinds
{
    /// <summary>A method: <c>Code</c> is its bound code <c>code(self, args...)</c>.</summary>
    public const int Method = 4;
    /// <summary>The constructor (named <c>new</c>): <c>Code</c> is <c>void *construct(HArray *args)</c> (Type.createInstance).</summary>
    public const int Constructor = 5;
}

/// <summary>One member: Kind is an element kind (0 ptr, 1 i32, 2 f64, 3 bool) for a var, 4 for a method, 5 for the constructor.</summary>
public unsafe struct FieldEntry
{
    public void* Name;
    public int Offset;
    public int Kind;
    /// <summary>A method's bound code <c>code(self, args...)</c>.</summary>
    public void* Code;
    /// <summary>A method's closure descriptor (by the signature of <see cref="Code"/>: the adapter for dynamic calls).</summary>
    public TypeDesc* ClosureTd;
}

/// <summary>The built-in descriptors the compiled program points to from its program block (docs/abi.md).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct RzBuiltins
{
    public TypeDesc* String;
    public TypeDesc* BoxInt;
    public TypeDesc* BoxFloat;
    public TypeDesc* BoxBool;
    public TypeDesc* Array;
    public TypeDesc* Closure;
    public TypeDesc* Anon;
    /// <summary>Null-terminated list of the program's class and enum descriptors (Type.resolveClass).</summary>
    public TypeDesc** Types;
    /// <summary>Members by name of Strings, Arrays, StringBufs and Maps (docs/abi.md "Members by name"), or null.</summary>
    public FieldTable* StringMembers;
    public FieldTable* ArrayMembers;
    public FieldTable* StringBufMembers;
    public FieldTable* MapMembers;
    /// <summary>Members by name of map iterators (<c>hasNext</c>, <c>next</c>), or null.</summary>
    public FieldTable* MapIteratorMembers;
}
