using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary>
/// Process-wide runtime state and lifecycle. A compiled program never calls the runtime to start:
/// the first export that needs program state attaches to the program block (<c>rz_program</c>),
/// so a program that never enters the runtime never pays for its initialization.
/// </summary>
public static unsafe class Rt
{
    // A plain pointer static, no initializer: no static constructor runs on the first call.
    private static RzProgram* s_program;

    /// <summary>The program block: the compiled program's own, or the one a host made with <see cref="Initialize"/>.</summary>
    public static RzProgram* Program
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => s_program != null ? s_program : Attach();
    }

    /// <summary>Whether a program block is there (without attaching to one, as <see cref="Program"/> does).</summary>
    public static bool HasProgram => s_program != null;

    /// <summary>The descriptors the compiler emitted (String, boxes).</summary>
    public static RzBuiltins* Builtins => Program->Builtins;

    public static int Argc => Program->Argc;
    public static byte** Argv => Program->Argv;

    /// <summary>
    /// For hosts that run the runtime without a compiled program (the interpreter, tests): initializes
    /// the collector and makes a program block of their builtins and command line.
    /// </summary>
    public static void Initialize(RzBuiltins* builtins, int argc, byte** argv)
    {
        Heap.Initialize();
        var p = (RzProgram*)NativeMemory.AllocZeroed((nuint)sizeof(RzProgram));
        p->Builtins = builtins;
        p->Argc = argc;
        p->Argv = argv;
        if (s_program != null)
            p->Out = s_program->Out; // what an earlier host run left buffered stays in order
        s_program = p;
    }

    /// <summary>
    /// For hosts that run compiled code in their own process (the JIT): initializes the collector
    /// and attaches to the program block that code defines, as a native program's first export would.
    /// </summary>
    public static void Attach(RzProgram* program)
    {
        Heap.Initialize();
        s_program = program;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static RzProgram* Attach()
    {
        Heap.ArmStress();
        AtomicCells.Enable();
        return s_program = ProgramImports.rz_program();
    }

    /// <summary><c>Sys.args()</c>: a new Array&lt;String&gt; of the arguments after the program's name.</summary>
    public static HArray* Args()
    {
        HArray* args = ArrayOps.New(ElemKind.Ptr, 0);
        RzProgram* program = Program;
        for (int i = 1; i < program->Argc; i++)
            ArrayOps.PushPtr(args, StringOps.FromCString(program->Argv[i]));
        return args;
    }

    /// <summary>Flushes stdout and ends the process with <paramref name="code"/>.</summary>
    public static void Exit(int code)
    {
        Output.Flush();
        LibC.Exit(code);
    }

    /// <summary>Prints <c>rayzor: message</c> and the Haxe frames to stderr (after what stdout holds) and exits with 1.</summary>
    public static void Fatal(ReadOnlySpan<byte> message)
    {
        Output.Flush();
        LibC.WriteAll(2, "rayzor: "u8);
        LibC.WriteAll(2, message);
        LibC.WriteAll(2, "\n"u8);
        Exceptions.StackTrace.Print();
        LibC.Exit(1);
    }
}
