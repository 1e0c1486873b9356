using System.Runtime.InteropServices;
using System.Text;
using Rayzor.Interp.Execution;
using Rayzor.Interp.Thunks;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Interp.Loading;

/// <summary>
/// A MIR module made ready to run in this process: what a native executable has as static data —
/// the built-in and class descriptors (docs/abi.md layouts), string literals and static vars — is
/// built here in unmanaged memory, so the runtime sees exactly the objects it sees natively.
/// </summary>
internal sealed unsafe class Image
{
    /// <summary>Offsets in a type descriptor (docs/abi.md).</summary>
    public const int TdItableOffset = 40, TdFieldsOffset = 48, TdVtableOffset = 56;

    public MirModule Module { get; }
    public RzBuiltins* Builtins { get; private set; }
    public Func[] Functions { get; }

    /// <summary>String literals by index (never collected, like literals in an object file).</summary>
    public HString*[] Strings { get; private set; } = [];

    /// <summary>Static vars: 8 bytes each, in memory the collector scans.</summary>
    public long* Globals { get; private set; }

    /// <summary>The descriptor of each class of <see cref="MirModule.Classes"/>, by index.</summary>
    public TypeDesc*[] ClassDescs { get; private set; } = [];

    private readonly Dictionary<string, Func> _byName = new();
    private readonly Dictionary<string, int> _globalIndex = new();
    private readonly Dictionary<string, int> _classIndex = new();
    private readonly Dictionary<string, nint> _descs = new();
    private readonly CodeMap _byCode = new();
    private nint _handles;

    public Image(MirModule module)
    {
        Module = module;
        Functions = new Func[module.Functions.Count];
        for (var i = 0; i < Functions.Length; i++)
        {
            Functions[i] = new Func(module.Functions[i], i);
            _byName[module.Functions[i].Name] = Functions[i];
        }
        for (var i = 0; i < module.Globals.Count; i++) _globalIndex[module.Globals[i].Name] = i;
        for (var i = 0; i < module.Classes.Count; i++) _classIndex[module.Classes[i].Name] = i;
    }

    /// <summary>Builds the builtins, initializes the runtime (Boehm), then literals, statics and class descriptors.</summary>
    public void Load(string programName, IReadOnlyList<string> args)
    {
        var b = (RzBuiltins*)NativeMemory.AllocZeroed((nuint)sizeof(RzBuiltins));
        b->String = Builtin(TypeKind.String, 0, "String");
        b->BoxInt = Builtin(TypeKind.Int, 16, "Int");
        b->BoxFloat = Builtin(TypeKind.Float, 16, "Float");
        b->BoxBool = Builtin(TypeKind.Bool, 16, "Bool");
        b->Array = Builtin(TypeKind.Array, 32, "Array");
        b->Closure = Builtin(TypeKind.Closure, 24, "Closure");
        b->Anon = Builtin(TypeKind.Anon, 24, "Anon");
        Builtins = b;
        var argv = (byte**)NativeMemory.AllocZeroed((nuint)(sizeof(byte*) * (args.Count + 2)));
        argv[0] = CString(programName);
        for (var i = 0; i < args.Count; i++) argv[i + 1] = CString(args[i]);
        Rt.Initialize(b, args.Count + 1, argv);

        Strings = new HString*[Module.Strings.Count];
        for (var i = 0; i < Strings.Length; i++) Strings[i] = HString.Permanent(Module.Strings[i]);
        Globals = (long*)BoehmRoots.Allocate((nuint)(8 * Math.Max(1, Module.Globals.Count)));
        ClassDescs = new TypeDesc*[Module.Classes.Count];
        for (var i = 0; i < ClassDescs.Length; i++) ClassDescs[i] = Desc(Module.Classes[i].Name);
        foreach (var c in Module.Classes) FillClass(c);
    }

    private TypeDesc* Builtin(int kind, int size, string name)
    {
        var td = (TypeDesc*)NativeMemory.AllocZeroed((nuint)sizeof(TypeDesc));
        td->Kind = kind;
        td->Size = size;
        td->Name = CString(name);
        _descs["#" + name] = (nint)td;
        return td;
    }

    private static byte* CString(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        p[bytes.Length] = 0;
        return p;
    }

    public Func? FindFunction(string name) => _byName.GetValueOrDefault(name);

    public int GlobalIndex(string name) =>
        _globalIndex.TryGetValue(name, out var i) ? i : throw new InterpreterException($"unknown global @{name}");

    public int ClassIndex(string name) =>
        _classIndex.TryGetValue(name, out var i) ? i : throw new InterpreterException($"unknown class @{name}");

    /// <summary>`typedesc @C`: a class or enum descriptor, a built-in one (`#String`), or null for an unknown built-in.</summary>
    public TypeDesc* TypeDescOf(string sym) =>
        sym.StartsWith('#') ? (TypeDesc*)_descs.GetValueOrDefault(sym) : Desc(sym);

    /// <summary>The descriptor of a class (allocated on first mention, with room for its vtable; filled by <see cref="FillClass"/>).</summary>
    private TypeDesc* Desc(string name)
    {
        if (_descs.TryGetValue(name, out var p)) return (TypeDesc*)p;
        var cls = _classIndex.TryGetValue(name, out var i) ? Module.Classes[i] : null;
        var td = (TypeDesc*)NativeMemory.AllocZeroed((nuint)(TdVtableOffset + 8 * (cls?.VTable.Count ?? 0)));
        // an interface or a class only named in an interface list keeps this minimal form
        td->Kind = TypeKind.Class;
        td->Name = CString(name);
        _descs[name] = (nint)td;
        return td;
    }

    private void* Code(string? fn) => fn == null ? null : (void*)CodeOf(FindFunction(fn) ?? throw new InterpreterException($"unknown function @{fn}"));

    private static void** PtrArray(int n) => (void**)NativeMemory.AllocZeroed((nuint)(8 * Math.Max(n, 1)));

    private void FillClass(MirClass c)
    {
        var td = Desc(c.Name);
        td->Kind = c.IsEnum ? TypeKind.Enum : TypeKind.Class;
        td->Size = c.Size;
        td->Super = c.Super != null ? Desc(c.Super) : null;
        td->ToStringFn = (delegate* unmanaged<void*, void*>)Code(c.ToStringFn);
        if (c.Interfaces.Count > 0)
        {
            var list = (TypeDesc**)PtrArray(c.Interfaces.Count + 1);
            for (var i = 0; i < c.Interfaces.Count; i++) list[i] = Desc(c.Interfaces[i]);
            td->Interfaces = list;
        }
        if (c.IsEnum)
        {
            var names = PtrArray(c.CtorNames.Count + 1);
            for (var i = 0; i < c.CtorNames.Count; i++) names[i] = Strings[c.CtorNames[i]];
            td->Itable = names;
            var fns = PtrArray(2);
            fns[0] = Code(c.EnumParamsFn);
            fns[1] = Code(c.EnumCreateFn);
            td->Fields = (FieldTable*)fns;
        }
        else
        {
            if (c.ITable.Any(x => x != null))
            {
                var itable = PtrArray(c.ITable.Count);
                for (var i = 0; i < c.ITable.Count; i++) itable[i] = Code(c.ITable[i]);
                td->Itable = itable;
            }
            if (c.FieldTable.Count > 0) td->Fields = FieldTableOf(c);
        }
        var vtable = (void**)((byte*)td + TdVtableOffset);
        for (var i = 0; i < c.VTable.Count; i++) vtable[i] = Code(c.VTable[i]);
    }

    /// <summary>`{ count, reserved, entries[] }` with entries `{ name, offset, kind, code, closureTd }` (docs/abi.md).</summary>
    private FieldTable* FieldTableOf(MirClass c)
    {
        // the entries' own size: the table was sized for 24-byte entries after FieldEntry grew to 32,
        // and the writes ran past it into malloc's bookkeeping
        var table = (FieldTable*)NativeMemory.AllocZeroed((nuint)(8 + sizeof(FieldEntry) * c.FieldTable.Count));
        table->Count = c.FieldTable.Count;
        var e = (FieldEntry*)((byte*)table + 8);
        foreach (var (name, offset, type, method) in c.FieldTable)
        {
            e->Name = Strings[name];
            e->Offset = offset;
            e->Kind = method != null ? 4 : type switch { MirType.I32 => 1, MirType.F64 => 2, MirType.Bool => 3, _ => 0 };
            e->Code = Code(method);
            e++;
        }
        return table;
    }

    /// <summary>
    /// The code pointer of a function, as a descriptor, closure or field table holds it: a native
    /// entry thunk into the interpreter when its signature fits one (the runtime may call it), else a
    /// unique address that only the interpreter dereferences.
    /// </summary>
    public nint CodeOf(Func f)
    {
        if (f.CodePointer != 0) return f.CodePointer;
        var p = Thunk.TryCreate(f);
        if (p == 0)
        {
            if (_handles == 0) _handles = (nint)NativeMemory.AllocZeroed((nuint)(8 * Functions.Length));
            p = _handles + 8 * f.Index;
        }
        f.CodePointer = p;
        _byCode.Add(p, f);
        return p;
    }

    /// <summary>The function a code pointer read from a descriptor or closure stands for.</summary>
    public Func FunctionAt(nint code) =>
        _byCode.Find(code) ?? throw new InterpreterException(code == 0 ? "call of a null code pointer" : $"call of native code 0x{code:x} (not a function of the program)");
}

/// <summary>Code pointer → function: open addressing with linear probing (a megamorphic call site looks here on every call).</summary>
internal sealed class CodeMap
{
    private nint[] _keys = new nint[64];
    private Func?[] _values = new Func?[64];
    private int _count;

    private static int Hash(nint key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    public Func? Find(nint key)
    {
        var mask = _keys.Length - 1;
        for (var i = Hash(key, mask); ; i = (i + 1) & mask)
        {
            if (_keys[i] == key) return _values[i];
            if (_keys[i] == 0) return null;
        }
    }

    public void Add(nint key, Func f)
    {
        if (2 * (_count + 1) > _keys.Length)
        {
            var (keys, values) = (_keys, _values);
            _keys = new nint[2 * keys.Length];
            _values = new Func?[2 * keys.Length];
            _count = 0;
            for (var i = 0; i < keys.Length; i++)
                if (keys[i] != 0) Add(keys[i], values[i]!);
        }
        var mask = _keys.Length - 1;
        var j = Hash(key, mask);
        while (_keys[j] != 0 && _keys[j] != key) j = (j + 1) & mask;
        if (_keys[j] == 0) _count++;
        _keys[j] = key;
        _values[j] = f;
    }
}
