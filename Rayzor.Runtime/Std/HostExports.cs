using System.Runtime.InteropServices;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.Runtime.Std;

/// <summary>
/// The runtime symbols JIT-compiled code gets in a host's process in place of a native program's:
/// functions of faults.c, which the host does not link.
/// </summary>
public static unsafe class HostExports
{
    /// <summary>(symbol, address) of each.</summary>
    public static (string Name, nint Address)[] All() =>
    [
        ("rz_exception_value", (nint)(delegate* unmanaged<void*>)&ExceptionValue),
        ("rz_broken_pipe", (nint)(delegate* unmanaged<void>)&BrokenPipe),
    ];

    /// `rz_exception_value` without re-arming faults.c's stack guard zones, which a host's Haxe
    /// thread does not have (its stack is a plain one).
    [UnmanagedCallersOnly]
    private static void* ExceptionValue() => Traps.Value;

    /// `rz_broken_pipe` (faults.c in a native program): stdout's reader has gone.
    [UnmanagedCallersOnly]
    private static void BrokenPipe() => Output.BrokenPipe();
}
