using System.Text.RegularExpressions;

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
    public async Task TheOfficialStdParsesWithoutErrors()
    {
        // every file of every target's folder; the std's own #error lines for other defines are warnings
        var std = Environment.GetEnvironmentVariable("HAXE_STD_PATH") ?? "/usr/share/haxe/std";
        var result = await Repo.Run(Repo.Compiler, ["parse", std]);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^parsed \d{4,} files \(\d+\.\d MB\) in \d+ ms: 0 errors(, \d+ warnings)?\n$", result.StandardOutput);
        Assert.All(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(" : Warning : ", line));
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
        // error-directive.hx holds the reached `#error` directives, which `parse` reports as warnings
        static string AsParseReports(string file, string text) => Path.GetFileName(file) != "error-directive.hx" ? text
            : Regex.Replace(text, @"^(.*?: characters? [0-9-]+ : )", "$1Warning : ", RegexOptions.Multiline);
        var expected = string.Concat(cases.Select(f => AsParseReports(f,
            File.ReadAllText(Path.Combine(dir, "parse-errors", "verified", Path.GetFileNameWithoutExtension(f) + ".txt"))
                .Replace(Path.GetFileName(f), "parse-errors/" + Path.GetFileName(f)))));
        var result = await Repo.Run(Repo.Compiler, ["parse", "parse-errors"], dir);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.StandardError);
        var warnings = Regex.Matches(expected, " : Warning : ").Count;
        var errors = expected.Count(c => c == '\n') - warnings;
        Assert.True(warnings >= 2, "the #error cases are reported as warnings");
        Assert.Matches($@"^parsed {cases.Count} files \(\d+\.\d MB\) in \d+ ms: {errors} errors, {warnings} warnings\n$", result.StandardOutput);
    }
}
