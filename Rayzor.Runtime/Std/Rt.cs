using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary>Process-wide runtime state and lifecycle: <c>rz_init</c>, <c>rz_exit</c>.</summary>
public static unsafe class Rt
{
    // Plain pointer statics, no initializers: no static constructor runs on the first call.
    private static RzBuiltins* s_builtins;
    private static int s_argc;
    private static byte** s_argv;

    /// <summary>The descriptors the compiler emitted (String, boxes).</summary>
    public static RzBuiltins* Builtins => s_builtins;

    public static int Argc => s_argc;
    public static byte** Argv => s_argv;

    /// <summary>Initializes the collector and records the builtins and the command line.</summary>
    public static void Initialize(RzBuiltins* builtins, int argc, byte** argv)
    {
        Heap.Initialize();
        s_builtins = builtins;
        s_argc = argc;
        s_argv = argv;
    }

    /// <summary><c>Sys.args()</c>: a new Array&lt;String&gt; of the arguments after the program's name.</summary>
    public static HArray* Args()
    {
        HArray* args = ArrayOps.New(ElemKind.Ptr, 0);
        for (int i = 1; i < s_argc; i++)
            ArrayOps.PushPtr(args, StringOps.FromCString(s_argv[i]));
        return args;
    }

    /// <summary>Flushes stdout and ends the process with <paramref name="code"/>.</summary>
    public static void Exit(int code)
    {
        Output.Flush();
        LibC.exit(code);
    }

    /// <summary>Prints <c>rayzor: message</c> and the Haxe frames to stderr (after what stdout holds) and exits with 1.</summary>
    public static void Fatal(ReadOnlySpan<byte> message)
    {
        Output.Flush();
        LibC.WriteAll(2, "rayzor: "u8);
        LibC.WriteAll(2, message);
        LibC.WriteAll(2, "\n"u8);
        Exceptions.StackTrace.Print();
        LibC.exit(1);
    }
}
