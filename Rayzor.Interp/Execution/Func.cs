using Rayzor.Mir.Ir;

namespace Rayzor.Interp.Execution;

/// <summary>A function of the program: its MIR, and once first called its decoded code and frame shape.</summary>
internal sealed unsafe class Func(MirFunction mir, int index)
{
    public MirFunction Mir { get; } = mir;
    public int Index { get; } = index;
    public string Name => Mir.Name;

    /// <summary>The decoded code stream (unmanaged, never moves), or null before the first call.</summary>
    public int* Code;

    /// <summary>The code stream's length in ints (set when decoded).</summary>
    public int CodeLength;

    /// <summary>The source position of each instruction of the code stream (set when decoded).</summary>
    public CodePositions? Positions;

    /// <summary>Slots of a frame: parameters, constants, a discard slot, values, move temporaries, then outgoing arguments.</summary>
    public int FrameSize;

    /// <summary>Where outgoing call arguments are gathered in a frame.</summary>
    public int ScratchBase;

    /// <summary>The parameters: slots 0..ParamCount-1, where the arguments are copied.</summary>
    public int ParamCount;

    /// <summary>The constants, set at entry in the slots after the parameters.</summary>
    public long* Constants;
    public int ConstantCount;

    /// <summary>Whether callers copy this function's body instead of calling it (null until a caller asks).</summary>
    public bool? Inlinable;

    /// <summary>How many `tryenter` the function has (a bound on the traps of one frame).</summary>
    public int TrapCount;

    /// <summary>
    /// The frame's slots past the constants are zeroed at entry (functions with a loop, whose frames
    /// live long): a new frame's memory still holds the slots of the frames before it at that depth,
    /// which the collector would read as pointers until each slot is written (Decoder.Clears.cs).
    /// </summary>
    public bool ZeroesFrame;

    /// <summary>Call-site caches of callclosure and dyncall.</summary>
    public CallSite[] Sites = [];

    /// <summary>The descriptor of closures of this code (by its signature; null until first needed).</summary>
    public Rayzor.Runtime.Memory.TypeDesc* ClosureDesc;

    /// <summary>The code pointer descriptors and closures hold (0 until first needed).</summary>
    public nint CodePointer;

    /// <summary>Tiering: calls and loop back-edges left before the function is hot (they count down).</summary>
    public int CallsLeft = int.MaxValue, LoopsLeft = int.MaxValue;

    /// <summary>Tiering: <see cref="CallsLeft"/> when a queued function's loops last ran out of back-edges.</summary>
    public int CallsAtLoopLook = int.MinValue;

    /// <summary>Tiering: 0 interpreted, 1 queued for compilation, 2 compiled (<see cref="Entry"/>), 3 not compilable.</summary>
    public int TierState;

    /// <summary>The compiled code's entry wrapper, `int (long* args, long* result)`, once compiled (set by the compiler thread).</summary>
    public nint Entry;

    /// <summary>The slot of each SSA value in a frame (set when decoded).</summary>
    public int[] Slots = [];

    /// <summary>The code offset of each MIR block (set when decoded).</summary>
    public int[] BlockPcs = [];

    /// <summary>Tiering: the header of the outermost loop around each block (-1 outside loops; made on first need).</summary>
    public int[]? OuterHeaders;

    /// <summary>Tiering: by outermost loop header, the block where that loop has an entry (asked for or compiled ahead), or -1.</summary>
    public int[]? EntryInLoop;

    /// <summary>On-stack replacement: 1 while an entry of this function is being compiled (one at a time), else 0.</summary>
    public int OsrState;

    /// <summary>
    /// Compiled entries into the middle of a running frame, by loop header block (entries set by
    /// the compiler thread); <see cref="OsrEntry.Asked"/> where one was asked for and is not there.
    /// </summary>
    public OsrEntry?[]? Osr;

    public override string ToString() => Name;
}

/// <summary>
/// Compiled code that continues a frame at a loop header: the entry wrapper of a function whose
/// parameters are the header's parameters and the values live there, read from these slots.
/// </summary>
public sealed class OsrEntry(nint entry, int[] slots, OsrExit[]? exits = null)
{
    /// <summary>Stands for an entry asked for and not compiled (yet, or ever).</summary>
    public static readonly OsrEntry Asked = new(0, []);

    public nint Entry { get; } = entry;
    public int[] Slots { get; } = slots;

    /// <summary>
    /// A loop's entry (Rayzor.Mir's OsrEntries.Loop): its last argument is a buffer of output
    /// slots, and the code it returns says where the frame goes on (null: the entry runs the rest
    /// of the function and its result is the frame's).
    /// </summary>
    public OsrExit[]? Exits { get; } = exits;

    /// <summary>Output slots the largest exit writes.</summary>
    public int Outputs { get; } = exits == null ? 0 : Math.Max(1, exits.Max(x => x.Slots.Length));
}

/// <summary>Where a frame goes on after a loop's entry left the loop: the block's code and the slots of the values written.</summary>
public sealed record OsrExit(int Pc, int[] Slots, Rayzor.Mir.Ir.MirType[] Types);

/// <summary>The last code pointer a dynamic call site saw and the function it is: a monomorphic inline cache.</summary>
internal sealed class CallSite
{
    public nint Code;
    public Func? Target;
}

/// <summary>An error of the interpreter itself or of the program's MIR (not a Haxe exception).</summary>
public sealed class InterpreterException(string message) : Exception(message);
