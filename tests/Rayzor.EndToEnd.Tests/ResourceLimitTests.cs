using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Rayzor.EndToEnd.Tests;

/// The compiler on very large and very deep inputs: a 10 MB source file, a 100k-line function, 50k-deep
/// nesting of parentheses, blocks and `if`s, and 40k- and 100k-long operator chains. Each gives a result or a
/// diagnostic — never a crash — within a time bound and a 2 GB managed heap (DOTNET_GCHeapHardLimit: past
/// it the compiler fails with an out-of-memory error, which fails the test).
public class ResourceLimitTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly string _dir = Directory.CreateTempSubdirectory("rayzor-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var file = Path.Combine(_dir, name + ".hx");
        File.WriteAllText(file, text);
        return file;
    }

    private async Task<BufferedCommandResult> Rayzor(params string[] args)
    {
        using var cts = new CancellationTokenSource(Limit);
        return await Cli.Wrap(Repo.Compiler).WithArguments(args).WithValidation(CommandResultValidation.None)
            .WithWorkingDirectory(_dir)
            .WithEnvironmentVariables(e => e.Set("RAYZOR_HOME", Repo.Root).Set("DOTNET_GCHeapHardLimit", "0x80000000"))
            .ExecuteBufferedAsync(cts.Token);
    }

    private static string Program(string name, string body) =>
        $"class {name} {{\n\tstatic function main() {{\n{body}\n\t}}\n}}\n";

    // A failure must be a diagnostic in the classic format, not a crash or a .NET stack trace.
    private static void AssertDiagnostic(BufferedCommandResult r, string file, string message)
    {
        Assert.True(r.ExitCode == 1, $"exit {r.ExitCode}: {r.StandardError}");
        Assert.Contains($"{file}.hx:", r.StandardError);
        Assert.Contains(message, r.StandardError);
        Assert.DoesNotContain("   at ", r.StandardError);
        Assert.DoesNotContain("internal", r.StandardError);
    }

    [Fact]
    public async Task TenMegabyteSourceIsChecked()
    {
        var sb = new StringBuilder("class Big {\n");
        var n = 0;
        while (sb.Length < 10 << 20)
        {
            sb.Append($"\tstatic function f{n}(a:Int):Int {{\n\t\tvar b = a * {n % 97} + 1;\n\t\tif (b > 100) b -= 7; else b += 3;\n\t\treturn b ^ (a >> 2);\n\t}}\n");
            n++;
        }
        sb.Append("\tstatic function main() {\n\t\tvar s = 0;\n");
        for (var k = 0; k < n; k += n / 100) sb.Append($"\t\ts += f{k}({k});\n");
        sb.Append("\t\tSys.println(s);\n\t}\n}\n");
        Write("Big", sb.ToString());
        var check = await Rayzor("check", "Big.hx");
        Assert.True(check.ExitCode == 0, check.StandardError);
        Assert.Equal("", check.StandardError);
    }

    [Fact]
    public async Task HundredThousandLineFunctionBuildsAndRuns()
    {
        var body = new StringBuilder("\t\tvar x = 0;\n");
        var expected = 0;
        for (var i = 0; i < 100_000; i++)
        {
            body.Append($"\t\tx += {i % 7};\n");
            expected += i % 7;
        }
        body.Append("\t\tSys.println(x);");
        Write("Lines", Program("Lines", body.ToString()));
        var check = await Rayzor("check", "Lines.hx");
        Assert.True(check.ExitCode == 0, check.StandardError);
        var build = await Rayzor("build", "Lines.hx", "-O0", "-o", "lines");
        Assert.True(build.ExitCode == 0, build.StandardError);
        var run = await Cli.Wrap(Path.Combine(_dir, "lines")).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.Equal($"{expected}\n", run.StandardOutput);
    }

    [Theory]
    [InlineData("Parens", "var x = {0}1{1};")]
    [InlineData("Blocks", "{0}Sys.println(1);{1}")]
    [InlineData("Ifs", "var x = 1; {0}Sys.println(x);")]
    [InlineData("Arrays", "var x = {0}1{1};")]
    public async Task FiftyThousandDeepNestingIsADiagnostic(string name, string shape)
    {
        const int depth = 50_000;
        var (open, close) = name switch
        {
            "Parens" => ("(", ")"),
            "Blocks" => ("{", "}"),
            "Ifs" => ("if (x > 0) ", ""),
            _ => ("[", "]"),
        };
        var body = string.Format(shape, string.Concat(Enumerable.Repeat(open, depth)), string.Concat(Enumerable.Repeat(close, depth)));
        Write(name, Program(name, body));
        AssertDiagnostic(await Rayzor("check", name + ".hx"), name, "Expression nested too deeply");
        AssertDiagnostic(await Rayzor("build", name + ".hx", "-o", "out"), name, "Expression nested too deeply");
    }

    // `x + x + ... + x` is not nested for the parser (a loop) but is as deep as it is long for the typer:
    // 40k terms compile (the compiler runs on a large stack), 100k are refused as Haxe refuses them.
    [Fact]
    public async Task LongOperatorChains()
    {
        static string Chain(string name, int n) => Program(name, $"\t\tvar x = 1;\n\t\tvar y = {string.Join(" + ", Enumerable.Repeat("x", n))};\n\t\tSys.println(y);");
        Write("Chain40k", Chain("Chain40k", 40_000));
        var build = await Rayzor("build", "Chain40k.hx", "-o", "chain");
        Assert.True(build.ExitCode == 0, build.StandardError);
        var run = await Cli.Wrap(Path.Combine(_dir, "chain")).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
        Assert.Equal("40000\n", run.StandardOutput);

        Write("Chain100k", Chain("Chain100k", 100_000));
        AssertDiagnostic(await Rayzor("check", "Chain100k.hx"), "Chain100k", "Expression nested too deeply");
        AssertDiagnostic(await Rayzor("run", "--interp", "Chain100k.hx"), "Chain100k", "Expression nested too deeply");
    }
}
