using System.Text;
using System.Text.RegularExpressions;

namespace Rayzor.Fuzz.Diff;

/// One generated program of a batch: its index in the seed's run and its source (a `Main.hx` whose
/// `main` is public).
public sealed record BatchProgram(long Index, string Source);

/// A program the batch found wrong. `Dir` holds what reproduces it: the program alone as Main.hx with
/// report.txt (`Kind` is DiffRunner's), or for a difference that shows only inside a batch ("batch-only")
/// the whole batch.
public sealed record BatchFinding(long Index, DiffMismatch Mismatch, string Dir);

/// Differential testing of many programs in one compilation per way of running them: program k of a batch
/// becomes package `pK` (its own Main, classes and enums, so programs share nothing), and a driver `Batch`
/// runs each `pK.Main.main()` after a marker line, inside a try/catch, so one program's output is told
/// from the next and an exception in one does not hide the others. Outputs are split at the markers and
/// compared per program (DiffRunner.Compare). A program that differs, throws, or was running when a
/// run crashed, timed out or failed to compile is checked alone by DiffRunner: what reproduces alone is
/// reported against the single program; the programs a crash cut off go into a new batch.
public sealed partial class BatchRunner(string compiler, string? haxe, TimeSpan timeout)
{
    private const string Marker = "##batch ";
    private const string Uncaught = "##uncaught ";
    private const string End = "##batch end";

    private readonly DiffRunner _single = new(compiler, haxe, timeout);

    // a batch does many programs' work in one process
    private readonly DiffRunner _batch = new(compiler, haxe, timeout * 4);

    /// How many programs were checked alone (after a suspect batch result), for the statistics.
    public int CheckedAlone { get; private set; }

    /// Checks the programs; `dir` is the batch's work folder (deleted unless `keep` or a batch-only finding
    /// needs it), `aloneDir(i)` the folder for program i checked alone (deleted when it passes, unless `keep`).
    public List<BatchFinding> Check(IReadOnlyList<BatchProgram> programs, string dir, Func<long, string> aloneDir, bool keep = false)
    {
        // the executables are started by their path: relative to the working folder they would not be found
        dir = Path.GetFullPath(dir);
        var findings = new List<BatchFinding>();
        var pending = programs.ToList();
        var keepBatch = keep;
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            if (attempt >= 4)
            {
                // a batch that keeps failing: the rest one by one
                foreach (var p in pending) Alone(p, null, findings, aloneDir, keep);
                break;
            }
            var runDir = Path.Combine(dir, "run" + attempt);
            Write(runDir, pending);
            var runs = RunAll(runDir);
            pending = Examine(pending, runs, runDir, findings, aloneDir, keep, ref keepBatch);
        }
        if (!keepBatch && Directory.Exists(dir)) Directory.Delete(dir, true);
        return findings;
    }

    // Compares one batch's runs program by program; returns the programs still to run (cut off by a crash or
    // a compile error).
    private List<BatchProgram> Examine(List<BatchProgram> programs, List<RunResult> runs, string runDir, List<BatchFinding> findings,
                                       Func<long, string> aloneDir, bool keep, ref bool keepBatch)
    {
        // a run that printed no first marker did not compile (or died before any program ran)
        var failedToStart = runs.Where(r => !r.Stdout.StartsWith(Marker + "0\n", StringComparison.Ordinal)).ToList();
        if (failedToStart.Count > 0)
        {
            var named = new HashSet<int>();
            foreach (var r in failedToStart)
                foreach (Match m in PackagePath().Matches(r.Stdout + r.Stderr))
                    if (int.TryParse(m.Groups[1].Value, out var k) && k < programs.Count) named.Add(k);
            if (named.Count == 0)
            {
                // nothing to blame: every program alone
                foreach (var p in programs) Alone(p, null, findings, aloneDir, keep);
                return [];
            }
            foreach (var k in named.Order())
                if (!Alone(programs[k], failedToStart[0], findings, aloneDir, keep))
                {
                    findings.Add(new BatchFinding(programs[k].Index, new DiffMismatch("batch-only",
                        $"the batch did not compile because of this program, which compiles alone: {failedToStart[0]}: {DiffRunner.FirstLines(failedToStart[0].Stderr + failedToStart[0].Stdout, 10)}",
                        failedToStart), runDir));
                    keepBatch = true;
                }
            return programs.Where((_, k) => !named.Contains(k)).ToList();
        }

        var sections = runs.Select(r => Split(r.Stdout, programs.Count)).ToList();
        // where each run that did not end cleanly stopped: the program then running is to blame, the rest was cut off
        var cutAt = programs.Count;
        var blamed = new HashSet<int>();
        for (var m = 0; m < runs.Count; m++)
        {
            var r = runs[m];
            if (!r.TimedOut && r.ExitCode == 0 && r.Stderr.Length == 0 && sections[m].Ended) continue;
            blamed.Add(sections[m].Last);
            cutAt = Math.Min(cutAt, sections[m].Last + 1);
        }
        for (var k = 0; k < cutAt; k++)
        {
            var perProgram = runs.Select((r, m) => new RunResult(r.Mode, 0, sections[m].Text[k] ?? "", "", false)).ToList();
            var suspect = blamed.Contains(k) || perProgram.Any(r => r.Stdout.Contains(Uncaught, StringComparison.Ordinal))
                || DiffRunner.Compare(perProgram, haxe != null) != null;
            if (!suspect) continue;
            if (Alone(programs[k], null, findings, aloneDir, keep)) continue;
            // differs in the batch, not alone: kept with the whole batch
            var why = blamed.Contains(k)
                ? "a run of the batch stopped in this program: " + string.Join("; ", runs.Where((r, m) => sections[m].Last == k && (r.TimedOut || r.ExitCode != 0 || r.Stderr.Length > 0 || !sections[m].Ended)).Select(r => $"{r}: {DiffRunner.FirstLines(r.Stderr, 5)}"))
                : DiffRunner.Compare(perProgram, haxe != null)?.Detail ?? "an uncaught exception in the batch";
            findings.Add(new BatchFinding(programs[k].Index, new DiffMismatch("batch-only", $"batch position {k}: {why}", perProgram), runDir));
            keepBatch = true;
        }
        return programs.Skip(cutAt).ToList();
    }

    // Checks one program alone; true (and a finding) when it fails there too.
    private bool Alone(BatchProgram p, RunResult? context, List<BatchFinding> findings, Func<long, string> aloneDir, bool keep)
    {
        CheckedAlone++;
        var dir = aloneDir(p.Index);
        var mismatch = _single.Check(p.Source, dir);
        if (mismatch == null)
        {
            if (!keep) Directory.Delete(dir, true);
            return false;
        }
        File.WriteAllText(Path.Combine(dir, "report.txt"), DiffRunner.Report(mismatch));
        findings.Add(new BatchFinding(p.Index, mismatch, dir));
        return true;
    }

    // The batch's files: pK/Main.hx for program k and the driver Batch.hx.
    private static void Write(string dir, IReadOnlyList<BatchProgram> programs)
    {
        Directory.CreateDirectory(dir);
        var driver = new StringBuilder("// generated by tests/Rayzor.Fuzz (BatchRunner): runs each program after a marker line\n");
        driver.Append("class Batch {\n  static function main() {\n");
        for (var k = 0; k < programs.Count; k++)
        {
            Directory.CreateDirectory(Path.Combine(dir, "p" + k));
            File.WriteAllText(Path.Combine(dir, "p" + k, "Main.hx"), $"package p{k};\n" + programs[k].Source);
            driver.Append($"    Sys.println(\"{Marker}{k}\");\n");
            driver.Append($"    try p{k}.Main.main() catch (e:Dynamic) Sys.println(\"{Uncaught}\" + Std.string(e));\n");
        }
        driver.Append($"    Sys.println(\"{End}\");\n  }}\n}}\n");
        File.WriteAllText(Path.Combine(dir, "Batch.hx"), driver.ToString());
    }

    // Haxe, the interpreter and the two native builds, the four at once (each is one process, mostly).
    private List<RunResult> RunAll(string dir)
    {
        var jobs = new List<Func<RunResult>>();
        if (haxe != null) jobs.Add(() => _batch.Exec("haxe", haxe, ["-main", "Batch", "--interp"], dir));
        jobs.Add(() => _batch.Exec("interp", compiler, ["run", "--interp", "Batch.hx"], dir));
        foreach (var opt in new[] { "-O0", "-O3" })
            jobs.Add(() =>
            {
                var exe = Path.Combine(dir, "a" + opt);
                // no object cache: a batch's classes never recur, the cache would only grow
                var build = _batch.Exec("build " + opt, compiler, ["build", "Batch.hx", opt, "--no-cache", "-o", exe], dir);
                if (build.TimedOut || build.ExitCode != 0) return build with { Stdout = build.Stdout + build.Stderr };
                var run = _batch.Exec("native " + opt, exe, [], dir);
                File.Delete(exe);
                return run;
            });
        var tasks = jobs.Select(j => Task.Run(j)).ToArray();
        Task.WaitAll(tasks);
        return tasks.Select(t => t.Result).ToList();
    }

    private sealed record Sections(string?[] Text, int Last, bool Ended);

    // The output of each program (null when its marker never came), the last program that started, and
    // whether the end marker came.
    private static Sections Split(string stdout, int count)
    {
        var text = new string?[count];
        var current = -1;
        var ended = false;
        var sb = new StringBuilder();
        var lines = stdout.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith(Marker, StringComparison.Ordinal))
            {
                if (current >= 0) text[current] = sb.ToString();
                sb.Clear();
                current = -1;
                if (line == End)
                {
                    ended = true;
                    break;
                }
                if (int.TryParse(line.AsSpan(Marker.Length), out var k) && k >= 0 && k < count) current = k;
                continue;
            }
            // the piece after the last newline is a line without its end ("" when the output ended with one)
            if (current >= 0) sb.Append(line).Append(i < lines.Length - 1 ? "\n" : "");
        }
        if (current >= 0) text[current] = sb.ToString();
        var last = Array.FindLastIndex(text, t => t != null);
        return new Sections(text, Math.Max(0, last), ended);
    }

    [GeneratedRegex(@"\bp(\d+)/Main\.hx")]
    private static partial Regex PackagePath();
}
