using System.Diagnostics;

namespace Rayzor.Fuzz.Diff;

public static partial class DiffCampaign
{
    /// `toolchain/fuzz --diff --batch B`: the programs from #from in batches of B (BatchRunner); each finding
    /// is one program, kept in OUT/diff-S-I/ (or, when it differs only inside its batch, OUT/batch-S-FIRST/).
    /// Stops after the batch that ends past `budget` (the summary then counts the programs checked). Exit status 1
    /// when anything was found.
    public static int RunBatched(BatchRunner runner, bool withHaxe, int seed, long from, long count, int batch, TimeSpan budget, string outDir, bool keep, bool verbose)
    {
        var found = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var done = 0L;
        var nextReport = 100L;
        Console.WriteLine($"diff seed {seed}: {count} programs from #{from} in batches of {batch} (interp, native -O0, -O3{(withHaxe ? ", haxe --interp" : "")})");
        for (var first = from; first < from + count && clock.Elapsed < budget; first += batch)
        {
            var n = (int)Math.Min(batch, from + count - first);
            var programs = new List<BatchProgram>(n);
            for (var i = first; i < first + n; i++) programs.Add(new BatchProgram(i, Program(seed, i)));
            var started = clock.Elapsed;
            var findings = runner.Check(programs, Path.Combine(outDir, $"batch-{seed}-{first}"), i => Path.Combine(outDir, $"diff-{seed}-{i}"), keep);
            done += n;
            if (verbose) Console.WriteLine($"{(clock.Elapsed - started).TotalMilliseconds,8:F0} ms  #{first}..#{first + n - 1}");
            foreach (var f in findings)
            {
                found[f.Mismatch.Kind] = found.GetValueOrDefault(f.Mismatch.Kind) + 1;
                Console.WriteLine($"MISMATCH {f.Mismatch.Kind}: seed {seed} #{f.Index} -> {f.Dir}");
                Console.WriteLine("  " + f.Mismatch.Detail.Split('\n')[0]);
            }
            if (done >= nextReport || first + n >= from + count || clock.Elapsed >= budget)
            {
                Console.WriteLine($"  {done} programs, {found.Values.Sum()} mismatches, {runner.CheckedAlone} checked alone, {clock.Elapsed.TotalSeconds:F0} s");
                nextReport = (done / 1000 + 1) * 1000;
            }
        }
        var total = found.Values.Sum();
        Console.WriteLine($"diff: {done} programs (seed {seed}, #{from}..#{from + done - 1}, batches of {batch}) in {clock.Elapsed.TotalSeconds:F1} s: {total} mismatches" +
                          (total == 0 ? "" : " (" + string.Join(", ", found.Select(p => $"{p.Value} {p.Key}")) + ")") + $"; {runner.CheckedAlone} programs checked alone");
        return total == 0 ? 0 : 1;
    }
}
