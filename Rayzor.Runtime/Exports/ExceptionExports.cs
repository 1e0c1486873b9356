using System.Runtime.InteropServices;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points of the trap chain (docs/abi.md, Exceptions). Logic lives in <see cref="Traps"/>.</summary>
public static unsafe class ExceptionExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_trap_push")]
    public static void TrapPush(TrapRecord* t) => Traps.Push(t);

    [UnmanagedCallersOnly(EntryPoint = "rz_trap_pop")]
    public static void TrapPop() => Traps.Pop();

    [UnmanagedCallersOnly(EntryPoint = "rz_exception_value")]
    public static void* ExceptionValue()
    {
        Faults.HandlerStarted();
        return Traps.Value;
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_throw_prepare")]
    public static void* ThrowPrepare(void* value) => Traps.Prepare(value);

    [UnmanagedCallersOnly(EntryPoint = "rz_is_of_type")]
    public static int IsOfType(void* value, TypeDesc* td) => Traps.IsOfType(value, td) ? 1 : 0;

    /// <summary><c>Std.isOfType(v, Class)</c> (enums: false) and <c>Std.isOfType(v, Enum)</c>: whether
    /// <paramref name="value"/> is a type value (Class or Enum) of the program.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_is_type_value")]
    public static int IsTypeValue(void* value, int wantEnum) => Rayzor.Runtime.Dynamic.Reflection.IsTypeValueOf(value, wantEnum != 0) ? 1 : 0;
}
