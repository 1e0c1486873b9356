using System.Runtime.InteropServices;

namespace Rayzor.LlvmBackend.Interop;

/// <summary>
/// <c>LLVMOrcCSymbolMapPair</c> (llvm-c/Orc.h): a name and its evaluated symbol (address and flags),
/// the element of the array given to <see cref="LLVM.OrcAbsoluteSymbols"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct LLVMOrcCSymbolMapPair
{
    /// <summary>The interned (mangled) name; the map takes over the caller's reference.</summary>
    public LLVMOrcSymbolStringPoolEntryRef Name;
    /// <summary>The symbol's address in this process.</summary>
    public ulong Address;
    /// <summary><c>LLVMJITSymbolGenericFlags</c>.</summary>
    public byte GenericFlags;
    /// <summary>Target-specific flags (none on x86-64 and AArch64).</summary>
    public byte TargetFlags;
}

public static unsafe partial class LLVM
{
    /// <summary>Throws <see cref="LlvmException"/> with the error's message when <paramref name="error"/> is set (and consumes it).</summary>
    public static void ThrowIfError(LLVMErrorRef error, string what)
    {
        if (TakeErrorMessage(error) is { } message)
            throw new LlvmException($"{what}: {message}");
    }
}
