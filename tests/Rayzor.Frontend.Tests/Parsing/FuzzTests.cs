using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;
using Rayzor.Fuzz;
using Xunit.Abstractions;

namespace Rayzor.Frontend.Tests.Parsing;

/// Fuzz safety: the lexer, preprocessor and parser never throw, never overflow the stack and stay within a
/// time bound, on generated 100k-deep and very long inputs and on a fixed, seeded batch of mutations of the
/// standard library (the fuzzer is tests/Rayzor.Fuzz; `toolchain/fuzz --count N --seed S` runs it longer).
public class FuzzTests(ITestOutputHelper output)
{
    private const string StdPath = "/usr/share/haxe/std";

    // Generous: a slow, loaded machine needs seconds for a megabyte; an accidental quadratic needs minutes.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public void DeepAndLongInputsAreHandled()
    {
        var check = new FrontEndCheck(TimeLimit);
        var sw = Stopwatch.StartNew();
        var failures = new List<string>();
        var count = 0;
        foreach (var input in DeepInputs.All())
        {
            count++;
            if (check.Run(input) is { } failure) failures.Add(failure.ToString());
        }
        output.WriteLine($"{count} deep inputs in {sw.Elapsed.TotalSeconds:F1} s; slowest {check.Slowest.TotalMilliseconds:F0} ms ({check.SlowestName})");
        Assert.Empty(failures);
    }

    [Fact]
    public void MutationsOfTheStandardLibraryAreHandled()
    {
        if (!Directory.Exists(StdPath))
        {
            output.WriteLine($"{StdPath} not found; skipped");
            return;
        }
        const int seed = 1;
        const int count = 5000;
        var campaign = new Campaign(Campaign.LoadCorpus([StdPath]), seed);
        var check = new FrontEndCheck(TimeLimit);
        var sw = Stopwatch.StartNew();
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
            if (check.Run(campaign.Input(i)) is { } failure) failures.Add(failure.ToString());
        output.WriteLine($"{count} mutations (seed {seed}) in {sw.Elapsed.TotalSeconds:F1} s; slowest {check.Slowest.TotalMilliseconds:F0} ms ({check.SlowestName})");
        Assert.Empty(failures);
    }

    // Inputs that once crashed or hung the front end, with the diagnostics they must give now:
    // stack overflows in Haxe's make_meta/make_unop/make_binop rotations over a 100k-long chain, in the
    // recursive scan of nested interpolations, in `?T`/`...T` types and in `#if` conditions; a quadratic
    // look-ahead for `T:(A, B)` constraint lists.
    [Theory]
    [InlineData("expr-meta-on-chain", "")]
    [InlineData("expr-minus-meta-on-chain", "")]
    [InlineData("expr-product-meta-on-chain", "")]
    [InlineData("expr-interpolations", "Expression nested too deeply")]
    [InlineData("type-optionals", "Expression nested too deeply")]
    [InlineData("type-rests", "Expression nested too deeply")]
    [InlineData("cond-parens", "Expression nested too deeply")]
    [InlineData("cond-nots", "Expression nested too deeply")]
    [InlineData("cond-ors", "Expression nested too deeply")]
    [InlineData("decl-unclosed-constraints", "Unexpected class*9999|Expected )")]
    public void InputsThatOnceCrashed(string name, string expected)
    {
        var input = DeepInputs.All().Single(i => i.Name == name);
        Assert.Null(new FrontEndCheck(TimeLimit).Run(input));
        var sources = new SourceManager();
        var bag = new DiagnosticBag();
        Parser.ParseModule(sources.Add(name + ".hx", input.Bytes), Defines.CreateDefault(), bag);
        IEnumerable<string> want = expected.Length == 0 ? [] : expected.Split('|').SelectMany(e =>
            e.Split('*') is [var m, var n] ? Enumerable.Repeat(m, int.Parse(n)) : [e]);
        Assert.Equal(want, bag.Items.Select(d => d.Message));
    }
}
