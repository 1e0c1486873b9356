using Rayzor.Mir.Ir;
using Rayzor.Mir.Text;

namespace Rayzor.Mir.Tests;

/// A property read or written through an interface that declares no accessor
/// (`var area(get, never):Float`) is an itable call of an accessor method the interface gets
/// (Typer.Properties.cs, InterfaceAccessor), not a call by name.
public class InterfacePropertyTests
{
    [Fact]
    public void InterfacePropertiesAreItableCalls()
    {
        var mir = TextRoundTripTests.Lower(Path.Combine(TextRoundTripTests.Root, "tests", "e2e", "programs", "InterfaceProperties.hx"));
        Assert.NotNull(mir);
        var main = MirPrinter.Print(mir!.Functions.Single(f => f.Name == "InterfaceProperties.main"));
        var icalls = main.Split('\n').Where(l => l.Contains(" icall.", StringComparison.Ordinal)).ToList();
        // the loop's area and name reads, the write and the two reads after it, the sub-interface's
        // area read and describe(), the generic interface's item
        Assert.True(icalls.Count >= 8, main);
        Assert.Contains(icalls, l => l.Contains("icall.f64 @Shape", StringComparison.Ordinal));
        Assert.Contains(icalls, l => l.Contains("@Box", StringComparison.Ordinal));
        Assert.DoesNotContain("rz_dyn_", main); // (the by-name path: a member looked up at run time)
    }
}
