using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;

namespace Rayzor.LlvmBackend.Emit;

public sealed unsafe partial class ModuleEmitter
{
    /// Offsets in a closure (docs/abi.md).
    internal const int ClosureFnOffset = 8, ClosureEnvOffset = 16, ClosureSize = 24;

    private readonly Dictionary<string, LLVMValueRef> _closureTds = new();

    /// The descriptor of closures whose code is `fn`: one per signature, its slot at offset 48
    /// holding the signature's dynamic-call adapter (docs/abi.md "Dynamic calls").
    internal LLVMValueRef ClosureTd(string fn) => ClosureTdOfSignature(ClosureSignature.Of(MirFunction(fn)!));

    /// The closure descriptor of a signature (`typedesc #fn.SIG` in MIR).
    internal LLVMValueRef ClosureTdOfSignature(string sig)
    {
        if (_closureTds.TryGetValue(sig, out var td)) return td;
        var adapterName = ClosureSignature.AdapterName(sig);
        var adapter = MirFunction(adapterName) != null ? Fn(adapterName).Fn : Null;
        var init = ConstStruct(CI32(TypeKinds.Closure), CI32(ClosureSize), CString("Closure", ".name.Closure"), Null, Null, Null, Null, adapter);
        td = _plan.Split ? SharedConstant(init, "rz_td_fn." + sig, 8) : PrivateConstant(init, "rz_td_fn." + sig, 8);
        _closureTds[sig] = td;
        return td;
    }

    private sealed partial class FunctionEmitter
    {
        private LLVMValueRef EmitClosure(Instruction i)
        {
            var clo = GcAlloc(ClosureSize, m.ClosureTd(i.Sym!));
            LLVM.BuildStore(B, m.ClosureCode(i.Sym!), At(clo, ClosureFnOffset));
            LLVM.BuildStore(B, A(i, 0), At(clo, ClosureEnvOffset));
            return clo;
        }

        /// `dyncall f, args`: the runtime checks `f` and gives its adapter, then `adapter(f, args)`.
        private LLVMValueRef EmitDynCall(Instruction i)
        {
            var entry = m.Call(m.DeclareC("rz_dyn_entry", m._ptr, m._ptr), [A(i, 0)]);
            m.TierPendingCheck(m.Fn(f.Name).Fn); // (not a function: raised, no adapter)
            var ft = m.FnType(m._ptr, [m._ptr, m._ptr]);
            var args = new[] { A(i, 0), A(i, 1) };
            LLVMValueRef r;
            fixed (LLVMValueRef* p = args) r = LLVM.BuildCall2(B, ft, entry, p, 2, "");
            m.TierPendingCheck(m.Fn(f.Name).Fn);
            return r;
        }

        private LLVMValueRef EmitCallClosure(Instruction i)
        {
            var clo = A(i, 0);
            var code = LLVM.BuildLoad2(B, m._ptr, At(clo, ClosureFnOffset), "");
            if (m.ForTier) code = m.TierCodeMap(code);
            var env = LLVM.BuildLoad2(B, m._ptr, At(clo, ClosureEnvOffset), "");
            var ps = new List<LLVMTypeRef> { m._ptr };
            ps.AddRange(i.Args.Skip(1).Select(a => m.Llvm(f.TypeOf(a))));
            var ft = m.FnType(m.Llvm(i.Type), [.. ps]);
            var args = new List<LLVMValueRef> { env };
            args.AddRange(i.Args.Skip(1).Select(V));
            var arr = args.ToArray();
            LLVMValueRef r;
            fixed (LLVMValueRef* p = arr) r = LLVM.BuildCall2(B, ft, code, p, (uint)arr.Length, "");
            m.TierPendingCheck(m.Fn(f.Name).Fn);
            return r;
        }
    }
}
