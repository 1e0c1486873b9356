using System.Runtime.InteropServices;
using Rayzor.LlvmBackend.Interop;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.LlvmBackend.Jit;

/// <summary>
/// Line tables of JIT code: LLJIT's object transform layer hands each compiled object here before
/// JITLink links it (a copy is kept: linking drops the debug sections); once the module's symbols
/// were looked up (its code is in place) <see cref="Register"/> gives each object to
/// <see cref="JitDebugImages"/>, which places its DWARF where its code went.
/// </summary>
internal static unsafe class JitDebugObjects
{
    /// <summary>Objects linked and not registered yet, by JIT (each compiler thread of a tiered run has its own).</summary>
    private static readonly Dictionary<nint, List<byte[]>> s_pending = [];

    /// <summary>Makes <paramref name="jit"/> hand its objects here.</summary>
    public static void Capture(LLVMOrcLLJITRef jit)
    {
        lock (s_pending) s_pending[jit.Handle] = [];
        LLVM.OrcObjectTransformLayerSetTransform(LLVM.OrcLLJITGetObjTransformLayer(jit), (nint)(delegate* unmanaged<nint, nint*, nint>)&OnObject, jit.Handle);
    }

    // LLVMOrcObjectTransformLayerTransformFunction (context: the JIT): the object is left as it is (a null LLVMErrorRef is success)
    [UnmanagedCallersOnly]
    private static nint OnObject(nint context, nint* objInOut)
    {
        var buffer = new LLVMMemoryBufferRef(*objInOut);
        var bytes = new ReadOnlySpan<byte>(LLVM.GetBufferStart(buffer), checked((int)LLVM.GetBufferSize(buffer))).ToArray();
        lock (s_pending) s_pending[context].Add(bytes);
        return 0;
    }

    /// <summary>
    /// Gives the objects linked since the last call to <see cref="JitDebugImages"/>, their code
    /// placed by looking up their global functions in <paramref name="jit"/>.
    /// </summary>
    public static void Register(LLVMOrcLLJITRef jit)
    {
        byte[][] objects;
        lock (s_pending)
        {
            var pending = s_pending[jit.Handle];
            objects = [.. pending];
            pending.Clear();
        }
        foreach (var o in objects)
            JitDebugImages.Add(o, name =>
            {
                ulong address;
                var error = LLVM.OrcLLJITLookup(jit, &address, name);
                if (error.Handle == 0) return address;
                LLVM.ConsumeError(error);
                return 0;
            });
    }
}
