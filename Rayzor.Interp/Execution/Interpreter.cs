using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Rayzor.Interp.Loading;
using Rayzor.Interp.Natives;
using Rayzor.Interp.Tiering;
using Rayzor.Mir.Ir;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Bytes;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Dynamic;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Interp.Execution;

/// <summary>
/// Runs a MIR module in this process (`rayzor run --interp`), over the runtime's own code and
/// object layout. A frame is one 64-bit slot per SSA value, allocated on the native stack (which
/// the collector scans); calls recurse on the C# stack; a Haxe `throw` is a .NET exception
/// (<see cref="HaxeThrow"/>) caught by the frame whose innermost trap is open.
/// </summary>
public sealed unsafe partial class Interpreter
{
    internal static Interpreter? Current { get; private set; }

    internal Image Image { get; }

    /// <summary>An exception raised while native code had called into the interpreter (see Thunk).</summary>
    internal ExceptionDispatchInfo? Pending;

    // the value being thrown or handled, where the collector sees it
    private readonly void** _exception;
    private readonly HString* _nullAccess;
    private readonly Func[] _funcs;

    // operands 0, 1, 2, ...: arguments already gathered in an array (native entries, closures)
    private readonly int* _identity;

    private Interpreter(Image image)
    {
        Image = image;
        _funcs = image.Functions;
        _exception = (void**)BoehmRoots.Allocate(8);
        _nullAccess = HString.Permanent("Null access");
        var most = Math.Max(2, image.Functions.Max(f => f.Mir.ParamTypes.Count));
        _identity = Identity(most);
        _closureIdentity = Identity(most);
        _outOps = _identity;
        _trace = (nint*)NativeMemory.Alloc((nuint)(sizeof(nint) * MaxTraceFrames));
        _tierCells = (TierCells*)BoehmRoots.Allocate((nuint)sizeof(TierCells));
    }

    /// <summary>
    /// Loads <paramref name="module"/>, runs its entry function (static initializers, then main)
    /// and flushes stdout; returns the exit code. `Sys.exit` and an uncaught exception end the
    /// process from the runtime, as in a native program.
    /// </summary>
    public static int Run(MirModule module, string programName, IReadOnlyList<string> args, TierOptions? tiering = null)
    {
        if (Current != null) throw new InvalidOperationException("one interpreted program per process");
        NativeLibraries.Register();
        var image = new Image(module);
        StartCollector();
        image.Load(programName, args);
        var interp = new Interpreter(image);
        Current = interp;
        if (tiering != null) interp.StartTiering(tiering);
        Traps.ThrowHook = &RuntimeThrow;
        StackTrace.PrintHook = &PrintUncaught;
        Traps.PrepareHook = &ThrowPrepared;
        CallStack.CaptureHook = &CaptureStack;
        CallStack.ResolveHook = &ResolveStack;
        var entry = image.FindFunction(module.EntryFunction) ?? throw new InterpreterException($"no entry function @{module.EntryFunction}");
        // a thread of its own: an interpreted call takes a few hundred bytes of native stack, so the
        // main thread's 8 MB would allow far less recursion than a native program has
        ExceptionDispatchInfo? error = null;
        void Body()
        {
            try
            {
                HostThreads.RegisterCurrent();
                interp.SetStackLimit(StackSize);
                long* top = stackalloc long[2];
                interp.Execute(entry, top + 2);
            }
            catch (HaxeThrow)
            {
                interp.KeepUncaught();
                // (the report may run interpreted code, a toString: no link leads below this frame)
                interp._outSrc = null;
                interp._outOps = interp._identity;
                Traps.Uncaught(*interp._exception);
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                Output.Flush();
            }
        }
        if (tiering != null)
        {
            tiering.InterpreterThread.Run(Body);
            tiering.InterpreterThread.Thread.Join();
        }
        else
        {
            var thread = new Thread(Body, StackSize);
            thread.Start();
            thread.Join();
        }
        interp._tier?.Stop();
        error?.Throw();
        return 0;
    }

    /// <summary>The interpreter thread's stack: reserved, committed by the OS as it is used.</summary>
    private const int StackSize = 1 << 30;

    /// <summary>
    /// Starts the thread a later <see cref="Run"/> runs the program on
    /// (<see cref="TierOptions.InterpreterThread"/>). The collector starts first, on the calling
    /// thread (the one that calls <see cref="Run"/>): Boehm's marker threads start when a host
    /// allows registering threads.
    /// </summary>
    public static StandbyThread ReserveThread()
    {
        StartCollector();
        return new("rayzor interpreter", StackSize);
    }

    /// <summary>
    /// Starts Boehm on the calling thread (the host's main thread for the collector) with a native
    /// program's policy (set before it starts; stress mode overrides it) and allows other threads
    /// to register, which starts its marker threads. A second call does nothing more.
    /// </summary>
    private static void StartCollector()
    {
        Heap.SetMinBytesBetweenCollections(Heap.DefaultBytesBetweenCollections);
        Heap.Initialize();
        HostThreads.AllowRegistration();
    }

    /// <summary>
    /// A throw raised inside the runtime (null access): becomes the interpreter's exception. Under
    /// compiled code it ends at the export's wrapper (Natives/TierExports.cs), which leaves it
    /// pending for the compiled caller: a longjmp from here would skip managed frames.
    /// </summary>
    private static void RuntimeThrow(void* value)
    {
        var interp = Current!;
        throw interp.Throw(value, interp._outSrc, interp._outOps);
    }

    /// <summary>`Null access` at instruction <paramref name="at"/> of frame <paramref name="r"/>.</summary>
    private HaxeThrow NullAccess(long* r, int* at) => Throw(_nullAccess, r, at + 4);

    // the lowest address frames may use: the main thread's stack limit less a margin for the runtime's own frames
    private nint _stackLimit;

    /// <summary>Too deep a recursion: a Haxe exception, `"Stack overflow"` (HashLink's message), instead of a crash.</summary>
    private HaxeThrow StackOverflow(long* src, int* ops) => Throw(HString.Permanent("Stack overflow"), src, ops);

    /// <summary>Sets the lowest address frames may use, measured from a frame near the top of this thread's stack.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetStackLimit(long size)
    {
        var here = stackalloc byte[1];
        _stackTop = (nint)here;
        _stackLimit = (nint)here - (nint)size + 1024 * 1024;
        _tierCells->StackLimit = _stackLimit;
    }

    /// <summary>Calls <paramref name="f"/> with its arguments in 64-bit slots; returns its result the same way.</summary>
    /// <paramref name="args"/> has two slots before it, for the link of the interpreted code that left for native code.
    internal long Execute(Func f, long* args)
    {
        var src = _outSrc;
        var ops = _outOps;
        args[-2] = (long)src;
        args[-1] = (long)ops;
        try
        {
            return Call(f, args, _identity);
        }
        finally
        {
            // the native code that called this goes on (and may throw, or enter again)
            _outSrc = src;
            _outOps = ops;
        }
    }

    /// <summary>Calls <paramref name="f"/> with argument k read from <c>src[ops[k]]</c> (a caller's frame and its call's operands).</summary>
    private long Call(Func f, long* src, int* ops)
    {
        if (f.Entry != 0) return RunCompiled(f, src, ops);
        if (f.Code == null) Decoder.Decode(Image, f);
        return f.TrapCount == 0 ? Run(f, src, ops, null, 0, null) : RunTrapping(f, src, ops);
    }

    /// <summary>
    /// A function with `tryenter`: its frame lives here, and a Haxe exception raised while one of its
    /// traps is open resumes the dispatch loop at that trap's handler.
    /// </summary>
    [SkipLocalsInit]
    private long RunTrapping(Func f, long* src, int* ops)
    {
        long* r = stackalloc long[f.FrameSize + FrameHeader];
        r += FrameHeader;
        Enter(f, r, src, ops);
        // traps[0] is the depth, traps[1..] the handlers' code offsets
        var traps = stackalloc int[f.TrapCount + 1];
        traps[0] = 0;
        var pc = 0;
        while (true)
        {
            try
            {
                return Run(f, null, null, r, pc, traps);
            }
            catch (HaxeThrow) when (traps[0] > 0)
            {
                pc = traps[traps[0]--];
            }
        }
    }

    /// <summary>The slots before a frame: the link to its caller (Interpreter.Trace.cs).</summary>
    private const int FrameHeader = 2;

    /// <summary>A new frame: its link, the arguments in the first slots, then the constants.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enter(Func f, long* r, long* src, int* ops)
    {
        if ((nint)r < _stackLimit) throw StackOverflow(src, ops);
        r[-2] = (long)src;
        r[-1] = (long)ops;
        if (--f.CallsLeft == 0) Hot(f);
        var n = f.ParamCount;
        for (var k = 0; k < n; k++) r[k] = src[ops[k]];
        var constants = f.Constants;
        var rc = r + n;
        for (var k = 0; k < f.ConstantCount; k++) rc[k] = constants[k];
        if (f.ZeroesFrame) new Span<long>(rc + f.ConstantCount, f.FrameSize - n - f.ConstantCount).Clear();
    }

    private void RaisePending()
    {
        var p = Pending!;
        Pending = null;
        p.Throw();
    }

    private Func Resolve(CallSite site, nint code)
    {
        var target = Image.FunctionAt(code);
        site.Code = code;
        site.Target = target;
        return target;
    }
}

/// <summary>A Haxe `throw` in flight; the value is in the interpreter's exception slot (visible to the collector).</summary>
internal sealed class HaxeThrow : Exception;
