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
    private readonly BlockingCollection<(Func F, bool Osr)> _queue = new();
    private readonly TierStats _stats = new();
    private ITierBackend? _backend;
    private Thread? _thread;

    public Tierer(Interpreter interp, TierOptions options)
    {
        _interp = interp;
        _options = options;
    }

    /// <summary>
    /// Queues a hot function (interpreter thread), with <paramref name="osr"/> also entries into its
    /// loops for the frame running them; starts the compiler thread on first use.
    /// </summary>
    public void Enqueue(Func f, bool osr)
    {
        if (_thread == null)
        {
            // a background thread: a program that ends with `Sys.exit` does not wait for a compile
            _thread = new Thread(Work) { IsBackground = true, Name = "rayzor tier compiler" };
            _thread.Start();
        }
        _queue.Add((f, osr));
    }

    /// <summary>The run ended: lets the current batch finish, then reports.</summary>
    public void Stop()
    {
        _queue.CompleteAdding();
        _thread?.Join();
        foreach (var f in _interp.Image.Functions)
            if (f.Code != null && f.TierState != 2) _stats.Interpreted++;
        _stats.CallsIntoCompiled = _interp.CompiledCalls;
        _options.Report?.Invoke(_stats);
    }

    private void Work()
    {
        var batch = new List<(Func F, bool Osr)>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var more)) batch.Add(more);
            // loops first: a frame is waiting in them
            foreach (var (f, _) in batch.Where(x => x.Osr)) CompileLoops(f);
            Compile(batch.Where(x => !x.Osr).Select(x => x.F).ToList());
        }
    }

    /// <summary>
    /// On-stack-replacement entries of <paramref name="f"/>'s loops (Rayzor.Mir's OsrEntries): each
    /// a function of the module compiled like the others, published by header block; the function
    /// itself is compiled too when it is not yet.
    /// </summary>
    private void CompileLoops(Func f)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var table = new OsrEntry?[f.Mir.Blocks.Count];
        try
        {
            var loops = Rayzor.Mir.Ir.OsrEntries.Build(f.Mir);
            if (loops.Count == 0 || f.Slots.Length == 0)
            {
                _stats.Failures.Add($"{f.Name} (loops): no loop header can be entered");
                return;
            }
            var module = _interp.Image.Module;
            foreach (var l in loops)
                if (module.Find(l.Function.Name) == null) module.Functions.Add(l.Function);
            _backend ??= _options.CreateBackend(_interp.TierSymbol);
            var names = loops.Select(l => l.Function.Name).ToList();
            if (f.TierState is 0 or 1) names.Add(f.Name);
            var entries = _backend.Compile(names);
            foreach (var l in loops)
                table[l.Header] = new OsrEntry(entries[l.Function.Name], [.. f.Mir.Blocks[l.Header].Params.Concat(l.Inputs).Select(v => f.Slots[v.Index])]);
            Publish(entries.Where(e => !e.Key.Contains(".$osr", StringComparison.Ordinal)));
            _stats.LoopEntries += loops.Count;
        }
        catch (Exception e)
        {
            _stats.Failures.Add($"{f.Name} (loops): {e.Message}");
        }
        finally
        {
            Volatile.Write(ref f.Osr, table);
            f.OsrState = 2;
            _stats.Batches++;
            _stats.CompileTime += clock.Elapsed;
        }
    }

    private void Publish(IEnumerable<KeyValuePair<string, nint>> entries)
    {
        foreach (var (name, entry) in entries)
        {
            var f = _interp.Image.FindFunction(name)!;
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
