using System.Diagnostics;
using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// A pass left the MIR invalid (found when verifying after each pass).
public sealed class PassVerificationException(string pass, IReadOnlyList<string> errors)
    : Exception($"invalid MIR after pass {pass}:\n" + string.Join('\n', errors.Take(20).Select(e => "  " + e)))
{
    public string Pass { get; } = pass;
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// Runs a list of passes over a module: optionally verifies after each, times each, and can stop
/// after a named one (`rayzor dump --after PASS`).
public sealed class PassManager
{
    /// Run the verifier after every pass (`--verify-mir`, tests); throws PassVerificationException.
    public bool VerifyEach { get; init; }

    /// Stop after the first run of this pass (null: run them all).
    public string? StopAfter { get; init; }

    /// Each run of a pass in order: its name, milliseconds, and whether it changed the module.
    public List<(string Pass, double Ms, bool Changed)> Runs { get; } = [];

    /// Runs the passes in order; false when <see cref="StopAfter"/> named none of them.
    public bool Run(MirModule module, IEnumerable<IPass> passes)
    {
        foreach (var p in passes)
        {
            var sw = Stopwatch.StartNew();
            var changed = p.Run(module);
            Runs.Add((p.Name, sw.Elapsed.TotalMilliseconds, changed));
            if (VerifyEach)
            {
                var errors = Verifier.Verify(module);
                if (errors.Count > 0) throw new PassVerificationException(p.Name, errors);
            }
            if (p.Name == StopAfter) return true;
        }
        return StopAfter == null;
    }

    /// The time of each pass, summed over its runs, in the order of first run.
    public IEnumerable<(string Pass, double Ms)> TimesByPass() =>
        Runs.GroupBy(r => r.Pass).Select(g => (g.Key, g.Sum(r => r.Ms)));
}
