namespace Rayzor.Interp.Tiering;

/// <summary>
/// A thread started before its work is known, waiting for it. A tiered run starts its two threads
/// (the interpreter's, the compiler's) before anything else: glibc's dlopen holds the lock that
/// pthread_create takes for all of loading libLLVM (~20 ms), which the compiler's thread then does
/// while the front end runs; a thread created during that load would wait for it.
/// </summary>
public sealed class StandbyThread
{
    private readonly SemaphoreSlim _go = new(0);
    private Action? _work;

    /// <summary>Starts the thread; it runs <paramref name="first"/>, then waits for <see cref="Run"/>.</summary>
    public StandbyThread(string name, int stackSize, Action? first = null)
    {
        Thread = new Thread(() =>
        {
            first?.Invoke();
            _go.Wait();
            _work!();
        }, stackSize) { IsBackground = true, Name = name };
        Thread.Start();
    }

    public Thread Thread { get; }

    /// <summary>Gives the thread its work (once).</summary>
    public void Run(Action work)
    {
        if (Interlocked.Exchange(ref _work, work) != null) throw new InvalidOperationException("a standby thread runs one piece of work");
        _go.Release();
    }
}
