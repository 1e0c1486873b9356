using System.Diagnostics;
using System.Globalization;
using Rayzor.Fuzz;

// toolchain/fuzz [--count N] [--seed S] [--from I] [--corpus PATH]... [--out DIR] [--time-limit-ms T]
//                [--no-deep] [--only NAME-PART] [--verbose]
// Runs the deep inputs, then N mutations of the corpus (default: the installed Haxe std). Before each input
// its bytes go to OUT/last-input.hx, so even a crash that kills the process leaves the input behind; each
// failure is saved as OUT/failure-S-I.hx with a .txt beside it. Exit status 1 when anything failed.

var count = 10_000L;
var seed = Environment.TickCount & 0x7FFFFFFF;
var from = 0L;
var corpusRoots = new List<string>();
var outDir = Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "fuzz");
var limit = TimeSpan.FromSeconds(10);
var deep = true;
var verbose = false;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--count": count = long.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--from": from = long.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--corpus": corpusRoots.Add(Value()); break;
        case "--out": outDir = Value(); break;
        case "--time-limit-ms": limit = TimeSpan.FromMilliseconds(double.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--no-deep": deep = false; break;
        case "--only": only = Value(); break;
        case "--verbose": verbose = true; break;
        case "-h" or "--help":
            Console.WriteLine("usage: fuzz [--count N] [--seed S] [--from I] [--corpus PATH]... [--out DIR] [--time-limit-ms T] [--no-deep] [--only NAME-PART] [--verbose]");
            return 0;
        default:
            Console.Error.WriteLine($"fuzz: unknown argument {args[i]}");
            return 2;
    }
}
if (corpusRoots.Count == 0) corpusRoots.Add(Environment.GetEnvironmentVariable("HAXE_STD_PATH") ?? "/usr/share/haxe/std");

Directory.CreateDirectory(outDir);
var lastInput = Path.Combine(outDir, "last-input.hx");
var check = new FrontEndCheck(limit);
var failures = 0;
var sw = Stopwatch.StartNew();

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
