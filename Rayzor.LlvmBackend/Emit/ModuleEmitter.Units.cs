using System.Runtime.InteropServices;
using System.IO.Hashing;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

/// What the other units of a split program tell the program unit's `main`.
public readonly record struct UnitFacts(bool CallsRuntime, bool UsesCollector)
{
    public UnitFacts Or(UnitFacts o) => new(CallsRuntime || o.CallsRuntime, UsesCollector || o.UsesCollector);
}

/// Symbols across units: a unit defines its own functions and static vars, declares what it uses of
/// other units (hidden symbols, resolved by the linker), and makes its own copy of the constants
/// every unit may need (string literals, built-in and closure descriptors, helpers), which the
/// linker merges into one (comdat groups), so each still has one address in the program.
public sealed unsafe partial class ModuleEmitter
{
    private Dictionary<string, MirFunction>? _mirByName;

    /// The MIR function named <paramref name="name"/>, or null.
    private MirFunction? MirFunction(string name)
    {
        _mirByName ??= _mir.Functions.ToDictionary(f => f.Name);
        return _mirByName.GetValueOrDefault(name);
    }

    /// Facts of this unit's code the program unit's `main` needs (computed before optimization).
    public UnitFacts Facts => new(CallsRuntime(), UsesCollector());

    /// For the program unit of a split program: the facts of all the other units.
    public UnitFacts OtherUnits { get; init; }

    /// Adds the function's definition: internal unless another unit uses it; an import is an
    /// `available_externally` copy (inlined where LLVM likes, never emitted).
    private void DefineFunction(MirFunction f, bool imported)
    {
        var ft = FnType(Llvm(f.ReturnType), f.ParamTypes.Select(Llvm).ToArray());
        var fn = LLVM.AddFunction(_mod, f.Name, ft);
        if (imported && ForTier) LLVM.SetLinkage(fn, LLVMLinkage.LLVMInternalLinkage); // a copy compiled with the unit
        else if (imported)
        {
            LLVM.SetLinkage(fn, LLVMLinkage.LLVMAvailableExternallyLinkage);
            LLVM.SetVisibility(fn, LLVMVisibility.LLVMHiddenVisibility);
        }
        else SetOwnLinkage(fn, f.Name);
        LLVM.AddFunctionAttribute(fn, "nounwind");
        AddUnwindTable(fn);
        LLVM.SetSection(fn, CodeSection);
        // the entry (with `main` inlined) is not inlined into `__rz_start` when they are in
        // different units: its last call must not become a jump, or `main`'s frame is lost from
        // stack traces (in one module, the stdout flush after it kept it out of tail position)
        if (f.Name == _mir.EntryFunction) LLVM.AddFunctionStringAttribute(fn, "disable-tail-calls", "true");
        _functions[f.Name] = (fn, ft);
    }

    /// A function or static var defined in this unit: a hidden global symbol when another unit
    /// uses it, else internal.
    private void SetOwnLinkage(LLVMValueRef g, string name)
    {
        if (_plan.IsExported(name))
        {
            LLVM.SetLinkage(g, LLVMLinkage.LLVMExternalLinkage);
            LLVM.SetVisibility(g, LLVMVisibility.LLVMHiddenVisibility);
        }
        else LLVM.SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
    }

    /// The function <paramref name="name"/>: this unit's definition, or a declaration of another
    /// unit's (hidden: a direct PC-relative call, no PLT).
    internal (LLVMValueRef Fn, LLVMTypeRef Type) Fn(string name)
    {
        if (_functions.TryGetValue(name, out var known)) return known;
        var f = MirFunction(name) ?? throw new InvalidOperationException("no MIR function " + name);
        var ft = FnType(Llvm(f.ReturnType), f.ParamTypes.Select(Llvm).ToArray());
        var fn = LLVM.AddFunction(_mod, name, ft);
        LLVM.SetVisibility(fn, LLVMVisibility.LLVMHiddenVisibility);
        LLVM.AddFunctionAttribute(fn, "nounwind");
        return _functions[name] = (fn, ft);
    }

    /// The static var <paramref name="name"/>: this unit's definition or a declaration of another unit's.
    internal (LLVMValueRef Global, LLVMTypeRef Type) Global(string name)
    {
        if (_globals.TryGetValue(name, out var known)) return known;
        var t = Llvm(_mir.Globals.First(g => g.Name == name).Type);
        var gv = LLVM.AddGlobal(_mod, t, name);
        LLVM.SetVisibility(gv, LLVMVisibility.LLVMHiddenVisibility);
        return _globals[name] = (gv, t);
    }

    /// A constant every unit may make a copy of: internal in a single module; split, a hidden
    /// `linkonce_odr` symbol in a comdat group of its name, so the linker keeps one copy and every
    /// unit's references reach it (LLVM can still read the initializer: loads fold).
    private LLVMValueRef SharedConstant(LLVMValueRef init, string name, uint align)
    {
        var g = LLVM.GetNamedGlobal(_mod, name);
        if (!g.IsNull) return g;
        g = LLVM.AddGlobal(_mod, LLVM.TypeOf(init), name);
        LLVM.SetInitializer(g, init);
        LLVM.SetGlobalConstant(g, true);
        LLVM.SetAlignment(g, align);
        Share(g, name);
        return g;
    }

    /// Linkage of a global or function made in every unit that needs it (see SharedConstant).
    private void Share(LLVMValueRef g, string name)
    {
        if (!_plan.Split)
        {
            LLVM.SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
            return;
        }
        LLVM.SetLinkage(g, LLVMLinkage.LLVMLinkOnceODRLinkage);
        LLVM.SetVisibility(g, LLVMVisibility.LLVMHiddenVisibility);
        LLVM.SetComdat(g, LLVM.GetOrInsertComdat(_mod, name));
    }

    /// A symbol-safe name for a string's content (a hash: literals can hold any character).
    private static string ContentName(string s) =>
        Convert.ToHexStringLower(XxHash128.Hash(MemoryMarshal.AsBytes(s.AsSpan()))) + "." + s.Length;

    /// A program-wide definition of the program unit (descriptors, the program block): a hidden
    /// global symbol when the program is split, else internal.
    private void SetProgramLinkage(LLVMValueRef g)
    {
        if (_plan.Split)
        {
            LLVM.SetLinkage(g, LLVMLinkage.LLVMExternalLinkage);
            LLVM.SetVisibility(g, LLVMVisibility.LLVMHiddenVisibility);
        }
        else LLVM.SetLinkage(g, LLVMLinkage.LLVMInternalLinkage);
    }
}
