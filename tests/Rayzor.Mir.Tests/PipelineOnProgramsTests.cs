using Rayzor.Mir.Ir;
using Rayzor.Mir.Passes;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

/// The -O3 pipeline on the MIR of every conformance and e2e program, verified after each pass;
/// its result still prints and parses back. (Whether it still computes the same thing is the
/// end-to-end differential test's job: Rayzor.EndToEnd.Tests/OptimizerDifferentialTests.)
public class PipelineOnProgramsTests
{
    public static TheoryData<string> Programs() => TextRoundTripTests.Programs();

    [Theory]
    [MemberData(nameof(Programs))]
    public void O3PipelineKeepsTheMirValid(string mainFile)
    {
        var mir = TextRoundTripTests.Lower(mainFile);
        if (mir == null) return; // does not compile yet
        new PassManager { VerifyEach = true }.Run(mir, PassRegistry.CreateAll(PassRegistry.Pipeline(3)));
        var text = MirPrinter.Print(mir);
        Assert.Equal(text, MirPrinter.Print(MirParser.ParseModule(text)));
    }
}
