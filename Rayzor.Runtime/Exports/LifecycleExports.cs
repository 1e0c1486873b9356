using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for start-up, exit and allocation (docs/abi.md). Logic lives elsewhere.</summary>
public static unsafe class LifecycleExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_init")]
    public static void Init(RzBuiltins* builtins, int argc, byte** argv) => Rt.Initialize(builtins, argc, argv);

    [UnmanagedCallersOnly(EntryPoint = "rz_exit")]
    public static void Exit(int code) => Rt.Exit(code);

    [UnmanagedCallersOnly(EntryPoint = "rz_alloc")]
    public static void* Alloc(long size) => Heap.Alloc((nuint)size);

    [UnmanagedCallersOnly(EntryPoint = "rz_alloc_atomic")]
    public static void* AllocAtomic(long size) => Heap.AllocAtomicZeroed((nuint)size);
}
