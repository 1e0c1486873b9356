namespace Rayzor.Sdk.Tests;

/// The driver's `--diagnostics msbuild` lines and its own failures, read back into diagnostics.
public class CompilerOutputTests
{
    [Fact]
    public void PositionedError()
    {
        var d = CompilerOutput.Parse("src/greet/Greeter.hx(11,3,11,19): error RZ0200: String should be Int");
        Assert.Equal(new CompilerDiagnostic("src/greet/Greeter.hx", 11, 3, 11, 19, false, "RZ0200", "String should be Int"), d);
    }

    [Fact]
    public void PositionedWarningWithoutEnd()
    {
        var d = CompilerOutput.Parse("/abs/path (x)/Main.hx(2,5): warning RZ0300: unused variable");
        Assert.Equal(new CompilerDiagnostic("/abs/path (x)/Main.hx", 2, 5, 0, 0, true, "RZ0300", "unused variable"), d);
    }

    [Fact]
    public void ErrorWithoutPosition()
    {
        var d = CompilerOutput.Parse("rayzor : error RZ0100: Type not found : Nope");
        Assert.Equal(new CompilerDiagnostic(null, 0, 0, 0, 0, false, "RZ0100", "Type not found : Nope"), d);
    }

    [Fact]
    public void DriverFailureIsAnError()
    {
        var d = CompilerOutput.Parse("rayzor: unknown option --bogus");
        Assert.Equal(new CompilerDiagnostic(null, 0, 0, 0, 0, false, null, "unknown option --bogus"), d);
    }

    [Theory]
    [InlineData("typing          12.5 ms")]
    [InlineData("  invalid MIR: block 3 has no terminator")]
    [InlineData("")]
    public void OtherOutputIsNoDiagnostic(string line) => Assert.Null(CompilerOutput.Parse(line));
}
