using System.Runtime.CompilerServices;
using Rayzor.Interp.Loading;
using Rayzor.Interp.Tiering;
using Rayzor.Runtime.Exceptions;

namespace Rayzor.Interp.Execution;

/// <summary>
/// The interpreter's side of tiering (docs/architecture.md "In-process JIT"): counting, handing hot
/// functions to the compiler thread, calling compiled code, and the cells compiled code shares
/// with the interpreter.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private Tierer? _tier;
    private readonly TierCells* _tierCells;

    /// <summary>
    /// True while compiled code is the innermost Haxe code running (not an interpreted frame); a
    /// cell compiled code reads too (`__rz_tier_incompiled`: bridges in vtables call compiled code
    /// only under compiled code).
    /// </summary>
    internal bool InCompiled
    {
        get => _tierCells->InCompiled != 0;
        set => _tierCells->InCompiled = value ? 1 : 0;
    }

    /// <summary>Calls the interpreter made into compiled code (`--stats`).</summary>
    internal long CompiledCalls;

    /// <summary>Frames the interpreter moved into compiled code at a loop header (`--stats`).</summary>
    internal long LoopsEntered => _tierCells->LoopsEntered;

    private void StartTiering(TierOptions options)
    {
        _tier = new Tierer(this, options);
        // `Sys.exit` or an uncaught exception may end the process while a batch compiles
        Rayzor.Runtime.Std.LibC.ExitWithoutCleanup = true;
        (_tierCells->CodeMap, _tierCells->CodeMask) = Image.MakeCompiledMap();
        _tierCells->Code = (nint*)System.Runtime.InteropServices.NativeMemory.AllocZeroed((nuint)(sizeof(nint) * Math.Max(1, _funcs.Length)));
        Image.Tiered = true;
        // (kept in the cells, not in fields: the interpreter's hot fields keep their offsets)
        (_tierCells->CallThreshold, _tierCells->LoopThreshold) = (options.CallThreshold, options.LoopThreshold);
        foreach (var f in _funcs) (f.CallsLeft, f.LoopsLeft) = (options.CallThreshold, options.LoopThreshold);
        if (options.HotCalls > 0 && options.CreateHotBackend != null)
        {
            _tierCells->Heat = (int*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)(sizeof(int) * Math.Max(1, _funcs.Length)));
            new Span<int>(_tierCells->Heat, Math.Max(1, _funcs.Length)).Fill(options.HotCalls);
            s_tiered = this;
        }
        _tier.Start();
    }

    /// <summary>The interpreter whose compiled code counts its calls (<see cref="OnHot"/>; one a process).</summary>
    private static Interpreter? s_tiered;

    /// <summary>
    /// `__rz_tier_hot(cell)`: compiled code took a function's call count (`tier.heat.F`) to zero; it
    /// is queued for a compile at the higher level. On the program's thread, from compiled code.
    /// </summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void OnHot(int* cell)
    {
        if (s_tiered is not { } interp || interp._tier == null) return;
        var index = (int)(cell - interp._tierCells->Heat);
        if (index >= 0 && index < interp._funcs.Length) interp._tier.EnqueueHot(interp._funcs[index]);
    }

    /// <summary>
    /// Ends the process of a tiered run, however it ended (the program returned or failed, or the
    /// front end stopped it), with `_exit` once what the program wrote to stdout is out: its
    /// compiler thread may be inside LLVM (a compile, or loading the library), and exit handlers —
    /// LLVM's static destructors — would run beside it (glibc aborted, "corrupted double-linked
    /// list", when they ran during the load).
    /// </summary>
    public static void EndTieredRun(int code)
    {
        if (Rayzor.Runtime.Std.Rt.HasProgram) Rayzor.Runtime.Std.Output.Flush();
        Rayzor.Runtime.Std.LibC.ExitWithoutCleanup = true;
        Rayzor.Runtime.Std.LibC.Exit(code);
    }

    /// <summary>A function's call count ran out: queue it for compilation (once).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Hot(Func f)
    {
        f.CallsLeft = int.MaxValue;
        // (a compiler thread may take it ahead meanwhile)
        if (_tier == null || Interlocked.CompareExchange(ref f.TierState, 1, 0) != 0) return;
        _tier.Enqueue(f);
    }

    /// <summary>
    /// A call of an interpreted frame of <paramref name="caller"/> that the dispatch loop does not
    /// run itself: one into compiled code counts as <see cref="CompiledCallWeight"/> back-edges
    /// towards the caller's loop entry — a loop whose time goes to compiled callees (alloc's
    /// `make(d).check()` loop, dispatch's `apply` loop) takes few back-edges a millisecond, and
    /// each of these calls pays an entry wrapper's `setjmp`.
    /// </summary>
    private long CallFrom(Func caller, Func f, long* src, int* ops)
    {
        if (f.Entry != 0) caller.LoopsLeft -= CompiledCallWeight;
        return Call(f, src, ops);
    }

    /// <summary>Back-edges a call from interpreted into compiled code counts as (<see cref="CallFrom"/>).</summary>
    private const int CompiledCallWeight = 64;

    /// <summary>Publishes a compiled function's code to compiled callers (compiler thread).</summary>
    internal void SetTierCode(Func f, nint code)
    {
        Image.SetCompiled(f, code);
        Volatile.Write(ref _tierCells->Code[f.Index], code);
    }

    /// <summary>
    /// Calls the compiled code of <paramref name="f"/> through its entry wrapper, which owns a trap:
    /// a throw in compiled code ends there (status 1) and goes on here as the interpreter's exception.
    /// </summary>
    [SkipLocalsInit]
    private long RunCompiled(Func f, long* src, int* ops)
    {
        var n = f.Mir.ParamTypes.Count;
        var args = stackalloc long[n + 1];
        for (var k = 0; k < n; k++) args[k] = src[ops[k]];
        _outSrc = src;
        _outOps = ops;
        return CallEntry(f.Entry, args);
    }

    private long CallEntry(nint entry, long* args)
    {
        long result = 0;
        CompiledCalls++;
        var was = InCompiled;
        InCompiled = true;
        _compiledSections++;
        var status = ((delegate* unmanaged<long*, long*, int>)entry)(args, &result);
        _compiledSections--;
        InCompiled = was;
        // (the exception's frames were recorded where it was raised: ThrowPrepared, Thunk)
        if (status != 0) throw Raise(Traps.Value);
        if (_tierCells->Pending != 0)
        {
            _tierCells->Pending = 0;
            _traceContinues = false;
            throw Raise(*_exception);
        }
        if (Pending != null) RaisePending();
        return result;
    }

    /// <summary>Back-edges between two looks for an on-stack-replacement entry once a function's loops are hot.</summary>
    private const int OsrPoll = 256;

    /// <summary><see cref="LoopTick"/>: the jump goes on as decoded.</summary>
    private const int Continue = -1;

    /// <summary><see cref="LoopTick"/>: compiled code ran the rest of the frame; its result is the frame's.</summary>
    private const int Returned = -2;

    /// <summary>
    /// A function's back-edge count ran out at a jump to the loop header <paramref name="block"/>:
    /// when the entry at this header is compiled, the frame moves there (on-stack replacement):
    /// a loop's entry runs the loop and gives back the code offset the frame goes on at, its
    /// values written to their slots; an entry of the rest of the function gives the frame's
    /// result (<see cref="Returned"/>). Else asks for it (one header of a function at a time,
    /// each header once) and looks again <see cref="OsrPoll"/> back-edges later (<see cref="Continue"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private int LoopTick(Func f, int* c, long* r, out long result)
    {
        var block = c[2];
        result = 0;
        if (_tier == null || f.TrapCount != 0)
        {
            // a frame with traps keeps its handlers' state here: it stays interpreted, and the
            // function is compiled for its next calls
            f.LoopsLeft = int.MaxValue;
            if (_tier != null) Hot(f);
            return Continue;
        }
        if (f.TierState == 0 && f.Osr == null && CallsSoFar(f) >= ManyCalls)
        {
            // many calls' short loops made the count, not this frame: the function is what pays
            // (sha256's 64-round `compress`: a loop entry compiled first delayed the function)
            f.LoopsLeft = int.MaxValue;
            Hot(f);
            return Continue;
        }
        if (f.TierState == 1 && f.Osr == null && f.CallsLeft != f.CallsAtLoopLook)
        {
            // queued (for its calls, or ahead) and not compiled yet: the back-edges were counted
            // over calls made since the last look, and the compiled function will run such calls;
            // a loop entry is asked for only when one frame alone took a whole threshold of them,
            // no call of the function between two looks (strings' `hashStr`, a few back-edges a
            // call: its loop entry was compiled while the function waited in the queue)
            f.CallsAtLoopLook = f.CallsLeft;
            f.LoopsLeft = _tierCells->LoopThreshold;
            return Continue;
        }
        f.LoopsLeft = OsrPoll;
        var entries = f.Osr ??= new OsrEntry?[f.Mir.Blocks.Count];
        var e = Volatile.Read(ref entries[block]);
        if (e != null && e != OsrEntry.Asked)
        {
            var args = stackalloc long[e.Slots.Length + 1];
            for (var k = 0; k < e.Slots.Length; k++) args[k] = r[e.Slots[k]];
            _tierCells->LoopsEntered++;
            // (a throw in compiled code: this frame's place is the loop, without a line)
            _outSrc = r;
            _outOps = c + 4;
            if (e.Exits == null)
            {
                result = CallEntry(e.Entry, args);
                return Returned;
            }
            var outputs = stackalloc long[e.Outputs];
            new Span<long>(outputs, e.Outputs).Clear();
            args[e.Slots.Length] = (long)outputs;
            var exit = e.Exits[(int)CallEntry(e.Entry, args)];
            // as the entry wrapper gives results: an Int sign-extended, a Bool 0 or 1
            for (var k = 0; k < exit.Slots.Length; k++)
                r[exit.Slots[k]] = exit.Types[k] switch
                {
                    Rayzor.Mir.Ir.MirType.I32 => (int)outputs[k],
                    Rayzor.Mir.Ir.MirType.Bool => (byte)outputs[k] != 0 ? 1 : 0,
                    _ => outputs[k],
                };
            return exit.Pc;
        }
        var outer = (f.OuterHeaders ??= Rayzor.Mir.Ir.OsrEntries.OuterHeaders(f.Mir))[block];
        if (e == null && outer >= 0 && EntriesInLoops(f)[outer] is var other and >= 0 && other != block)
        {
            // this loop has an entry (being) compiled at another of its blocks (asked for there,
            // or ahead at its outermost header): the frame enters there, a few back-edges on,
            // rather than asking for a second one here
            f.LoopsLeft = Volatile.Read(ref entries[other]) == OsrEntry.Asked ? OsrPoll : 1;
            return Continue;
        }
        if (e == null && Volatile.Read(ref f.OsrState) == 0)
        {
            if (outer >= 0) EntriesInLoops(f)[outer] = block;
            entries[block] = OsrEntry.Asked;
            f.OsrState = 1;
            _tier.Enqueue(f, block);
            // a function with a hot loop is compiled at its next call (thresholds adapt)
            if (f.TierState == 0 && f.CallsLeft > 1) f.CallsLeft = 1;
        }
        return Continue;
    }

    /// <summary><see cref="Func.EntryInLoop"/>, made on first need (by either thread: one of them wins).</summary>
    internal static int[] EntriesInLoops(Func f)
    {
        if (Volatile.Read(ref f.EntryInLoop) is { } made) return made;
        var none = new int[f.Mir.Blocks.Count];
        Array.Fill(none, -1);
        return Interlocked.CompareExchange(ref f.EntryInLoop, none, null) ?? none;
    }

    /// <summary>Calls of a function whose loops got hot above which it is compiled rather than entered at a loop.</summary>
    private const int ManyCalls = 16;

    /// <summary>The calls a function not queued yet has had (its count runs down from the threshold).</summary>
    internal int CallsSoFar(Func f) => _tierCells->CallThreshold - f.CallsLeft;

    /// <summary>
    /// A Haxe exception ended an interpreted call made by compiled code (through a thunk): the
    /// value stays in the exception slot and compiled code throws it on when the thunk returns.
    /// </summary>
    internal void SetTierPending()
    {
        _tierCells->Pending = 1;
        // compiled code throws it on (rz_throw_prepare): its frames are already recorded
        _traceContinues = true;
    }

    /// <summary>Whether compiled code has an exception to throw on (thunks then return at once).</summary>
    internal bool TierPending => _tierCells->Pending != 0;

    /// <summary>
    /// The address of a symbol of compiled code (ModuleEmitter.Tier.cs): the interpreter's own
    /// objects, so both tiers share one set; 0 when unknown. Called on the compiler thread.
    /// </summary>
    internal nint TierSymbol(string name) => name switch
    {
        "__rz_tier_pending" => (nint)(&_tierCells->Pending),
        "__rz_tier_exception" => (nint)_exception,
        "__rz_stack_limit" => (nint)(&_tierCells->StackLimit),
        "__rz_tier_incompiled" => (nint)(&_tierCells->InCompiled),
        "__rz_tier_codemap" => (nint)(&_tierCells->CodeMap),
        "__rz_tier_codemask" => (nint)(&_tierCells->CodeMask),
        "__rz_tier_hot" => _tierCells->Heat != null ? (nint)(delegate* unmanaged<int*, void>)&OnHot : 0,
        _ when name.StartsWith("tier.heat.", StringComparison.Ordinal) =>
            _tierCells->Heat != null && Image.FindFunction(name[10..]) is { } hot ? (nint)(_tierCells->Heat + hot.Index) : 0,
        _ when name.StartsWith("tier.bridged.", StringComparison.Ordinal) =>
            Image.FindFunction(name[13..]) is { } b && Image.InDispatchTable(b) && Image.TierSymbol("tier.callee." + b.Name) != 0 ? 1 : 0,
        _ when name.StartsWith("tier.cell.", StringComparison.Ordinal) =>
            Image.FindFunction(name[10..]) is { } callee ? (nint)(_tierCells->Code + callee.Index) : 0,
        _ when name.StartsWith("rz.freelist.", StringComparison.Ordinal) =>
            int.TryParse(name.AsSpan(12), out var size) && size is > 0 and <= TierCells.MaxFreeList ? (nint)(_tierCells->FreeLists + size) : 0,
        // the runtime's exports, each ending a Haxe exception it raises as a pending one
        _ when name.StartsWith("rz_", StringComparison.Ordinal) && Natives.TierExports.Find(name) is var export and not 0 => export,
        _ => Image.TierSymbol(name),
    };
}

/// <summary>
/// Cells compiled code reads and writes, in memory Boehm scans: the stack limit, the pending flag,
/// and the heads of the inline allocator's free lists by object size (one set for all compiled
/// code, so a list's cells stay reachable).
/// </summary>
internal unsafe struct TierCells
{
    public const int MaxFreeList = 512;
    public nint StackLimit;
    public int Pending;
    public int InCompiled;
    public nint CodeMap;
    public long CodeMask;
    public long LoopsEntered;

    /// <summary>Per function, its compiled code once there is one (0 before): compiled callers' stubs read it (`tier.cell.F`).</summary>
    public nint* Code;

    /// <summary>The thresholds.</summary>
    public int CallThreshold, LoopThreshold;

    /// <summary>Per function, the calls of its compiled code left before a compile at the higher level (`tier.heat.F`); null when there is none.</summary>
    public int* Heat;
    public fixed long FreeLists[MaxFreeList + 1];
}
