using System.Runtime.InteropServices;

namespace Rayzor.LlvmBackend.Interop;

/// <summary>Hand-written bindings to <c>llvm-c/Comdat.h</c> (not among the generator's headers).</summary>
public static unsafe partial class LLVM
{
    /// <summary><c>LLVMGetOrInsertComdat</c>: the module's comdat named <paramref name="name"/> (selection kind any).</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMGetOrInsertComdat", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMComdatRef GetOrInsertComdat(LLVMModuleRef m, string name);

    /// <summary><c>LLVMSetComdat</c>: puts a global object in a comdat.</summary>
    [LibraryImport(Lib, EntryPoint = "LLVMSetComdat", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetComdat(LLVMValueRef v, LLVMComdatRef c);
}
