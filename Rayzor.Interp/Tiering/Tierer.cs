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

    private readonly Interpreter _interp;
    private readonly TierOptions _options;
    /// <summary>What is queued: a function (<c>Header</c> -1) or the entry at one loop header of a running frame.</summary>
    private readonly BlockingCollection<(Func F, int Header)> _queue = new();
    private readonly TierStats _stats = new();
    private ITierBackend? _backend;
    private Thread? _thread;
    private readonly System.Diagnostics.Stopwatch _since = System.Diagnostics.Stopwatch.StartNew();

    public Tierer(Interpreter interp, TierOptions options)
    {
        _interp = interp;
        _options = options;
    }

    /// <summary>
    /// Queues a hot function (interpreter thread), or with a <paramref name="header"/> ≥ 0 the
    /// entry at that loop header for the frame running it; starts the compiler thread on first use.
    /// </summary>
    public void Enqueue(Func f, int header = -1)
    {
        StartThread();
        Interlocked.Increment(ref _waiting);
        _queue.Add((f, header));
        if (_options.Synchronous)
            while (Volatile.Read(ref _waiting) != 0) Thread.Sleep(1);
    }

    /// <summary>Queued items not finished yet.</summary>
    private int _waiting;

    /// <summary>Something is getting warm: the compiler thread starts LLVM (once) before anything is queued.</summary>
    public void Warm()
    {
        if (_thread != null) return;
        StartThread();
        _queue.Add((null!, -2));
    }

    private void StartThread()
    {
        if (_thread != null) return;
        // a background thread: a program that ends with `Sys.exit` does not wait for a compile
        _thread = new Thread(Work) { IsBackground = true, Name = "rayzor tier compiler" };
        _thread.Start();
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

    /// <summary>The run ended: lets the current batch finish, then reports.</summary>
    public void Stop()
    {
        _queue.CompleteAdding();
        _thread?.Join();
        foreach (var f in _interp.Image.Functions)
            if (f.Code != null && f.TierState != 2) _stats.Interpreted++;
        _stats.CallsIntoCompiled = _interp.CompiledCalls;
        _stats.LoopsEntered = _interp.LoopsEntered;
        _options.Report?.Invoke(_stats);
    }

    private void Work()
    {
        var batch = new List<(Func F, int Header)>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            if (first.Header == -2)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                (_backend ??= _options.CreateBackend(_interp.TierSymbol)).Prepare();
                _stats.Timeline.Add((_since.Elapsed, clock.Elapsed, "(LLVM started)"));
                continue;
            }
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var more)) batch.Add(more);
            // loops first: a frame is waiting in them
            foreach (var (f, h) in batch.Where(x => x.Header >= 0)) CompileLoop(f, h);
            Compile(batch.Where(x => x.Header < 0).Select(x => x.F).ToList());
            Interlocked.Add(ref _waiting, -batch.Count);
        }
    }

    /// <summary>
    /// The on-stack-replacement entry at one loop header of <paramref name="f"/> (Rayzor.Mir's
    /// OsrEntries): a function of the module compiled on its own (a frame is waiting in that loop)
    /// and published by header block. Only the loop that got hot: an entry runs the rest of the
    /// function, so one entry is as large as the function.
    /// </summary>
    private void CompileLoop(Func f, int header)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var loop = Rayzor.Mir.Ir.OsrEntries.At(f.Mir, header);
            if (loop == null || f.Slots.Length == 0)
            {
                _stats.Failures.Add($"{f.Name} (loop at block {header}): not enterable");
                return;
            }
            var module = _interp.Image.Module;
            if (module.Find(loop.Function.Name) == null) module.Functions.Add(loop.Function);
            _backend ??= _options.CreateBackend(_interp.TierSymbol);
            var entries = _backend.Compile([loop.Function.Name]);
            var slots = f.Mir.Blocks[header].Params.Concat(loop.Inputs).Select(v => f.Slots[v.Index]).ToArray();
            Volatile.Write(ref f.Osr![header], new OsrEntry(entries[loop.Function.Name].Entry, slots));
            Publish(entries.Where(e => e.Key != loop.Function.Name));
            _stats.LoopEntries++;
            _stats.Timeline.Add((_since.Elapsed, clock.Elapsed, string.Join(", ", entries.Keys)));
        }
        catch (Exception e)
        {
            _stats.Failures.Add($"{f.Name} (loop at block {header}): {e.Message}");
        }
        finally
        {
            Volatile.Write(ref f.OsrState, 0);
            _stats.Batches++;
            _stats.CompileTime += clock.Elapsed;
        }
    }

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

    private void Compile(List<Func> batch)
    {
        batch.RemoveAll(f => f.TierState == 2); // compiled meanwhile as another function's callee
        if (batch.Count == 0) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            _backend ??= _options.CreateBackend(_interp.TierSymbol);
            var entries = _backend.Compile(batch.Select(f => f.Name).ToList());
            // (with the batch, callees it needs compiled: see TierCompiler)
            Publish(entries);
            _stats.Timeline.Add((_since.Elapsed, clock.Elapsed, string.Join(", ", entries.Keys)));
        }
        catch (TierCompileException e) when (batch.Count > 1 && !e.Final)
        {
            // one function the compiler cannot take must not keep the others interpreted
            _stats.CompileTime += clock.Elapsed;
            foreach (var f in batch) Compile([f]);
            return;
        }
        catch (Exception e)
        {
            foreach (var f in batch) f.TierState = 3;
            _stats.Failed += batch.Count;
            _stats.Failures.Add($"{string.Join(", ", batch.Select(f => f.Name))}: {e.Message}");
        }
        finally
        {
            _stats.Batches++;
        }
        _stats.CompileTime += clock.Elapsed;
    }
}
