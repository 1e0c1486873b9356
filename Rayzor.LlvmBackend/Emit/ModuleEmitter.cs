using System.Text;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// Lowers one codegen unit of a MIR module (UnitPlan) to an LLVM module in a context of its own:
/// the unit's functions and static vars, declarations of what it uses from other units, the
/// string literals and descriptors it uses, and for the program unit the class descriptors, the
/// program block and the C `main` (docs/abi.md).
public sealed unsafe partial class ModuleEmitter : IDisposable
{
    private readonly MirModule _mir;
    private readonly UnitPlan _plan;
    private readonly CodeUnit _unit;
    private readonly LLVMContextRef _ctx;
    private readonly LLVMModuleRef _mod;
    private readonly LLVMBuilderRef _b;
    private readonly LLVMTypeRef _i1, _i8, _i16, _i32, _i64, _f64, _ptr, _void;
    private readonly Dictionary<string, (LLVMValueRef Fn, LLVMTypeRef Type)> _functions = new();
    private readonly Dictionary<string, (LLVMValueRef Fn, LLVMTypeRef Type, NativeDecl Decl)> _natives = new();
    private readonly Dictionary<string, (LLVMValueRef Global, LLVMTypeRef Type)> _globals = new();
    private readonly Dictionary<string, LLVMValueRef> _strings = new(StringComparer.Ordinal);
    private bool _disposed, _ownsModule = true;
    private readonly bool _ownsContext;

    /// The whole program as one module (`--emit llvm-ir|asm|obj`, the in-process JIT).
    public ModuleEmitter(MirModule mir, LLVMTargetMachineRef tm, string moduleName) : this(mir, tm, moduleName, default) { }

    /// The whole program as one module, emitted into <paramref name="context"/> when given (a JIT's
    /// thread-safe context, which the caller disposes), else into a context of its own.
    public ModuleEmitter(MirModule mir, LLVMTargetMachineRef tm, string moduleName, LLVMContextRef context)
        : this(mir, tm, UnitPlan.Single(mir), 0, moduleName, context)
    {
    }

    /// Unit <paramref name="unit"/> of <paramref name="plan"/>.
    public ModuleEmitter(MirModule mir, LLVMTargetMachineRef tm, UnitPlan plan, int unit, string moduleName, LLVMContextRef context = default)
    {
        _mir = mir;
        _plan = plan;
        _unit = plan.Units[unit];
        _ownsContext = context.IsNull;
        _ctx = context.IsNull ? LLVM.ContextCreate() : context;
        _mod = LLVM.ModuleCreateWithNameInContext(moduleName, _ctx);
        LlvmTargets.ConfigureModule(_mod, tm);
        _b = LLVM.CreateBuilderInContext(_ctx);
        _i1 = LLVM.Int1TypeInContext(_ctx);
        _i8 = LLVM.Int8TypeInContext(_ctx);
        _i16 = LLVM.Int16TypeInContext(_ctx);
        _i32 = LLVM.Int32TypeInContext(_ctx);
        _i64 = LLVM.Int64TypeInContext(_ctx);
        _f64 = LLVM.DoubleTypeInContext(_ctx);
        _ptr = LLVM.PointerTypeInContext(_ctx, 0);
        _void = LLVM.VoidTypeInContext(_ctx);
    }

    public LLVMModuleRef Module => _mod;

    /// For the in-process JIT (Jit/JitProgram.cs): no C `main` (the host starts the collector and
    /// the runtime itself), and `__rz_start` is external so the host can look it up and call it.
    public bool ForJit { get; init; }

    /// Gives the module away (to a JIT, which owns it from then on): Dispose no longer frees it.
    public LLVMModuleRef DetachModule()
    {
        _ownsModule = false;
        return _mod;
    }

    /// Builds the module; returns the LLVM verifier's complaint, or null when valid.
    public string? Emit()
    {
        BeginDebugInfo();
        if (_unit.IsProgram) EmitBuiltins();
        foreach (var g in _unit.Globals)
        {
            var t = Llvm(g.Type);
            var gv = LLVM.AddGlobal(_mod, t, g.Name);
            LLVM.SetInitializer(gv, LLVM.ConstNull(t));
            SetOwnLinkage(gv, g.Name);
            _globals[g.Name] = (gv, t);
        }
        foreach (var f in _unit.Functions) DefineFunction(f, imported: false);
        foreach (var f in _unit.Imports) DefineFunction(f, imported: true);
        if (_unit.IsProgram)
        {
            EmitClasses();
            EmitBuiltinTable();
            EmitProgramBlock();
        }
        EmitOutputHelpers();
        EmitAllocHelpers();
        foreach (var f in _unit.Functions.Concat(_unit.Imports)) new FunctionEmitter(this, f).Emit();
        if (ForJit && !ForTier) LLVM.SetLinkage(EmitStart(), LLVMLinkage.LLVMExternalLinkage);
        else if (_unit.IsProgram) EmitMain();
        // the free-list refill helper is emitted up front; unused (and not removed at -O0), it would
        // still reference Boehm and the runtime from a program linked without them (NeedsRuntime)
        if (LLVM.GetNamedFunction(_mod, "__rz_alloc_refill") is { IsNull: false } refill && LLVM.GetFirstUse(refill).IsNull)
            LLVM.DeleteFunction(refill);
        FinishDebugInfo();
        return LlvmTargets.Verify(_mod, out var msg) ? null : msg;
    }

    internal LLVMTypeRef Llvm(MirType t) => t switch
    {
        MirType.Void => _void,
        MirType.Bool => _i1,
        MirType.I32 => _i32,
        MirType.I64 => _i64,
        MirType.F64 => _f64,
        _ => _ptr,
    };

    /// The C ABI type of a MIR type at a native call (Bool crosses as i32).
    private LLVMTypeRef Abi(MirType t) => t == MirType.Bool ? _i32 : Llvm(t);

    private LLVMTypeRef Struct(params LLVMTypeRef[] fields)
    {
        fixed (LLVMTypeRef* p = fields) return LLVM.StructTypeInContext(_ctx, p, (uint)fields.Length, false);
    }

    private LLVMValueRef ConstStruct(params LLVMValueRef[] vals)
    {
        fixed (LLVMValueRef* p = vals) return LLVM.ConstStructInContext(_ctx, p, (uint)vals.Length, false);
    }

    internal LLVMTypeRef FnType(LLVMTypeRef ret, LLVMTypeRef[] ps)
    {
        fixed (LLVMTypeRef* p = ps) return LLVM.FunctionType(ret, p, (uint)ps.Length, false);
    }

    internal LLVMValueRef CI32(int v) => LLVM.ConstInt(_i32, unchecked((ulong)(long)v), true);

    private LLVMValueRef PrivateConstant(LLVMValueRef init, string name, uint align)
    {
        var g = LLVM.AddGlobal(_mod, LLVM.TypeOf(init), name);
        LLVM.SetInitializer(g, init);
        LLVM.SetGlobalConstant(g, true);
        LLVM.SetLinkage(g, LLVMLinkage.LLVMPrivateLinkage);
        LLVM.SetUnnamedAddress(g, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);
        LLVM.SetAlignment(g, align);
        return g;
    }

    private LLVMValueRef CString(string s, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        return PrivateConstant(LLVM.ConstStringInContext2(_ctx, bytes, false), name, 1);
    }

    /// The built-in type descriptors in the order of the table the program block points to:
    /// name, kind and instance size.
    internal static readonly (string Name, int Kind, int Size)[] BuiltinTypes =
    [
        ("String", TypeKinds.String, 0), ("Int", TypeKinds.Int, 16), ("Float", TypeKinds.Float, 16), ("Bool", TypeKinds.Bool, 16),
        ("Array", TypeKinds.Array, 32), ("Closure", TypeKinds.Closure, 24), ("Anon", TypeKinds.Anon, 24),
    ];

    /// Type descriptors of String and the boxes (the table the program block points to lists them all).
    private void EmitBuiltins()
    {
        for (var k = 0; k < BuiltinTypes.Length; k++) BuiltinTd(k);
    }

    private readonly LLVMValueRef[] _builtinTds = new LLVMValueRef[BuiltinTypes.Length];

    /// The descriptor `rz_td_<name>` of built-in type <paramref name="k"/> (BuiltinTypes), made on
    /// first use: a constant shared by all units (one copy kept by the linker, so identity holds).
    internal LLVMValueRef BuiltinTd(int k)
    {
        if (!_builtinTds[k].IsNull) return _builtinTds[k];
        var (name, kind, size) = BuiltinTypes[k];
        var init = ConstStruct(CI32(kind), CI32(size), CString(name, ".name." + name), Null, Null, Null, Null, Null);
        return _builtinTds[k] = SharedConstant(init, "rz_td_" + name, 8);
    }

    /// The table the program block points to: the built-in descriptors, the program's class and enum
    /// descriptors (null-terminated, for Type.resolveClass), and the member tables of String,
    /// Array, StringBuf and Map (emitted once functions and classes exist).
    private void EmitBuiltinTable()
    {
        var types = PrivateConstant(PtrArray(_mir.Classes.Where(c => !c.IsInterface).Select(c => ClassTd(c.Name)).Append(Null)), ".types", 8);
        var table = ConstStruct([.. _builtinTds, types, .. _mir.MemberTables.Select(t => FieldTable(t, null))]);
        var gt = LLVM.AddGlobal(_mod, LLVM.TypeOf(table), "rz_builtins");
        LLVM.SetInitializer(gt, table);
        LLVM.SetGlobalConstant(gt, true);
        LLVM.SetLinkage(gt, LLVMLinkage.LLVMInternalLinkage);
    }

    /// A String literal: `{ td, length, hash, [n x i16] }`, constant data in the object file. It
    /// carries its hash, so the runtime never has to store one into it (docs/abi.md).
    private LLVMValueRef StringLiteral(string s)
    {
        var units = new LLVMValueRef[s.Length];
        for (var i = 0; i < s.Length; i++) units[i] = LLVM.ConstInt(_i16, s[i], false);
        LLVMValueRef arr;
        fixed (LLVMValueRef* p = units) arr = LLVM.ConstArray2(_i16, p, (ulong)units.Length);
        // the runtime's own hash function (rz_string_hash), so map lookups agree
        var init = ConstStruct(BuiltinTd(0), CI32(s.Length), CI32(Rayzor.Runtime.Strings.StringMethods.ComputeHash(s)), arr);
        // split: one symbol per content, so a literal has one address in the whole program
        return _plan.Split ? SharedConstant(init, ".rzs." + ContentName(s), 8) : PrivateConstant(init, ".str", 8);
    }

    /// String literal <paramref name="index"/> of the MIR module, made on first use.
    internal LLVMValueRef StringConst(int index) => ForTier ? TierString(index) : StringConst(_mir.Strings[index]);

    /// The String literal of <paramref name="s"/>, made on first use.
    private LLVMValueRef StringConst(string s)
    {
        if (!_strings.TryGetValue(s, out var g)) _strings[s] = g = StringLiteral(s);
        return g;
    }

    /// The native (runtime export or libc function) <paramref name="name"/>, declared on first use.
    private (LLVMValueRef Fn, LLVMTypeRef Type, NativeDecl Decl) Native(string name)
    {
        if (_natives.TryGetValue(name, out var known)) return known;
        var n = _mir.Natives[name];
        var ft = FnType(Abi(n.Return), n.Params.Select(Abi).ToArray());
        var fn = LLVM.GetNamedFunction(_mod, n.Name);
        if (fn.IsNull) fn = LLVM.AddFunction(_mod, n.Name, ft);
        LLVM.AddFunctionAttribute(fn, "nounwind");
        return _natives[n.Name] = (fn, ft, n);
    }

    /// The section holding every generated function, so the runtime's stack-overflow handler can
    /// tell a fault in Haxe code (made a catchable exception) from one in the runtime or libc
    /// (`__start_rz_code`/`__stop_rz_code`, defined by the linker; docs/architecture.md, Faults).
    internal const string CodeSection = "rz_code";

    internal (LLVMValueRef, LLVMTypeRef) DeclareC(string name, LLVMTypeRef ret, params LLVMTypeRef[] ps)
    {
        var ft = FnType(ret, ps);
        var fn = LLVM.GetNamedFunction(_mod, name);
        if (fn.IsNull)
        {
            fn = LLVM.AddFunction(_mod, name, ft);
            // the collector never returns null (it aborts on exhaustion): null checks on new objects fold away
            // (not noalias: a cell read after a longjmp must not look unobservable to LLVM)
            if (name == "GC_malloc") LLVM.AddAttribute(fn, 0, "nonnull");
            // each throw site keeps its own call, so a stack trace names its line (LLVM would
            // otherwise merge the cold throw blocks of a function into one without a position)
            if (name == "rz_throw_prepare") LLVM.AddFunctionAttribute(fn, "nomerge");
        }
        return (fn, ft);
    }

    internal LLVMValueRef Call((LLVMValueRef Fn, LLVMTypeRef Type) f, LLVMValueRef[] args)
    {
        fixed (LLVMValueRef* p = args) return LLVM.BuildCall2(_b, f.Type, f.Fn, p, (uint)args.Length, "");
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_di.IsNull) LLVM.DisposeDIBuilder(_di);
        LLVM.DisposeBuilder(_b);
        if (_ownsModule) LLVM.DisposeModule(_mod);
        if (_ownsContext) LLVM.ContextDispose(_ctx);
    }
}

/// Values of TypeDesc.kind (docs/abi.md).
public static class TypeKinds
{
    public const int String = 1, Int = 2, Float = 3, Bool = 4, Class = 5, Array = 6, Closure = 7, Enum = 8, Anon = 9;
}
