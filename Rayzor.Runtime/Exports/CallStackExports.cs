using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points behind haxe.CallStack and haxe.Exception.stack (Rayzor's _std haxe/NativeStackTrace.hx).</summary>
public static unsafe class CallStackExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_stack_capture")]
    public static HArray* Capture() => CallStack.Capture();

    [UnmanagedCallersOnly(EntryPoint = "rz_stack_resolve")]
    public static HArray* Resolve(HArray* pcs) => CallStack.Resolve(pcs);
}
