using Rayzor.LlvmBackend.Interop;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.LlvmBackend.Jit;

/// <summary>
/// The `Called from` lines of an uncaught exception in a whole-program JIT run (`--tier max`): the
/// unwinder's <see cref="NativeFrames"/> give each frame's return address, which the JIT object's
/// line tables (<see cref="JitDebugImages"/>) resolve to the function, the calls inlined into it and
/// their lines, as in an executable. A frame they do not cover is known by where its function
/// starts and printed with its function's name and file, without a line. The Haxe functions are
/// made visible to lookups before linking (hidden, not internal); their addresses are looked up
/// only when a report needs them.
/// </summary>
internal static unsafe class JitFrames
{
    private static LLVMOrcLLJITRef s_jit;
    private static Dictionary<string, string?> s_files = [];

    /// <summary>Before linking: the module's Haxe functions (MIR functions it defines) stay lookup-able by name.</summary>
    public static void Expose(LLVMModuleRef module, MirModule mir)
    {
        var files = mir.Functions.ToDictionary(f => f.Name, f => f.SourceFile);
        for (var fn = LLVM.GetFirstFunction(module); !fn.IsNull; fn = LLVM.GetNextFunction(fn))
        {
            if (LLVM.IsDeclaration(fn) || LLVM.GetValueName2(fn) is not { } name || !files.ContainsKey(name)) continue;
            s_files[name] = files[name];
            if (LLVM.GetLinkage(fn) is LLVMLinkage.LLVMInternalLinkage or LLVMLinkage.LLVMPrivateLinkage)
            {
                LLVM.SetLinkage(fn, LLVMLinkage.LLVMExternalLinkage);
                LLVM.SetVisibility(fn, LLVMVisibility.LLVMHiddenVisibility);
            }
        }
    }

    /// <summary>After linking: the runtime's report of an uncaught exception prints the JIT's frames.</summary>
    public static void Install(LLVMOrcLLJITRef jit)
    {
        s_jit = jit;
        StackTrace.PrintHook = &Print;
    }

    private const int MaxFrames = 1024;

    private static void Print()
    {
        var byStart = new Dictionary<nint, string>();
        foreach (var name in s_files.Keys)
        {
            ulong address;
            var error = LLVM.OrcLLJITLookup(s_jit, &address, name);
            if (error.Handle != 0) LLVM.ConsumeError(error);
            else byStart.TryAdd((nint)address, name);
        }
        var starts = stackalloc nint[MaxFrames];
        var cfas = stackalloc nint[MaxFrames];
        var ips = stackalloc nint[MaxFrames];
        var n = NativeFrames.Collect(starts, cfas, MaxFrames, ips);
        for (var k = 0; k < n; k++)
        {
            // the frame's function and the calls inlined into it, with lines, from the JIT object's DWARF
            var frames = JitDebugImages.FramesAt(ips[k]);
            if (frames.Count > 0)
                foreach (var (name, file, line) in frames) StackTrace.WriteFrame(name, file, line);
            else if (byStart.TryGetValue(starts[k], out var name))
                StackTrace.WriteFrame(name, s_files[name], 0);
        }
    }
}
