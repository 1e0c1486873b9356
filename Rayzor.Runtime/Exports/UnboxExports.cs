using System.Runtime.InteropServices;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Exports;

/// Unboxing exports (docs/abi.md).
public static unsafe class UnboxExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_unbox_int")]
    public static int UnboxInt(void* v) => Unboxing.UnboxInt(v);

    [UnmanagedCallersOnly(EntryPoint = "rz_unbox_float")]
    public static double UnboxFloat(void* v) => Unboxing.UnboxFloat(v);

    [UnmanagedCallersOnly(EntryPoint = "rz_unbox_bool")]
    public static int UnboxBool(void* v) => Unboxing.UnboxBool(v) ? 1 : 0;
}
