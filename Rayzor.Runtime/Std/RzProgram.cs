using System.Runtime.InteropServices;

using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Std;

/// <summary>
/// The program block (docs/abi.md "Program start"): static data of the compiled program that the
/// runtime reads when it is first entered, so start-up never has to call into the runtime.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct RzProgram
{
    public RzBuiltins* Builtins;
    public int Argc;
    private int _reserved;
    public byte** Argv;
    /// <summary>Buffered stdout, written both by generated code (string literals) and by <see cref="Output"/>.</summary>
    public OutputBuffer Out;
}

/// <summary>A stdout buffer: <c>Data</c> is allocated (with <c>Capacity</c>) by whichever side writes first.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct OutputBuffer
{
    public byte* Data;
    public int Length;
    public int Capacity;
}

/// <summary>What the runtime imports from the compiled program (a plain symbol: DirectPInvoke "rzprogram").</summary>
internal static unsafe class ProgramImports
{
    /// <summary>The program's block, defined by the generated code (and by tests/runtime-c/harness.c).</summary>
    [DllImport("rzprogram", EntryPoint = "rz_program", ExactSpelling = true), SuppressGCTransition]
    public static extern RzProgram* rz_program();
}
