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

    [Fact]
    public async Task AFolderOfMalformedFilesGivesEveryDiagnosticAndExitCode1()
    {
        // the parser's golden cases: the diagnostics are those of their verified/ files, in file order
        var dir = Path.Combine(Repo.Root, "tests", "Rayzor.Frontend.Tests");
        var cases = Directory.GetFiles(Path.Combine(dir, "parse-errors"), "*.hx").Order(StringComparer.Ordinal).ToList();
        var expected = string.Concat(cases.Select(f =>
            File.ReadAllText(Path.Combine(dir, "parse-errors", "verified", Path.GetFileNameWithoutExtension(f) + ".txt"))
                .Replace(Path.GetFileName(f), "parse-errors/" + Path.GetFileName(f))));
        var result = await Repo.Run(Repo.Compiler, ["parse", "parse-errors"], dir);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.StandardError);
        var errors = expected.Count(c => c == '\n');
        Assert.Matches($@"^parsed {cases.Count} files \(\d+\.\d MB\) in \d+ ms: {errors} errors\n$", result.StandardOutput);
    }
}
