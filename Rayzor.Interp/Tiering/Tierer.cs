using System.Collections.Concurrent;
using Rayzor.Interp.Execution;

namespace Rayzor.Interp.Tiering;

/// <summary>
/// The background compiler of a tiered run: hot functions queued by the interpreter thread are
/// compiled in batches on a thread of its own (all that is queued when it wakes), and each
/// compiled function's entry is published in its <see cref="Func"/>: new calls take the native
/// code, frames already running in the interpreter finish there.
/// </summary>
internal sealed unsafe class Tierer
{
    /// <summary>Functions compiled in one module at most (a bound on one batch's latency).</summary>
    private const int MaxBatch = 64;

    /// <summary>Functions compiled ahead in one module at most.</summary>
    private const int AheadBatch = 4;

    private readonly Interpreter _interp;
    private readonly TierOptions _options;
    /// <summary>What is queued: a function (<c>Header</c> -1) or the entry at one loop header of a running frame.</summary>
    private readonly BlockingCollection<(Func F, int Header)> _queue = new();
    private readonly TierStats _stats = new();
    /// <summary>The compiler threads' shared bookkeeping (stats, what to compile ahead, publishing code): taken briefly, never while compiling.</summary>
    private readonly Lock _gate = new();
    private readonly List<Thread> _threads = [];
    private readonly System.Diagnostics.Stopwatch _since = System.Diagnostics.Stopwatch.StartNew();

    public Tierer(Interpreter interp, TierOptions options)
    {
        _interp = interp;
        _options = options;
    }

    /// <summary>
    /// Queues a hot function (interpreter thread), or with a <paramref name="header"/> ≥ 0 the
    /// entry at that loop header for the frame running it.
    /// </summary>
    public void Enqueue(Func f, int header = -1)
    {
        Interlocked.Increment(ref _waiting);
        _queue.Add((f, header));
        if (_options.Synchronous)
            while (Volatile.Read(ref _waiting) != 0) Thread.Sleep(1);
    }

    /// <summary>Queued items not finished yet.</summary>
    private int _waiting;

    /// <summary>Compiled functions whose code was called <see cref="TierOptions.HotCalls"/> times, for the higher tier.</summary>
    private readonly ConcurrentQueue<Func> _hot = new();
    private readonly HashSet<Func> _hotAsked = [];

    /// <summary>
    /// A compiled function's code took its call count to zero (program thread, from compiled
    /// code): it is compiled again at the higher tier when a compiler thread has nothing else to
    /// do. The program does not wait for it, but in a synchronous run (tests: the calls after this
    /// one run the new code).
    /// </summary>
    public void EnqueueHot(Func f)
    {
        lock (_gate)
            if (!_hotAsked.Add(f)) return;
        if (_options.Synchronous) Interlocked.Increment(ref _waiting);
        _hot.Enqueue(f);
        _queue.Add((null!, WakeHeader)); // (wakes a thread waiting for requests)
        if (_options.Synchronous)
            while (Volatile.Read(ref _waiting) != 0) Thread.Sleep(1);
    }

    /// <summary>A queue item that only wakes a compiler thread (<see cref="EnqueueHot"/>).</summary>
    private const int WakeHeader = -3;

    /// <summary>
    /// One compiler thread with its compiler (each its own JIT and LLVM contexts). The first takes
    /// what the program asks for first and compiles ahead when nothing is queued; the others
    /// compile ahead from the start (the functions and loops the program is likely to run next)
    /// and take requests the first one has no time for.
    /// </summary>
    private sealed class Worker(int index)
    {
        public readonly int Index = index;
        public ITierBackend? Backend;

        /// <summary>The higher tier's compiler (<see cref="TierOptions.CreateHotBackend"/>), made on first need.</summary>
        public ITierBackend? HotBackend;

        /// <summary>Whether a batch landed since this thread last waited for requests (once after each).</summary>
        public bool Landed;
    }

    /// <summary>Whether to wait <see cref="TierOptions.AheadGrace"/> for a request now (once after each landing; not in synchronous runs, nor once the run ended).</summary>
    private bool WaitAfterLanding(Worker w)
    {
        if (!w.Landed || _options.Synchronous || _queue.IsAddingCompleted) return false;
        w.Landed = false;
        return true;
    }

    private ITierBackend BackendOf(Worker w) => w.Backend ??= _options.CreateBackend(_interp.TierSymbol);

    /// <summary>
    /// The program starts: the compiler threads, loading libLLVM since the host started them, go
    /// on to make their JITs (the first one then warms up while nothing is queued), then take what
    /// is queued. A synchronous run (tests) compiles on one thread only.
    /// </summary>
    public void Start()
    {
        // (background threads: a program that ends with `Sys.exit` does not wait for a compile)
        var threads = _options.Synchronous ? [_options.CompilerThread] : new[] { _options.CompilerThread }.Concat(_options.MoreCompilerThreads).ToList();
        for (var k = 0; k < threads.Count; k++)
        {
            var w = new Worker(k);
            _threads.Add(threads[k].Thread);
            threads[k].Run(() => Work(w));
        }
        if (Environment.GetEnvironmentVariable("RAYZOR_TIER_GC_STRESS") == "1") StartGcStress();
    }

    /// <summary>
    /// `RAYZOR_TIER_GC_STRESS=1` (tests): .NET's collector runs every millisecond while the program
    /// runs, as the compiler thread's allocations make it run at any moment; it walks the Haxe
    /// thread's stack from its last transition frame, which must never be a dead one.
    /// </summary>
    private static void StartGcStress() =>
        new Thread(() =>
        {
            while (true)
            {
                GC.Collect();
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "rayzor tier gc stress" }.Start();

    /// <summary>The run ended: when asked for a report, lets the current batches finish and reports (else the host ends the process at once).</summary>
    public void Stop()
    {
        _queue.CompleteAdding();
        if (_options.Report == null) return;
        foreach (var t in _threads) t.Join();
        foreach (var f in _interp.Image.Functions)
            if (f.Code != null && f.TierState != 2) _stats.Interpreted++;
        _stats.CallsIntoCompiled = _interp.CompiledCalls;
        _stats.LoopsEntered = _interp.LoopsEntered;
        _options.Report?.Invoke(_stats);
    }

    private void Work(Worker w)
    {
        if (w.Index == 0) Prepare(w);
        var batch = new List<(Func F, int Header)>();
        while (true)
        {
            if (!_queue.TryTake(out var first) && !(WaitAfterLanding(w) && _queue.TryTake(out first, _options.AheadGrace)))
            {
                // nothing queued: a function the program is likely to call next, compiled ahead
                // (not when each compile is waited for: tests then know which frames enter loops)
                if (!_queue.IsAddingCompleted && NextAheadLoop() is { } loop)
                {
                    CompileLoop(w, loop.F, loop.Header, ahead: true);
                    continue;
                }
                // (the first thread only once something was asked for: the program's first hot loop is soon)
                if ((_stats.Batches > 0 || w.Index > 0) && !_options.Synchronous && !_queue.IsAddingCompleted && NextAhead() is { } ahead)
                {
                    // a few at once: each module has a fixed cost (~7 ms), and a request waits for one batch at most
                    var more = new List<Func> { ahead };
                    // (one at a time on the other threads: they run beside the first, and what they compile lands sooner)
                    while (w.Index == 0 && more.Count < AheadBatch && _queue.Count == 0 && NextAhead() is { } next) more.Add(next);
                    Compile(w, more, "ahead: ");
                    continue;
                }
                // then the higher tier, one function a module
                if (!_queue.IsAddingCompleted && _hot.TryDequeue(out var hot))
                {
                    CompileHot(w, hot);
                    continue;
                }
                try
                {
                    first = _queue.Take();
                }
                catch (InvalidOperationException)
                {
                    break; // the run ended
                }
            }
            batch.Clear();
            if (first.Header != WakeHeader) batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var more))
                if (more.Header != WakeHeader) batch.Add(more);
            if (batch.Count == 0) continue;
            // loops first: a frame is waiting in them
            foreach (var (f, h) in batch.Where(x => x.Header >= 0)) CompileLoop(w, f, h);
            Compile(w, batch.Where(x => x.Header < 0).Select(x => x.F).ToList());
            Interlocked.Add(ref _waiting, -batch.Count);
        }
    }

    /// <summary>
    /// Compiles <paramref name="f"/> again at the higher tier, in a JIT of its own (its names are
    /// the lower tier's too), and installs it: new calls from the interpreter and through cells
    /// (vtables, closures, calls between batches) take the new code; a caller compiled in the same
    /// module as the old code keeps calling that.
    /// </summary>
    private void CompileHot(Worker w, Func f)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var backend = w.HotBackend ??= _options.CreateHotBackend!(_interp.TierSymbol);
            var entries = backend.Compile([f.Name]);
            lock (_gate)
            {
                Publish(entries);
                _stats.Recompiled++;
                _stats.Timeline.Add((_since.Elapsed, clock.Elapsed, $"O3: {string.Join(", ", entries.Keys)} ({backend.LastPhases}){ThreadOf(w)}"));
            }
        }
        catch (Exception e)
        {
            // (the lower tier's code stays)
            Failed($"{f.Name} (O3): {e.Message}");
        }
        finally
        {
            Ended(w, clock.Elapsed);
            if (_options.Synchronous) Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Makes the first thread's JIT, then, while nothing is queued yet, pays the first compile's one-time costs.</summary>
    private void Prepare(Worker w)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!BackendOf(w).Prepare()) return;
        Note((_since.Elapsed, clock.Elapsed, "(LLVM started)"));
        if (_queue.Count == 0)
        {
            clock.Restart();
            if (w.Backend!.WarmUp()) Note((_since.Elapsed, clock.Elapsed, "(warmed up)"));
        }
    }

    private void Note((TimeSpan, TimeSpan, string) item)
    {
        lock (_gate) _stats.Timeline.Add(item);
    }

    private void Failed(string what)
    {
        lock (_gate) _stats.Failures.Add(what);
    }

    /// <summary>A batch ended (landed or failed), after <paramref name="took"/> on <paramref name="w"/>'s thread.</summary>
    private void Ended(Worker w, TimeSpan took)
    {
        lock (_gate)
        {
            _stats.Batches++;
            _stats.CompileTime += took;
        }
        w.Landed = true;
    }

    /// <summary>
    /// The on-stack-replacement entry at one loop header of <paramref name="f"/> (Rayzor.Mir's
    /// OsrEntries): a function of the module compiled on its own (a frame is waiting in that loop,
    /// or, <paramref name="ahead"/>, will be) and published by header block. It runs the loop nest
    /// and gives the frame back to the interpreter after it (a loop's entry), or, when that cannot
    /// be made, the rest of the function.
    /// </summary>
    private void CompileLoop(Worker w, Func f, int header, bool ahead = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // the loop only, the frame going on in the interpreter after it; else the rest of the function
            var loop = Rayzor.Mir.Ir.OsrEntries.Loop(f.Mir, header);
            var exits = loop != null ? Exits(f, loop) : null;
            if (exits == null) loop = Rayzor.Mir.Ir.OsrEntries.At(f.Mir, header);
            if (loop == null || f.Slots.Length == 0)
            {
                Failed($"{f.Name} (loop at block {header}): not enterable");
                return;
            }
            var module = _interp.Image.Module;
            // (the other compiler threads read the module's functions while they emit)
            lock (module.Gate)
                if (module.Find(loop.Function.Name) == null) module.Functions.Add(loop.Function);
            var backend = BackendOf(w);
            var entries = backend.Compile([loop.Function.Name]);
            var slots = f.Mir.Blocks[header].Params.Concat(loop.Inputs).Select(v => f.Slots[v.Index]).ToArray();
            lock (_gate)
            {
                _interp.AddLoopCode(f, entries[loop.Function.Name].Code);
                Volatile.Write(ref f.Osr![header], new OsrEntry(entries[loop.Function.Name].Entry, slots, exits));
                Publish(entries.Where(e => e.Key != loop.Function.Name));
                NoteCallees(loop.Function);
                _stats.LoopEntries++;
                if (exits != null) _stats.LoopsAlone++;
                _stats.Timeline.Add((_since.Elapsed, clock.Elapsed, $"{(ahead ? "ahead: " : "")}{string.Join(", ", entries.Keys)} ({backend.LastPhases}){ThreadOf(w)}"));
                // the frame goes on after this loop: its next loops' entries, compiled while nothing is queued
                if (exits != null && !ahead && !_options.Synchronous)
                    foreach (var h in Rayzor.Mir.Ir.OsrEntries.NextLoops(f.Mir, header))
                        if (Interlocked.CompareExchange(ref f.Osr![h], OsrEntry.Asked, null) == null)
                        {
                            Interpreter.EntriesInLoops(f)[h] = h;
                            _aheadLoops.Enqueue((f, h));
                        }
            }
        }
        catch (Exception e)
        {
            Failed($"{f.Name} (loop at block {header}): {e.Message}");
        }
        finally
        {
            if (!ahead) Volatile.Write(ref f.OsrState, 0);
            Ended(w, clock.Elapsed);
        }
    }

    /// <summary>Which thread compiled a batch, in `--stats` timelines when there are several.</summary>
    private string ThreadOf(Worker w) => _threads.Count > 1 ? $" [thread {w.Index}]" : "";

    /// <summary>Where the frame goes on after a loop's entry, or null when a value written there has no slot of its own.</summary>
    private static OsrExit[]? Exits(Func f, Rayzor.Mir.Ir.OsrEntry loop)
    {
        var exits = new OsrExit[loop.Exits!.Count];
        for (var k = 0; k < exits.Length; k++)
        {
            var x = loop.Exits[k];
            var slots = x.Values.Select(v => f.Slots[v.Index]).ToArray();
            if (slots.Any(s => s < 0) || f.BlockPcs[x.Block] < 0) return null;
            exits[k] = new OsrExit(f.BlockPcs[x.Block], slots, [.. x.Values.Select(f.Mir.TypeOf)]);
        }
        return exits;
    }

    /// <summary>Installs compiled functions (under <see cref="_gate"/>).</summary>
    private void Publish(IEnumerable<KeyValuePair<string, (nint Entry, nint Code, nint Bridge)>> entries)
    {
        foreach (var (name, (entry, code, bridge)) in entries)
        {
            var f = _interp.Image.FindFunction(name)!;
            if (bridge != 0) _interp.Image.SetBridge(f, bridge);
            // compiled callers' stubs call the code from now on, the interpreter the wrapper
            _interp.SetTierCode(f, code);
            _interp.AddCompiledCode(f, code);
            Volatile.Write(ref f.Entry, entry);
            if (f.TierState != 2) _stats.Compiled++;
            f.TierState = 2;
        }
    }

    /// <summary>
    /// Functions compiled code calls that are not compiled (every implementation of its virtual
    /// and interface calls, the functions it makes closures of; not its direct callees: small ones
    /// are compiled into it, and others are often on error paths — a hot one gets hot on its own),
    /// compiled ahead before the program's next phases: dispatch's `runOps` loop, entered
    /// compiled while calling `AddOp.apply` only, called the four other `apply` methods through the
    /// interpreter in its next phase while the compiler was busy with `runShapes` and `runFuns`.
    /// </summary>
    private readonly Queue<Func> _calledFromCompiled = new();

    /// <summary>Notes what <paramref name="f"/>, just compiled, calls that is not compiled (<see cref="_calledFromCompiled"/>; under <see cref="_gate"/>).</summary>
    private void NoteCallees(Rayzor.Mir.Ir.MirFunction f)
    {
        if (_options.Synchronous) return;
        var image = _interp.Image;
        foreach (var i in f.Blocks.SelectMany(b => b.Insts))
        {
            IEnumerable<string> callees = i.Op switch
            {
                Rayzor.Mir.Ir.Opcode.Closure => [i.Sym!],
                Rayzor.Mir.Ir.Opcode.VCall or Rayzor.Mir.Ir.Opcode.ICall => Implementations(i),
                _ => [],
            };
            foreach (var name in callees)
                if (image.FindFunction(name) is { TierState: 0 } callee && !_calledFromCompiled.Contains(callee))
                    _calledFromCompiled.Enqueue(callee);
        }
    }

    /// <summary>Loop entries to compile ahead: the next loops of frames that left a compiled loop.</summary>
    private readonly Queue<(Func F, int Header)> _aheadLoops = new();

    /// <summary>What is left to compile ahead (<see cref="AheadCandidates"/>), made on first need.</summary>
    private Queue<Func>? _ahead;

    /// <summary>A loop entry to compile ahead, or null.</summary>
    private (Func F, int Header)? NextAheadLoop()
    {
        lock (_gate) return _aheadLoops.TryDequeue(out var loop) ? loop : null;
    }

    private Func? NextAhead()
    {
        lock (_gate) return NextAheadLocked();
    }

    private Func? NextAheadLocked()
    {
        // first what compiled code calls: it runs hot, and each call of it goes to the interpreter
        while (_calledFromCompiled.TryDequeue(out var c))
            if (Interlocked.CompareExchange(ref c.TierState, 1, 0) == 0) return c;
        _ahead ??= new Queue<Func>(AheadCandidates());
        while (_ahead.TryDequeue(out var f))
            // (one called already is running, done, or gets hot on its own: its frame needs a loop entry, not this)
            if (f.TierState == 0 && _interp.CallsSoFar(f) == 0 && Interlocked.CompareExchange(ref f.TierState, 1, 0) == 0) return f;
        return null;
    }

    /// <summary>
    /// The functions the program's `main` calls, then those they call, that have loops, then the
    /// methods they call through interfaces and vtables (every class's) and the functions they make
    /// closures of: a program's phases and what they call back, which a compiler thread with
    /// nothing queued compiles before the program gets to them (dispatch's `runShapes`, `runFuns`,
    /// the `apply` methods and its closures' functions were each interpreted until hot, then
    /// waited for). The entry and `main` themselves are left out: they run once, already started.
    /// </summary>
    private IEnumerable<Func> AheadCandidates()
    {
        var image = _interp.Image;
        var seen = new HashSet<Func>();
        var closures = new List<Func>();
        var dispatched = new List<Func>();
        var level = new List<Func>();
        if (image.FindFunction(image.Module.EntryFunction) is { } entry) level.Add(entry);
        for (var depth = 0; depth <= 3 && level.Count > 0; depth++)
        {
            var next = new List<Func>();
            foreach (var f in level)
            {
                if (!seen.Add(f)) continue;
                if (depth >= 2 && Rayzor.Mir.Ir.OsrEntries.Headers(f.Mir).Count > 0) yield return f;
                foreach (var i in f.Mir.Blocks.SelectMany(b => b.Insts))
                    if (i.Op is Rayzor.Mir.Ir.Opcode.Call or Rayzor.Mir.Ir.Opcode.Closure && image.FindFunction(i.Sym!) is { } callee && !seen.Contains(callee))
                        (i.Op == Rayzor.Mir.Ir.Opcode.Call ? next : closures).Add(callee);
                    else if (depth >= 2 && i.Op is Rayzor.Mir.Ir.Opcode.VCall or Rayzor.Mir.Ir.Opcode.ICall)
                        dispatched.AddRange(Implementations(i).Select(image.FindFunction).OfType<Func>());
            }
            level = next;
        }
        foreach (var f in dispatched.Concat(closures).Distinct())
            yield return f;
    }

    /// <summary>The methods a `vcall` or an `icall` may reach (the module's class hierarchy, made on first need; compiler thread).</summary>
    private IEnumerable<string> Implementations(Rayzor.Mir.Ir.Instruction call) =>
        (_hierarchy ??= new Rayzor.Mir.Passes.Devirt.ClassHierarchy(_interp.Image.Module)).Reachable(call);

    private Rayzor.Mir.Passes.Devirt.ClassHierarchy? _hierarchy;

    private void Compile(Worker w, List<Func> batch, string label = "")
    {
        batch.RemoveAll(f => f.TierState == 2); // compiled meanwhile as another function's callee
        if (batch.Count == 0) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var backend = BackendOf(w);
            var entries = backend.Compile(batch.Select(f => f.Name).ToList());
            // (with the batch, callees it needs compiled: see TierCompiler)
            lock (_gate)
            {
                Publish(entries);
                foreach (var name in entries.Keys) NoteCallees(_interp.Image.FindFunction(name)!.Mir);
                _stats.Timeline.Add((_since.Elapsed, clock.Elapsed, $"{label}{string.Join(", ", entries.Keys)} ({backend.LastPhases}){ThreadOf(w)}"));
            }
        }
        catch (TierCompileException e) when (batch.Count > 1 && !e.Final)
        {
            // one function the compiler cannot take must not keep the others interpreted
            lock (_gate) _stats.CompileTime += clock.Elapsed;
            foreach (var f in batch) Compile(w, [f]);
            return;
        }
        catch (Exception e)
        {
            foreach (var f in batch) f.TierState = 3;
            lock (_gate)
            {
                _stats.Failed += batch.Count;
                _stats.Failures.Add($"{string.Join(", ", batch.Select(f => f.Name))}: {e.Message}");
            }
        }
        Ended(w, clock.Elapsed);
    }
}
