using System.Text;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// Lowers a MIR module to one LLVM module: functions, static vars, string literals, the built-in
/// type descriptors and the C `main` (docs/abi.md).
public sealed unsafe partial class ModuleEmitter : IDisposable
{
    private readonly MirModule _mir;
    private readonly LLVMContextRef _ctx;
    private readonly LLVMModuleRef _mod;
    private readonly LLVMBuilderRef _b;
    private readonly LLVMTypeRef _i1, _i8, _i16, _i32, _i64, _f64, _ptr, _void;
    private readonly Dictionary<string, (LLVMValueRef Fn, LLVMTypeRef Type)> _functions = new();
    private readonly Dictionary<string, (LLVMValueRef Fn, LLVMTypeRef Type, NativeDecl Decl)> _natives = new();
    private readonly Dictionary<string, (LLVMValueRef Global, LLVMTypeRef Type)> _globals = new();
    private readonly List<LLVMValueRef> _strings = new();
    private LLVMValueRef _tdString;
    private bool _disposed, _ownsModule = true;
    private readonly bool _ownsContext;

    public ModuleEmitter(MirModule mir, LLVMTargetMachineRef tm, string moduleName) : this(mir, tm, moduleName, default) { }

    /// Emits into <paramref name="context"/> when given (a JIT's thread-safe context, which the
    /// caller disposes), else into a context of its own.
    public ModuleEmitter(MirModule mir, LLVMTargetMachineRef tm, string moduleName, LLVMContextRef context)
    {
        _mir = mir;
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

    /// Builds the whole module; returns the LLVM verifier's complaint, or null when valid.
    public string? Emit()
    {
        BeginDebugInfo();
        EmitBuiltins();
        foreach (var s in _mir.Strings) _strings.Add(StringLiteral(s));
        foreach (var g in _mir.Globals)
        {
            var t = Llvm(g.Type);
            var gv = LLVM.AddGlobal(_mod, t, g.Name);
            LLVM.SetInitializer(gv, LLVM.ConstNull(t));
            LLVM.SetLinkage(gv, LLVMLinkage.LLVMInternalLinkage);
            _globals[g.Name] = (gv, t);
        }
        foreach (var n in _mir.Natives.Values) DeclareNative(n);
        foreach (var f in _mir.Functions)
        {
            var ft = FnType(Llvm(f.ReturnType), f.ParamTypes.Select(Llvm).ToArray());
            var fn = LLVM.AddFunction(_mod, f.Name, ft);
            LLVM.SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage);
            LLVM.AddFunctionAttribute(fn, "nounwind");
            AddUnwindTable(fn);
            LLVM.SetSection(fn, CodeSection);
            _functions[f.Name] = (fn, ft);
        }
        EmitClasses();
        EmitBuiltinTable();
        EmitProgramBlock();
        EmitOutputHelpers();
        EmitAllocHelpers();
        foreach (var f in _mir.Functions) new FunctionEmitter(this, f).Emit();
        if (ForJit) LLVM.SetLinkage(EmitStart(), LLVMLinkage.LLVMExternalLinkage);
        else EmitMain();
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

    /// Type descriptors of String and the boxes, and the table the program block points to.
    private void EmitBuiltins()
    {
        LLVMValueRef Td(int kind, int size, string name)
        {
            var init = ConstStruct(CI32(kind), CI32(size), CString(name, ".name." + name), Null, Null, Null, Null, Null);
            var g = LLVM.AddGlobal(_mod, LLVM.TypeOf(init), "rz_td_" + name);
            LLVM.SetInitializer(g, init);
            LLVM.SetGlobalConstant(g, true);
            LLVM.SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
            LLVM.SetAlignment(g, 8);
            return g;
        }
        _tdString = Td(TypeKinds.String, 0, "String");
        var tdInt = Td(TypeKinds.Int, 16, "Int");
        var tdFloat = Td(TypeKinds.Float, 16, "Float");
        var tdBool = Td(TypeKinds.Bool, 16, "Bool");
        var tdArray = Td(TypeKinds.Array, 32, "Array");
        var tdClosure = Td(TypeKinds.Closure, 24, "Closure");
        var tdAnon = Td(TypeKinds.Anon, 24, "Anon");
        _builtinTds = [_tdString, tdInt, tdFloat, tdBool, tdArray, tdClosure, tdAnon];
    }

    private LLVMValueRef[] _builtinTds = [];

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
        var init = ConstStruct(_tdString, CI32(s.Length), CI32(Rayzor.Runtime.Strings.StringMethods.ComputeHash(s)), arr);
        return PrivateConstant(init, ".str", 8);
    }

    internal LLVMValueRef StringConst(int index) => _strings[index];

    private void DeclareNative(NativeDecl n)
    {
        var ft = FnType(Abi(n.Return), n.Params.Select(Abi).ToArray());
        var fn = LLVM.GetNamedFunction(_mod, n.Name);
        if (fn.IsNull) fn = LLVM.AddFunction(_mod, n.Name, ft);
        LLVM.AddFunctionAttribute(fn, "nounwind");
        _natives[n.Name] = (fn, ft, n);
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
