using System.Runtime.InteropServices;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exceptions;

/// <summary>The runtime's side of fault handling: the value a stack overflow throws, and re-arming
/// the stack guard (Native/faults.c) when a handler catches.</summary>
public static unsafe class Faults
{
    private static HString* s_stackOverflow;

    /// <summary>The Haxe String <c>"Stack overflow"</c> (HashLink's and the interpreter's wording).</summary>
    public static void* StackOverflowValue() =>
        s_stackOverflow != null ? s_stackOverflow : s_stackOverflow = HString.Permanent("Stack overflow");

    // Native/faults.c, linked into every native program (rzfaults.o); never called by hosts that
    // run the runtime without it (the interpreter has its own rz_exception_value).
    [DllImport("rzfaults", ExactSpelling = true, EntryPoint = "rz_stack_rearm"), SuppressGCTransition]
    private static extern void StackRearm();

    /// <summary>A catch handler is starting: closes the stack guard zones an overflow opened.</summary>
    public static void HandlerStarted() => StackRearm();
}
