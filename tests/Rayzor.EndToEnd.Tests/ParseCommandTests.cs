namespace Rayzor.EndToEnd.Tests;

/// `rayzor parse`: every shared program parses; a syntax error gives diagnostics and exit 1.
public class ParseCommandTests
{
    [Fact]
    public async Task SharedProgramsParseWithoutErrors()
    {
        var shared = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared"));
        var result = await Repo.Run(Repo.Compiler, ["parse", Path.Combine(shared, "conformance"), Path.Combine(shared, "bench", "haxe")]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^parsed \d+ files \(\d+\.\d MB\) in \d+ ms: 0 errors\n$", result.StandardOutput);
    }

    [Fact]
    public async Task SyntaxErrorsAreReportedWithExitCode1()
    {
        var dir = Path.Combine(Repo.Root, "tests", "e2e", "compile-fail");
        var result = await Repo.Run(Repo.Compiler, ["parse", "SyntaxErrors.hx"], dir);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SyntaxErrors.hx:4: characters 3-6 : Missing ;", result.StandardError);
        Assert.EndsWith(": 2 errors\n", result.StandardOutput);
    }
}
