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
    private static readonly List<byte[]> s_pending = [];

    /// <summary>Makes <paramref name="jit"/> hand its objects here.</summary>
    public static void Capture(LLVMOrcLLJITRef jit) =>
        LLVM.OrcObjectTransformLayerSetTransform(LLVM.OrcLLJITGetObjTransformLayer(jit), (nint)(delegate* unmanaged<nint, nint*, nint>)&OnObject, 0);

    // LLVMOrcObjectTransformLayerTransformFunction: the object is left as it is (a null LLVMErrorRef is success)
    [UnmanagedCallersOnly]
    private static nint OnObject(nint context, nint* objInOut)
    {
        var buffer = new LLVMMemoryBufferRef(*objInOut);
        var bytes = new ReadOnlySpan<byte>(LLVM.GetBufferStart(buffer), checked((int)LLVM.GetBufferSize(buffer))).ToArray();
        lock (s_pending) s_pending.Add(bytes);
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
            objects = [.. s_pending];
            s_pending.Clear();
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
