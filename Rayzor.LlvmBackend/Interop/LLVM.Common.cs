using System.Runtime.InteropServices;
using System.Text;

namespace Rayzor.LlvmBackend.Interop;

/// <summary>
/// Thin bindings to the LLVM 19 C API (libLLVM): one static method per C function, named as in C
/// without the <c>LLVM</c> prefix (<c>LLVMBuildAdd</c> is <see cref="BuildAdd"/>). Handles are
/// typed (<see cref="LLVMValueRef"/>, <see cref="LLVMTypeRef"/> ...), <c>LLVMBool</c> is
/// <see cref="bool"/>, C strings are UTF-8 <see cref="string"/>s, arrays have
/// <see cref="ReadOnlySpan{T}"/> overloads, and every <c>char*</c> message LLVM allocates is
/// converted and freed with <c>LLVMDisposeMessage</c> by the wrappers.
/// Call <see cref="Llvm.EnsureLoaded"/> before the first call.
/// </summary>
/// <remarks>
/// Functions that implicitly use LLVM's global context (<c>LLVMInt32Type</c>,
/// <c>LLVMModuleCreateWithName</c>, <c>LLVMAppendBasicBlock</c> ...) are deliberately left out:
/// use the <c>...InContext</c> variants, so codegen units can run in parallel, one context each.
/// </remarks>
public static unsafe partial class LLVM
{
    private const string Lib = Llvm.LibraryName;

    /// <summary><c>LLVMAttributeReturnIndex</c>: attribute index of the return value.</summary>
    public const uint AttributeReturnIndex = 0;

    /// <summary><c>LLVMAttributeFunctionIndex</c>: attribute index of the function itself.</summary>
    public const uint AttributeFunctionIndex = ~0u;

    /// <summary>Attribute index of parameter <paramref name="paramIndex"/> (0-based).</summary>
    public static uint AttributeParamIndex(int paramIndex) => (uint)paramIndex + 1;

    /// <summary>Fast-math flags (<c>LLVMFastMath*</c>) for <see cref="SetFastMathFlags"/>.</summary>
    public const uint FastMathAllowReassoc = 1 << 0, FastMathNoNaNs = 1 << 1, FastMathNoInfs = 1 << 2,
        FastMathNoSignedZeros = 1 << 3, FastMathAllowReciprocal = 1 << 4, FastMathAllowContract = 1 << 5,
        FastMathApproxFunc = 1 << 6, FastMathNone = 0, FastMathAll = 0x7F;

    /// <summary>GEP no-wrap flags (<c>LLVMGEPFlag*</c>) for <see cref="BuildGEPWithNoWrapFlags(LLVMBuilderRef, LLVMTypeRef, LLVMValueRef, ReadOnlySpan{LLVMValueRef}, string, uint)"/>.</summary>
    public const uint GEPFlagInBounds = 1 << 0, GEPFlagNUSW = 1 << 1, GEPFlagNUW = 1 << 2;

    /// <summary>
    /// Converts a <c>char*</c> that LLVM allocated for the caller to a string and frees it with
    /// <c>LLVMDisposeMessage</c>; null stays null.
    /// </summary>
    public static string? TakeMessage(nint message)
    {
        if (message == 0)
            return null;
        var s = Marshal.PtrToStringUTF8(message);
        DisposeMessage(message);
        return s;
    }

    /// <summary>The version of the loaded libLLVM.</summary>
    public static Version GetVersion()
    {
        GetVersion(out var major, out var minor, out var patch);
        return new Version((int)major, (int)minor, (int)patch);
    }

    // ---- strings and constants --------------------------------------------------------------

    /// <summary>A constant <c>[N x i8]</c> holding <paramref name="bytes"/> (plus a terminating 0 unless <paramref name="dontNullTerminate"/>).</summary>
    public static LLVMValueRef ConstStringInContext2(LLVMContextRef c, ReadOnlySpan<byte> bytes, bool dontNullTerminate)
    {
        fixed (byte* p = bytes)
            return ConstStringInContext2(c, p, (nuint)bytes.Length, dontNullTerminate);
    }

    /// <summary>
    /// A private, unnamed_addr, constant global holding the NUL-terminated UTF-8 bytes of
    /// <paramref name="text"/> (what <c>BuildGlobalStringPtr</c> makes, without needing a builder).
    /// Returns the global (an opaque <c>ptr</c>).
    /// </summary>
    public static LLVMValueRef AddGlobalString(LLVMModuleRef module, string text, string name = ".str")
    {
        var c = GetModuleContext(module);
        var init = ConstStringInContext2(c, text, false);
        var g = AddGlobal(module, TypeOf(init), name);
        SetInitializer(g, init);
        SetGlobalConstant(g, true);
        SetLinkage(g, LLVMLinkage.LLVMPrivateLinkage);
        SetUnnamedAddress(g, LLVMUnnamedAddr.LLVMGlobalUnnamedAddr);
        SetAlignment(g, 1);
        return g;
    }

    // ---- arrays out ----------------------------------------------------------------------------

    /// <summary>The parameters of function <paramref name="fn"/>.</summary>
    public static LLVMValueRef[] GetParams(LLVMValueRef fn)
    {
        var result = new LLVMValueRef[CountParams(fn)];
        fixed (LLVMValueRef* p = result)
            GetParams(fn, p);
        return result;
    }

    /// <summary>The parameter types of function type <paramref name="functionTy"/>.</summary>
    public static LLVMTypeRef[] GetParamTypes(LLVMTypeRef functionTy)
    {
        var result = new LLVMTypeRef[CountParamTypes(functionTy)];
        fixed (LLVMTypeRef* p = result)
            GetParamTypes(functionTy, p);
        return result;
    }

    /// <summary>The element types of struct type <paramref name="structTy"/>.</summary>
    public static LLVMTypeRef[] GetStructElementTypes(LLVMTypeRef structTy)
    {
        var result = new LLVMTypeRef[CountStructElementTypes(structTy)];
        fixed (LLVMTypeRef* p = result)
            GetStructElementTypes(structTy, p);
        return result;
    }

    /// <summary>The basic blocks of function <paramref name="fn"/>.</summary>
    public static LLVMBasicBlockRef[] GetBasicBlocks(LLVMValueRef fn)
    {
        var result = new LLVMBasicBlockRef[CountBasicBlocks(fn)];
        fixed (LLVMBasicBlockRef* p = result)
            GetBasicBlocks(fn, p);
        return result;
    }

    // ---- calling conventions -----------------------------------------------------------------

    /// <summary>Sets the calling convention of a function.</summary>
    public static void SetFunctionCallConv(LLVMValueRef fn, LLVMCallConv cc) => SetFunctionCallConv(fn, (uint)cc);

    /// <summary>Sets the calling convention of a call or invoke (must match the callee's).</summary>
    public static void SetInstructionCallConv(LLVMValueRef call, LLVMCallConv cc) => SetInstructionCallConv(call, (uint)cc);

    // ---- attributes by name ----------------------------------------------------------------

    /// <summary>
    /// The kind id of the enum attribute called <paramref name="name"/> (<c>noinline</c>,
    /// <c>nounwind</c>, <c>noreturn</c>, <c>alwaysinline</c>, <c>readnone</c>, <c>uwtable</c> ...).
    /// Throws <see cref="ArgumentException"/> for a name LLVM does not know.
    /// </summary>
    public static uint AttributeKind(string name)
    {
        var kind = GetEnumAttributeKindForName(name);
        if (kind == 0)
            throw new ArgumentException($"LLVM has no enum attribute named '{name}'", nameof(name));
        return kind;
    }

    /// <summary>Creates the enum attribute <paramref name="name"/> (with an integer value where the attribute takes one, like <c>align</c> or <c>dereferenceable</c>).</summary>
    public static LLVMAttributeRef CreateEnumAttribute(LLVMContextRef c, string name, ulong value = 0) =>
        CreateEnumAttribute(c, AttributeKind(name), value);

    /// <summary>Adds enum attribute <paramref name="name"/> to a function (<see cref="AttributeFunctionIndex"/>), its return (<see cref="AttributeReturnIndex"/>) or a parameter (<see cref="AttributeParamIndex"/>).</summary>
    public static void AddAttribute(LLVMValueRef fn, uint index, string name, ulong value = 0) =>
        AddAttributeAtIndex(fn, index, CreateEnumAttribute(GetTypeContext(TypeOf(fn)), name, value));

    /// <summary>Adds enum attribute <paramref name="name"/> to function <paramref name="fn"/> itself, e.g. <c>AddFunctionAttribute(f, "nounwind")</c>.</summary>
    public static void AddFunctionAttribute(LLVMValueRef fn, string name, ulong value = 0) =>
        AddAttribute(fn, AttributeFunctionIndex, name, value);

    /// <summary>Adds the string attribute <c>"key"="value"</c> to function <paramref name="fn"/> (e.g. <c>"frame-pointer"="all"</c>).</summary>
    public static void AddFunctionStringAttribute(LLVMValueRef fn, string key, string value) =>
        AddAttributeAtIndex(fn, AttributeFunctionIndex, CreateStringAttribute(GetTypeContext(TypeOf(fn)), key, value));

    /// <summary>Adds a type attribute (<c>sret</c>, <c>byval</c>, <c>elementtype</c> ...) at <paramref name="index"/>.</summary>
    public static void AddTypeAttribute(LLVMValueRef fn, uint index, string name, LLVMTypeRef type) =>
        AddAttributeAtIndex(fn, index, CreateTypeAttribute(GetTypeContext(type), AttributeKind(name), type));

    /// <summary>Adds enum attribute <paramref name="name"/> to call instruction <paramref name="call"/> at <paramref name="index"/>.</summary>
    public static void AddCallSiteAttribute(LLVMValueRef call, uint index, string name, ulong value = 0) =>
        AddCallSiteAttribute(call, index, CreateEnumAttribute(GetTypeContext(TypeOf(call)), name, value));

    // ---- intrinsics ------------------------------------------------------------------------

    /// <summary>
    /// The declaration of intrinsic <paramref name="name"/> in <paramref name="module"/>, created
    /// on first use. <paramref name="name"/> is the base name (<c>llvm.sqrt</c>,
    /// <c>llvm.fptosi.sat</c>, <c>llvm.memcpy</c>) or a mangled one (<c>llvm.sqrt.f64</c>);
    /// <paramref name="overloadTypes"/> are the overloaded types in LLVM's order (for
    /// <c>llvm.fptosi.sat.i32.f64</c>: i32 then double). Call it with
    /// <c>BuildCall2(b, GlobalGetValueType(fn), fn, args)</c>.
    /// </summary>
    public static LLVMValueRef GetIntrinsicDeclaration(LLVMModuleRef module, string name, params ReadOnlySpan<LLVMTypeRef> overloadTypes)
    {
        var id = LookupIntrinsicID(name);
        if (id == 0)
            throw new ArgumentException($"LLVM has no intrinsic named '{name}'", nameof(name));
        return GetIntrinsicDeclaration(module, id, overloadTypes);
    }

    // ---- memory buffers --------------------------------------------------------------------

    /// <summary>Copies <paramref name="data"/> into a new memory buffer (dispose it, or hand it to a consuming API like <see cref="ParseIRInContext(LLVMContextRef, LLVMMemoryBufferRef, out LLVMModuleRef, out string?)"/>).</summary>
    public static LLVMMemoryBufferRef CreateMemoryBufferWithMemoryRangeCopy(ReadOnlySpan<byte> data, string bufferName)
    {
        fixed (byte* p = data)
            return CreateMemoryBufferWithMemoryRangeCopy(p, (nuint)data.Length, bufferName);
    }

    /// <summary>The bytes of a memory buffer, copied to a managed array.</summary>
    public static byte[] GetBufferBytes(LLVMMemoryBufferRef buffer)
    {
        var size = checked((int)GetBufferSize(buffer));
        return new ReadOnlySpan<byte>(GetBufferStart(buffer), size).ToArray();
    }

    /// <summary>The bytes of a memory buffer as a span valid until the buffer is disposed.</summary>
    public static ReadOnlySpan<byte> GetBufferSpan(LLVMMemoryBufferRef buffer) =>
        new(GetBufferStart(buffer), checked((int)GetBufferSize(buffer)));

    // ---- errors ----------------------------------------------------------------------------

    /// <summary>Consumes <paramref name="error"/>: null when it is the success value, else its message.</summary>
    public static string? TakeErrorMessage(LLVMErrorRef error) => error.IsNull ? null : GetErrorMessage(error);
}

/// <summary>An LLVM operation failed; the message is LLVM's.</summary>
public sealed class LlvmException(string message) : Exception(message);
