using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rayzor.LlvmBackend.Interop;

/// <summary>
/// Collects the diagnostics LLVM reports through a context (inline-asm errors, optimization
/// remarks, backend warnings) instead of letting the default handler print them — which, for an
/// error, also ends the process with <c>exit(1)</c>. Install one per context before optimizing or
/// emitting; dispose it <b>before</b> the context. Emission can return success while the sink holds an
/// error (an invalid inline-asm instruction is dropped from the object): check
/// <see cref="HasErrors"/> after emitting.
/// </summary>
/// <example>
/// <code>
/// using var sink = new LlvmDiagnosticSink(ctx);
/// LlvmTargets.EmitObject(module, tm, path);
/// if (sink.HasErrors) ... sink.Diagnostics ...
/// </code>
/// </example>
public sealed unsafe class LlvmDiagnosticSink : IDisposable
{
    private readonly LLVMContextRef _context;
    private readonly List<LlvmDiagnostic> _diagnostics = [];
    private GCHandle _self;

    /// <summary>
    /// Installs the sink as <paramref name="context"/>'s diagnostic handler. Remarks (LLVM sends
    /// every optimization and codegen remark to a custom handler, e.g. one per function from the
    /// asm printer) are dropped unless <paramref name="includeRemarks"/>.
    /// </summary>
    public LlvmDiagnosticSink(LLVMContextRef context, bool includeRemarks = false)
    {
        _context = context;
        IncludeRemarks = includeRemarks;
        _self = GCHandle.Alloc(this);
        LLVM.ContextSetDiagnosticHandler(context, (nint)(delegate* unmanaged[Cdecl]<LLVMDiagnosticInfoRef, nint, void>)&OnDiagnostic,
            GCHandle.ToIntPtr(_self));
    }

    /// <summary>Whether remarks are kept (errors, warnings and notes always are).</summary>
    public bool IncludeRemarks { get; }

    /// <summary>The diagnostics received so far, in order.</summary>
    public IReadOnlyList<LlvmDiagnostic> Diagnostics
    {
        get
        {
            lock (_diagnostics)
                return [.. _diagnostics];
        }
    }

    /// <summary>True when an error was reported.</summary>
    public bool HasErrors
    {
        get
        {
            lock (_diagnostics)
                return _diagnostics.Exists(d => d.Severity == LLVMDiagnosticSeverity.LLVMDSError);
        }
    }

    /// <summary>Forgets the diagnostics received so far.</summary>
    public void Clear()
    {
        lock (_diagnostics)
            _diagnostics.Clear();
    }

    /// <summary>
    /// Restores LLVM's default handler and releases the sink. Must run while the context is
    /// alive — before <c>LLVM.ContextDispose</c> (a <c>using var</c> declared after the context
    /// in the same scope runs too late and crashes).
    /// </summary>
    public void Dispose()
    {
        if (!_self.IsAllocated)
            return;
        LLVM.ContextSetDiagnosticHandler(_context, 0, 0);
        _self.Free();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDiagnostic(LLVMDiagnosticInfoRef info, nint state)
    {
        try
        {
            if (GCHandle.FromIntPtr(state).Target is not LlvmDiagnosticSink sink)
                return;
            var severity = LLVM.GetDiagInfoSeverity(info);
            if (severity == LLVMDiagnosticSeverity.LLVMDSRemark && !sink.IncludeRemarks)
                return;
            var d = new LlvmDiagnostic(severity, LLVM.GetDiagInfoDescription(info));
            lock (sink._diagnostics)
                sink._diagnostics.Add(d);
        }
        catch
        {
            // An exception must not unwind into LLVM's C++ frames.
        }
    }
}

/// <summary>One diagnostic reported by LLVM.</summary>
public readonly record struct LlvmDiagnostic(LLVMDiagnosticSeverity Severity, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Severity switch
    {
        LLVMDiagnosticSeverity.LLVMDSError => "error: ",
        LLVMDiagnosticSeverity.LLVMDSWarning => "warning: ",
        LLVMDiagnosticSeverity.LLVMDSRemark => "remark: ",
        _ => "note: ",
    } + Message;
}
