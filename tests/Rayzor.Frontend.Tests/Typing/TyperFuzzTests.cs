using Rayzor.Fuzz;
using Xunit.Abstractions;

namespace Rayzor.Frontend.Tests.Typing;

/// Typer fuzzing, a bounded run: mutations of the e2e and conformance programs and generated programs go
/// through parsing, typing and (when they type) lowering with no exception, no invalid MIR and no input over
/// the time limit (`toolchain/fuzz --typer --count N --seed S` runs it longer).
public class TyperFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedAndGeneratedProgramsAreTyped()
    {
        const int seed = 1;
        const int count = 250;
        var campaign = new TyperCampaign(TyperCampaign.DefaultCorpus(), seed);
        // generous for a loaded machine; an input that hangs takes forever
        using var check = new TyperCheck(TimeSpan.FromSeconds(30));
        var failures = new List<string>();
        for (var i = 0; i < count; i++)
            if (check.Run(campaign.Input(i)) is { } failure) failures.Add(failure.ToString());
        output.WriteLine($"{count} inputs (seed {seed}): {check.Lowered} lowered; slowest {check.Slowest.TotalMilliseconds:F0} ms ({check.SlowestName})");
        Assert.Empty(failures);
    }
}
