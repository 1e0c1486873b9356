using System.Diagnostics;
using System.Globalization;
using Rayzor.Fuzz;
using Rayzor.Fuzz.Diff;

// toolchain/fuzz [--count N] [--seed S] [--from I] [--corpus PATH]... [--out DIR] [--time-limit-ms T]
//                [--no-deep] [--only NAME-PART] [--verbose]
// Runs the deep inputs, then N mutations of the corpus (default: the installed Haxe std). Before each input
// its bytes go to OUT/last-input.hx, so even a crash that kills the process leaves the input behind; each
// failure is saved as OUT/failure-S-I.hx with a .txt beside it. Exit status 1 when anything failed.
// --typer also types each input (and lowers it to MIR when it types); the std files are parsed once for all
// inputs (ParsedModules), --no-parse-cache parses them for each.
// toolchain/fuzz --diff [--count N] [--seed S] [--from I] [--batch B] [--minutes M] [--rayzor PATH] [--no-haxe] [--keep]
// Differential testing instead: N generated programs, each run with `rayzor run --interp`, as native -O0 and
// -O3 executables and with `haxe --interp`; mismatches are kept in OUT/diff-S-I/ (Main.hx and report.txt).

var count = 10_000L;
var seed = Environment.TickCount & 0x7FFFFFFF;
var from = 0L;
var corpusRoots = new List<string>();
var outDir = Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "fuzz");
var limit = TimeSpan.FromSeconds(10);
var deep = true;
var verbose = false;
string? only = null;
var diff = false;
var typer = false;
var useHaxe = true;
var keep = false;
var batch = 1;
var shareParses = true;
var budget = TimeSpan.MaxValue;
string? rayzor = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--count": count = long.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--from": from = long.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--corpus": corpusRoots.Add(Value()); break;
        case "--out": outDir = Path.GetFullPath(Value()); break;
        case "--time-limit-ms": limit = TimeSpan.FromMilliseconds(double.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--no-deep": deep = false; break;
        case "--only": only = Value(); break;
        case "--verbose": verbose = true; break;
        case "--diff": diff = true; break;
        case "--typer": typer = true; break;
        case "--rayzor": rayzor = Path.GetFullPath(Value()); break;
        case "--no-haxe": useHaxe = false; break;
        case "--keep": keep = true; break;
        case "--no-parse-cache": shareParses = false; break;
        case "--batch": batch = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--minutes": budget = TimeSpan.FromMinutes(double.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "-h" or "--help":
            Console.WriteLine("usage: fuzz [--count N] [--seed S] [--from I] [--corpus PATH]... [--out DIR] [--time-limit-ms T] [--no-deep] [--only NAME-PART] [--verbose] [--typer] [--no-parse-cache] [--minutes M]\n" +
                              "       fuzz --diff [--count N] [--seed S] [--from I] [--batch B] [--minutes M] [--out DIR] [--rayzor PATH] [--no-haxe] [--keep] [--verbose]");
            return 0;
        default:
            Console.Error.WriteLine($"fuzz: unknown argument {args[i]}");
            return 2;
    }
}
var sw = Stopwatch.StartNew();
if (diff)
{
    Directory.CreateDirectory(outDir);
    var compiler = rayzor ?? Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "rayzor", "rayzor");
    var haxe = useHaxe ? DiffCampaign.FindHaxe() : null;
    // a build on a busy machine takes long: the default limit is for a hang, not for a slow build
    var diffLimit = limit < TimeSpan.FromSeconds(120) ? TimeSpan.FromSeconds(120) : limit;
    var runner = new DiffRunner(compiler, haxe, diffLimit);
    if (batch > 1)
        return DiffCampaign.RunBatched(new BatchRunner(compiler, haxe, diffLimit), haxe != null, seed, from, count, batch, budget, outDir, keep, verbose);
    var found = new Dictionary<string, int>();
    var clock = Stopwatch.StartNew();
    Console.WriteLine($"diff seed {seed}: {count} programs from #{from} (interp, native -O0, -O3{(haxe != null ? ", haxe --interp" : "")})");
    for (var i = from; i < from + count; i++)
    {
        var dir = Path.Combine(outDir, $"diff-{seed}-{i}");
        var started = clock.Elapsed;
        var mismatch = runner.Check(DiffCampaign.Program(seed, i), dir);
        if (verbose) Console.WriteLine($"{(clock.Elapsed - started).TotalMilliseconds,8:F0} ms  #{i}");
        if ((i - from + 1) % 10 == 0)
            Console.WriteLine($"  {i - from + 1} programs, {found.Values.Sum() + (mismatch != null ? 1 : 0)} mismatches, {clock.Elapsed.TotalSeconds:F0} s");
        if (mismatch == null)
        {
            if (!keep) Directory.Delete(dir, true);
            continue;
        }
        found[mismatch.Kind] = found.GetValueOrDefault(mismatch.Kind) + 1;
        File.WriteAllText(Path.Combine(dir, "report.txt"), DiffRunner.Report(mismatch));
        Console.WriteLine($"MISMATCH {mismatch.Kind}: seed {seed} #{i} -> {dir}");
        Console.WriteLine("  " + mismatch.Detail.Split('\n')[0]);
    }
    var total = found.Values.Sum();
    Console.WriteLine($"diff: {count} programs (seed {seed}, from #{from}) in {clock.Elapsed.TotalSeconds:F1} s: {total} mismatches" +
                      (total == 0 ? "" : " (" + string.Join(", ", found.Select(p => $"{p.Value} {p.Key}")) + ")"));
    return total == 0 ? 0 : 1;
}

if (typer)
{
    Directory.CreateDirectory(outDir);
    var typerCorpus = corpusRoots.Count > 0 ? Campaign.LoadCorpus(corpusRoots) : TyperCampaign.DefaultCorpus();
    var typerCampaign = new TyperCampaign(typerCorpus, seed);
    using var typerCheck = new TyperCheck(limit < TimeSpan.FromSeconds(5) ? limit : TimeSpan.FromSeconds(5), shareParses: shareParses);
    var typerFailures = 0;
    var typerLast = Path.Combine(outDir, "last-typer-input.hx");
    Console.WriteLine($"typer seed {seed}: {count} inputs from #{from} ({typerCorpus.Count} corpus files and generated programs)");
    var typed = 0L;
    for (var i = from; i < from + count && sw.Elapsed < budget; i++, typed++)
    {
        var input = typerCampaign.Input(i);
        File.WriteAllBytes(typerLast, input.Input.Bytes);
        var failure = typerCheck.Run(input);
        if (failure != null)
        {
            typerFailures++;
            var file = Path.Combine(outDir, $"typer-failure-{seed}-{i}-{input.MainClass}.hx");
            File.WriteAllBytes(file, input.Input.Bytes);
            File.WriteAllText(Path.ChangeExtension(file, ".txt"), failure + "\n");
            Console.WriteLine($"FAIL {failure.Kind}: {input.Input.Name} -> {file}");
            Console.WriteLine("  " + failure.Detail.Split('\n')[0]);
        }
        if ((i - from + 1) % 500 == 0)
            Console.WriteLine($"  {i - from + 1} inputs, {typerFailures} failures, {sw.Elapsed.TotalSeconds:F0} s");
    }
    Console.WriteLine($"fuzz --typer: {typed} inputs (seed {seed}, #{from}..#{from + typed - 1}) in {sw.Elapsed.TotalSeconds:F1} s: {typerFailures} failures; " +
                      $"{typerCheck.Lowered} typed cleanly and were lowered; slowest {typerCheck.Slowest.TotalMilliseconds:F0} ms ({typerCheck.SlowestName}); " +
                      $"digest {typerCheck.Digest:x16}, {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s CPU");
    return typerFailures == 0 ? 0 : 1;
}

if (corpusRoots.Count == 0) corpusRoots.Add(Environment.GetEnvironmentVariable("HAXE_STD_PATH") ?? "/usr/share/haxe/std");

Directory.CreateDirectory(outDir);
var lastInput = Path.Combine(outDir, "last-input.hx");
var check = new FrontEndCheck(limit);
var failures = 0;

void Run(FuzzInput input, string id)
{
    if (only != null && !input.Name.Contains(only, StringComparison.Ordinal)) return;
    File.WriteAllBytes(lastInput, input.Bytes);
    var failure = check.Run(input);
    if (verbose) Console.WriteLine($"{check.Last.TotalMilliseconds,8:F0} ms  {input.Name}");
    if (failure is null) return;
    failures++;
    var file = Path.Combine(outDir, $"failure-{id}.hx");
    File.WriteAllBytes(file, input.Bytes);
    File.WriteAllText(Path.ChangeExtension(file, ".txt"), failure + "\n");
    Console.WriteLine($"FAIL {failure.Kind}: {input.Name} -> {file}");
    Console.WriteLine("  " + failure.Detail.Split('\n')[0]);
}

if (deep)
{
    foreach (var input in DeepInputs.All()) Run(input, "deep-" + input.Name);
    Console.WriteLine($"deep inputs done in {sw.Elapsed.TotalSeconds:F1} s, {failures} failures");
}

var corpus = Campaign.LoadCorpus(corpusRoots);
if (corpus.Count == 0)
{
    Console.Error.WriteLine("fuzz: no .hx files in " + string.Join(", ", corpusRoots));
    return 2;
}
var campaign = new Campaign(corpus, seed);
Console.WriteLine($"seed {seed}: {count} mutations of {corpus.Count} files from #{from}");
for (var i = from; i < from + count; i++)
{
    Run(campaign.Input(i), $"{seed}-{i}");
    if ((i - from + 1) % 1000 == 0)
        Console.WriteLine($"  {i - from + 1} inputs, {failures} failures, {sw.Elapsed.TotalSeconds:F0} s");
}
Console.WriteLine($"fuzz: {count} mutations (seed {seed}) and {(deep ? "the" : "no")} deep inputs in {sw.Elapsed.TotalSeconds:F1} s: " +
                  $"{failures} failures; slowest input {check.Slowest.TotalMilliseconds:F0} ms ({check.SlowestName})");
return failures == 0 ? 0 : 1;
