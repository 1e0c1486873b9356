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
        // a diagnostic at a reached `#error` directive is an error for the parser's golden file and a
        // warning for `parse` (a syntax check): known by the source line it points at
        static string AsParseReports(string file, string text)
        {
            var source = File.ReadAllLines(file);
            return Regex.Replace(text, @"^(.*?:(\d+): characters? [0-9-]+ : )", m =>
                int.Parse(m.Groups[2].Value) is var line && line <= source.Length
                && source[line - 1].TrimStart().StartsWith("#error", StringComparison.Ordinal)
                    ? m.Groups[1].Value + "Warning : " : m.Value, RegexOptions.Multiline);
        }
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
