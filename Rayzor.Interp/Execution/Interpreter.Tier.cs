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

    /// <summary>True while compiled code is the innermost Haxe code running (not an interpreted frame).</summary>
    internal bool InCompiled;

    /// <summary>Calls the interpreter made into compiled code (`--stats`).</summary>
    internal long CompiledCalls;

    private void StartTiering(TierOptions options)
    {
        _tier = new Tierer(this, options);
        Image.Tiered = true;
        foreach (var f in _funcs) (f.CallsLeft, f.LoopsLeft) = (options.CallThreshold, options.LoopThreshold);
    }

    /// <summary>A function's call count ran out: queue it for compilation (once).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Hot(Func f)
    {
        f.CallsLeft = int.MaxValue;
        if (_tier == null || f.TierState != 0) return;
        f.TierState = 1;
        _tier.Enqueue(f, osr: false);
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
        return CallEntry(f.Entry, args);
    }

    private long CallEntry(nint entry, long* args)
    {
        long result = 0;
        CompiledCalls++;
        var was = InCompiled;
        InCompiled = true;
        var status = ((delegate* unmanaged<long*, long*, int>)entry)(args, &result);
        InCompiled = was;
        if (status != 0) throw Throw(Traps.Value);
        if (_tierCells->Pending != 0)
        {
            _tierCells->Pending = 0;
            throw Throw(*_exception);
        }
        if (Pending != null) RaisePending();
        return result;
    }

    /// <summary>Back-edges between two looks for an on-stack-replacement entry once a function's loops are hot.</summary>
    private const int OsrPoll = 256;

    /// <summary>
    /// A function's back-edge count ran out at a jump to <paramref name="block"/>: asks for the
    /// function and for entries into its loops (once); when the entry for this loop is ready, the
    /// rest of this frame runs there (on-stack replacement) and its result is the frame's.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private bool LoopTick(Func f, int block, long* r, out long result)
    {
        result = 0;
        if (_tier == null)
        {
            f.LoopsLeft = int.MaxValue;
            return false;
        }
        f.LoopsLeft = OsrPoll;
        if (f.OsrState == 0)
        {
            f.OsrState = 1;
            _tier.Enqueue(f, osr: true);
        }
        if (Volatile.Read(ref f.Osr) is not { } entries) return false;
        // a frame with traps keeps its handlers' state here: it stays interpreted
        if (f.TrapCount != 0 || !entries.Any(x => x != null))
        {
            f.LoopsLeft = int.MaxValue;
            return false;
        }
        // the entries are for the loops that can be entered (outer ones): every back-edge looks
        // until the frame reaches one (an inner loop's iterations pay one call each meanwhile)
        f.LoopsLeft = 1;
        if (entries[block] is not { } e) return false;
        var args = stackalloc long[e.Slots.Length + 1];
        for (var k = 0; k < e.Slots.Length; k++) args[k] = r[e.Slots[k]];
        result = CallEntry(e.Entry, args);
        return true;
    }

    /// <summary>
    /// A Haxe exception ended an interpreted call made by compiled code (through a thunk): the
    /// value stays in the exception slot and compiled code throws it on when the thunk returns.
    /// </summary>
    internal void SetTierPending() => _tierCells->Pending = 1;

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
        _ when name.StartsWith("rz.freelist.", StringComparison.Ordinal) =>
            int.TryParse(name.AsSpan(12), out var size) && size is > 0 and <= TierCells.MaxFreeList ? (nint)(_tierCells->FreeLists + size) : 0,
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
    public fixed long FreeLists[MaxFreeList + 1];
}
