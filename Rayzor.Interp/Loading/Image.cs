using System.Runtime.InteropServices;
using System.Text;
using Rayzor.Interp.Execution;
using Rayzor.Interp.Thunks;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Closures;
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
    /// <summary>
    /// Bytes the interpreter keeps before each class descriptor it makes (the runtime never looks
    /// there): at index <see cref="VFuncs"/> and <see cref="IFuncs"/> of the descriptor as an `int**`,
    /// the functions of its vtable and itable by index, so `vcall`/`icall` find the callee without
    /// mapping the code pointer back.
    /// </summary>
    private const int DescPrefix = 16;

    public const int VFuncs = -1, IFuncs = -2;

    public MirModule Module { get; }

    /// <summary>Whether functions tier up (decoded loops then count their back-edges).</summary>
    public bool Tiered { get; set; }

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

    // the tiering compiler thread resolves symbols while the interpreter thread decodes
    private readonly Lock _lock = new();

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
        // what the generated program block points to besides the built-in descriptors (ModuleEmitter.EmitBuiltinTable)
        var types = Module.Classes.Where(c => !c.IsInterface).ToList();
        var list = (TypeDesc**)PtrArray(types.Count + 1);
        for (var i = 0; i < types.Count; i++) list[i] = Desc(types[i].Name);
        b->Types = list;
        b->StringMembers = FieldTableOf(Module.MemberTables[0], null);
        b->ArrayMembers = FieldTableOf(Module.MemberTables[1], null);
        b->StringBufMembers = FieldTableOf(Module.MemberTables[2], null);
        b->MapMembers = FieldTableOf(Module.MemberTables[3], null);
        b->MapIteratorMembers = FieldTableOf(Module.MemberTables[4], null);
    }

    private TypeDesc* Builtin(int kind, int size, string name)
    {
        var td = (TypeDesc*)HostData.AllocZeroed((nuint)sizeof(TypeDesc));
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
    public TypeDesc* TypeDescOf(string sym)
    {
        lock (_lock) return sym.StartsWith("#fn.") ? ClosureDescOf(sym[4..]) : sym.StartsWith('#') ? (TypeDesc*)_descs.GetValueOrDefault(sym) : Desc(sym);
    }

    /// <summary>The descriptor of a class (allocated on first mention, with room for its vtable; filled by <see cref="FillClass"/>).</summary>
    private TypeDesc* Desc(string name)
    {
        if (_descs.TryGetValue(name, out var p)) return (TypeDesc*)p;
        var cls = _classIndex.TryGetValue(name, out var i) ? Module.Classes[i] : null;
        var block = (byte*)HostData.AllocZeroed((nuint)(DescPrefix + sizeof(TypeDesc) + 8 * (cls?.VTable.Count ?? 0)));
        var td = (TypeDesc*)(block + DescPrefix);
        // an interface or a class only named in an interface list keeps this minimal form
        td->Kind = TypeKind.Class;
        td->Name = CString(name);
        _descs[name] = (nint)td;
        return td;
    }

    /// <summary>A descriptor's type name (for messages).</summary>
    public static string NameOf(TypeDesc* td) => Marshal.PtrToStringUTF8((nint)td->Name) ?? "?";

    /// <summary>Function indices of a vtable or itable (-1 where it has no function).</summary>
    private int* FuncIndices(IReadOnlyList<string?> fns)
    {
        var table = (int*)NativeMemory.Alloc((nuint)(4 * Math.Max(1, fns.Count)));
        for (var i = 0; i < fns.Count; i++) table[i] = fns[i] is { } name ? Func(name).Index : -1;
        return table;
    }

    /// <summary>A vtable or itable slot's code pointer; remembers the slot (tiering patches it when the function is compiled).</summary>
    private void* Slot(void** slot, string? fn)
    {
        if (fn != null && FindFunction(fn) is { } f)
        {
            if (!_slots.TryGetValue(f, out var list)) _slots[f] = list = [];
            list.Add((nint)slot);
        }
        return Code(fn);
    }

    private readonly Dictionary<Func, List<nint>> _slots = [];

    /// <summary>
    /// Tiering: code pointer (a thunk, as closures hold it) → compiled code, which compiled code's
    /// closure calls look up (ModuleEmitter.TierCodeMap): direct-mapped pairs (key, code) of
    /// <c>mask + 1</c> entries; one writer at a time (under the lock), a slot written once, its
    /// code before its key.
    /// </summary>
    private long* _compiledMap;
    private long _compiledMask;

    /// <summary>Each function's compiled code (tiering; 0 before). Kept here, not in <see cref="Func"/>: the interpreter's hot fields keep their offsets.</summary>
    private nint[]? _compiled;

    /// <summary>Makes the code map (tiering); returns it and its mask.</summary>
    public (nint Map, long Mask) MakeCompiledMap()
    {
        var size = 256L;
        while (size < 4L * Functions.Length) size *= 2;
        _compiledMap = (long*)NativeMemory.AllocZeroed((nuint)(16 * size));
        _compiledMask = size - 1;
        return ((nint)_compiledMap, _compiledMask);
    }

    /// <summary>The hash of a code pointer in the code map (the same in compiled code).</summary>
    public static long CodeHash(nint code) => (long)(((ulong)code * 0x9E3779B97F4A7C15UL) >> 40);

    /// <summary>A function was compiled: closures calling its thunk from compiled code call its code instead. Compiler thread.</summary>
    public void SetCompiled(Func f, nint code)
    {
        lock (_lock)
        {
            (_compiled ??= new nint[Functions.Length])[f.Index] = code;
            if (f.CodePointer != 0) MapCompiled(f.CodePointer, code);
        }
    }

    private void MapCompiled(nint key, nint code)
    {
        if (_compiledMap == null || !IsThunk(key)) return;
        var e = _compiledMap + 2 * (CodeHash(key) & _compiledMask);
        if (e[0] != 0) return; // taken by another function: this one's closures keep the thunk
        Volatile.Write(ref e[1], code);
        Volatile.Write(ref e[0], key);
    }

    /// <summary>
    /// Tiering: the vtable and itable slots of a compiled function take its bridge (compiled code
    /// calls the compiled function through it, the runtime under interpreted code its thunk), and
    /// a code pointer read from one maps back to the function. Compiler thread.
    /// </summary>
    public void SetBridge(Func f, nint bridge)
    {
        lock (_lock)
        {
            if (!_slots.TryGetValue(f, out var slots)) return;
            _byCode.Add(bridge, f);
            foreach (var s in slots) Volatile.Write(ref *(nint*)s, bridge);
        }
    }

    /// <summary>Whether a function is in a vtable or itable (a compiled one gets a bridge there).</summary>
    public bool InDispatchTable(Func f)
    {
        lock (_lock) return _slots.ContainsKey(f);
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
                for (var i = 0; i < c.ITable.Count; i++) itable[i] = Slot(&itable[i], c.ITable[i]);
                td->Itable = itable;
            }
            td->Fields = FieldTableOf(c.FieldTable, c.ConstructFn);
        }
        var vtable = (void**)(td + 1);
        for (var i = 0; i < c.VTable.Count; i++) vtable[i] = Slot(&vtable[i], c.VTable[i]);
        if (!c.IsEnum)
        {
            ((int**)td)[VFuncs] = FuncIndices(c.VTable);
            ((int**)td)[IFuncs] = FuncIndices(c.ITable);
        }
    }

    /// <summary>
    /// `{ count, reserved, entries[] }` with entries `{ name, offset, kind, code, closure td }`, the
    /// constructor entry last (docs/abi.md "Members by name"); null when there is nothing to list.
    /// </summary>
    private FieldTable* FieldTableOf(List<(int Name, int Offset, MirType Type, string? Method)>? members, string? constructFn)
    {
        if (members == null || members.Count == 0 && constructFn == null) return null;
        var count = members.Count + (constructFn != null ? 1 : 0);
        var table = (FieldTable*)NativeMemory.AllocZeroed((nuint)(sizeof(FieldTable) + sizeof(FieldEntry) * count));
        table->Count = count;
        var e = (FieldEntry*)(table + 1);
        foreach (var (name, offset, type, method) in members)
        {
            e->Name = Strings[name];
            e->Offset = offset;
            e->Kind = method != null ? FieldKinds.Method : type.ElementKind();
            e->Code = Code(method);
            e->ClosureTd = method != null ? ClosureDesc(Func(method)) : null;
            e++;
        }
        if (constructFn != null)
        {
            e->Name = HString.Permanent("new");
            e->Kind = FieldKinds.Constructor;
            e->Code = Code(constructFn);
        }
        return table;
    }

    private Func Func(string name) => FindFunction(name) ?? throw new InterpreterException($"unknown function @{name}");

    /// <summary>
    /// The descriptor of closures whose code is <paramref name="code"/>: one per signature, its slot
    /// at offset 48 holding the signature's dynamic-call adapter (docs/abi.md "Dynamic calls").
    /// </summary>
    public TypeDesc* ClosureDesc(Func code)
    {
        if (code.ClosureDesc != null) return code.ClosureDesc;
        lock (_lock) return code.ClosureDesc = ClosureDescOf(ClosureSignature.Of(code.Mir));
    }

    /// <summary>The closure descriptor of a signature (`typedesc #fn.SIG`).</summary>
    private TypeDesc* ClosureDescOf(string signature)
    {
        var key = "#fn." + signature;
        if (_descs.TryGetValue(key, out var p)) return (TypeDesc*)p;
        var td = (TypeDesc*)HostData.AllocZeroed((nuint)sizeof(TypeDesc));
        td->Kind = TypeKind.Closure;
        td->Size = sizeof(HClosure);
        td->Name = CString("Closure");
        _descs[key] = (nint)td;
        // after registering it: the adapter's own closures may need this descriptor
        var adapter = FindFunction(ClosureSignature.AdapterName(signature));
        if (adapter != null) td->Fields = (FieldTable*)CodeOf(adapter);
        return td;
    }

    /// <summary>
    /// The code pointer of a function, as a descriptor, closure or field table holds it: a native
    /// entry thunk into the interpreter when its signature fits one (the runtime may call it), else a
    /// unique address that only the interpreter dereferences.
    /// </summary>
    public nint CodeOf(Func f)
    {
        if (f.CodePointer != 0) return f.CodePointer;
        lock (_lock) return f.CodePointer != 0 ? f.CodePointer : MakeCode(f);
    }

    private nint MakeCode(Func f)
    {
        var p = Thunk.TryCreate(f);
        if (p == 0)
        {
            if (_handles == 0) _handles = (nint)HostData.AllocZeroed((nuint)(8 * Functions.Length));
            p = _handles + 8 * f.Index;
        }
        _byCode.Add(p, f);
        Volatile.Write(ref f.CodePointer, p);
        if (_compiled != null && _compiled[f.Index] != 0) MapCompiled(p, _compiled[f.Index]);
        return p;
    }

    /// <summary>Whether a code pointer is a native entry thunk (else only the interpreter can call it).</summary>
    private bool IsThunk(nint p) => p != 0 && (_handles == 0 || p < _handles || p >= _handles + 8 * Functions.Length);

    /// <summary>
    /// The address of a program-wide symbol of compiled code (ModuleEmitter.Tier.cs) in this image:
    /// descriptors, static vars, the program block, functions' thunks and code pointers; 0 when
    /// unknown. Called on the tiering compiler's thread.
    /// </summary>
    public nint TierSymbol(string name)
    {
        lock (_lock)
        {
            if (name == "rz.program") return (nint)Rt.Program;
            if (name.StartsWith("rz_td_fn.", StringComparison.Ordinal)) return (nint)ClosureDescOf(name[9..]);
            if (name.StartsWith("rz_td_", StringComparison.Ordinal)) return _descs.GetValueOrDefault("#" + name[6..]);
            if (name.StartsWith("rz_class_", StringComparison.Ordinal)) return (nint)Desc(name[9..]);
            if (name.StartsWith("tier.callee.", StringComparison.Ordinal))
                return FindFunction(name[12..]) is { } callee && CodeOf(callee) is var p && IsThunk(p) ? p : 0;
            if (name.StartsWith("tier.code.", StringComparison.Ordinal)) return FindFunction(name[10..]) is { } fn ? CodeOf(fn) : 0;
            if (name.StartsWith("tier.str.", StringComparison.Ordinal))
                return int.TryParse(name.AsSpan(9), out var s) && s >= 0 && s < Strings.Length ? (nint)Strings[s] : 0;
            return _globalIndex.TryGetValue(name, out var i) ? (nint)(Globals + i) : 0;
        }
    }

    /// <summary>The function a code pointer read from a descriptor or closure stands for.</summary>
    public Func FunctionAt(nint code) =>
        _byCode.Find(code) ?? throw new InterpreterException(code == 0 ? "call of a null code pointer" : $"call of native code 0x{code:x} (not a function of the program)");
}

/// <summary>
/// Code pointer → function: open addressing with linear probing (a megamorphic call site looks here
/// on every call). One writer at a time (under the image's lock), readers without a lock: an entry
/// is one reference, and a grown table is published whole.
/// </summary>
internal sealed class CodeMap
{
    private sealed record Entry(nint Key, Func Value);

    private Entry?[] _table = new Entry?[64];
    private int _count;

    private static int Hash(nint key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    public Func? Find(nint key)
    {
        var t = Volatile.Read(ref _table);
        var mask = t.Length - 1;
        for (var i = Hash(key, mask); ; i = (i + 1) & mask)
        {
            var e = t[i];
            if (e == null) return null;
            if (e.Key == key) return e.Value;
        }
    }

    public void Add(nint key, Func f)
    {
        var t = _table;
        if (2 * (_count + 1) > t.Length)
        {
            var grown = new Entry?[2 * t.Length];
            foreach (var e in t)
                if (e != null) Insert(grown, e);
            Volatile.Write(ref _table, t = grown);
        }
        if (Insert(t, new Entry(key, f))) _count++;
    }

    private static bool Insert(Entry?[] t, Entry e)
    {
        var mask = t.Length - 1;
        var j = Hash(e.Key, mask);
        while (t[j] != null && t[j]!.Key != e.Key) j = (j + 1) & mask;
        var added = t[j] == null;
        Volatile.Write(ref t[j], e);
        return added;
    }
}
