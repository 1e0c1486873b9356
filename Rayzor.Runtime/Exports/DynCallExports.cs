using System.Runtime.InteropServices;
using Rayzor.Runtime.Dynamic;

namespace Rayzor.Runtime.Exports;

/// <summary>Calls of Dynamic values (docs/abi.md "Dynamic calls").</summary>
public static unsafe class DynCallExports
{
    /// <summary>The adapter the generated code calls as <c>adapter(f, args)</c>; throws when <c>f</c> is not a function.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_entry")]
    public static void* Entry(void* f) => DynCall.Entry(f);
}
