using System.Runtime.InteropServices;

namespace Rayzor.LlvmBackend.Interop;

/// <summary>
/// Target registration. <c>LLVMInitializeAllTargets</c> and <c>LLVMInitializeNativeTarget</c> are
/// static inline in the C headers (not exported), so each target's entry points are bound one by
/// one. Rayzor generates code for x86-64 and AArch64; <see cref="LlvmTargets.InitializeTargets"/>
/// calls these once.
/// </summary>
public static partial class LLVM
{
    /// <summary><c>LLVMInitializeX86TargetInfo</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86TargetInfo", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeX86TargetInfo();

    /// <summary><c>LLVMInitializeX86Target</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86Target", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeX86Target();

    /// <summary><c>LLVMInitializeX86TargetMC</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86TargetMC", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeX86TargetMC();

    /// <summary><c>LLVMInitializeX86AsmPrinter</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86AsmPrinter", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeX86AsmPrinter();

    /// <summary><c>LLVMInitializeX86AsmParser</c> (needed only for inline assembly).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86AsmParser", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeX86AsmParser();

    /// <summary><c>LLVMInitializeX86Disassembler</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeX86Disassembler", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeX86Disassembler();

    /// <summary><c>LLVMInitializeAArch64TargetInfo</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64TargetInfo", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeAArch64TargetInfo();

    /// <summary><c>LLVMInitializeAArch64Target</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64Target", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeAArch64Target();

    /// <summary><c>LLVMInitializeAArch64TargetMC</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64TargetMC", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeAArch64TargetMC();

    /// <summary><c>LLVMInitializeAArch64AsmPrinter</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64AsmPrinter", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeAArch64AsmPrinter();

    /// <summary><c>LLVMInitializeAArch64AsmParser</c> (needed only for inline assembly).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64AsmParser", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeAArch64AsmParser();

    /// <summary><c>LLVMInitializeAArch64Disassembler</c></summary>
    [LibraryImport(Lib, EntryPoint = "LLVMInitializeAArch64Disassembler", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void InitializeAArch64Disassembler();
}
