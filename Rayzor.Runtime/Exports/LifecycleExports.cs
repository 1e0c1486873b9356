using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for start-up, exit and allocation (docs/abi.md). Logic lives elsewhere.</summary>
public static unsafe class LifecycleExports
{
    /// <summary>Initializes the NativeAOT runtime (on this first call) and attaches to the program block.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_start")]
    public static void Start() => _ = Rt.Program;

    [UnmanagedCallersOnly(EntryPoint = "rz_exit")]
    public static void Exit(int code) => Rt.Exit(code);

    [UnmanagedCallersOnly(EntryPoint = "rz_alloc")]
    public static void* Alloc(long size) => Heap.Alloc((nuint)size);

    [UnmanagedCallersOnly(EntryPoint = "rz_alloc_atomic")]
    public static void* AllocAtomic(long size) => Heap.AllocAtomicZeroed((nuint)size);
}
