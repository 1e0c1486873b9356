using System.Runtime.InteropServices;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for the stack-overflow handler (Native/faults.c). Logic lives in <see cref="Faults"/>.</summary>
public static unsafe class FaultExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_stack_overflow_value")]
    public static void* StackOverflowValue() => Faults.StackOverflowValue();
}
