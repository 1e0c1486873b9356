using System.Text.RegularExpressions;

namespace Rayzor.EndToEnd.Tests;

/// Every executable the compiler links is a position-independent executable with full RELRO
/// (BIND_NOW and a GNU_RELRO segment) and a non-executable stack, on both targets (checked with
/// readelf on the file, so the arm64 one needs no emulator).
public sealed class HardeningTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rayzor-hardening-{Guid.NewGuid():N}");

    public HardeningTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "Main.hx"), "class Main { static function main() { Sys.println(\"hi\"); } }\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("x86_64-linux-gnu", "-O2")]
    [InlineData("x86_64-linux-gnu", "-O0")]
    [InlineData("aarch64-linux-gnu", "-O2")]
    public async Task ExecutableIsPieWithFullRelroAndNoExecStack(string triple, string opt)
    {
        var exe = Path.Combine(_dir, $"app-{triple}{opt}");
        var build = await Repo.Build(Path.Combine(_dir, "Main.hx"), exe, "--target", triple, opt);
        Assert.True(build.ExitCode == 0, build.StandardError);

        var elf = await Repo.Run("readelf", ["-h", "-l", "-d", "-W", exe]);
        Assert.Equal(0, elf.ExitCode);
        var text = elf.StandardOutput;

        Assert.Matches(@"Type:\s+DYN \(Position-Independent Executable", text);
        Assert.Matches(@"\(FLAGS_1\)\s+Flags:.*\bPIE\b", text);
        // full RELRO: the relocated data is made read-only after start-up, and nothing is bound lazily
        Assert.Matches(new Regex(@"^\s+GNU_RELRO\s", RegexOptions.Multiline), text);
        Assert.True(Regex.IsMatch(text, @"\(FLAGS\)\s+.*\bBIND_NOW\b") || Regex.IsMatch(text, @"\(FLAGS_1\)\s+Flags:.*\bNOW\b"),
            "no BIND_NOW:\n" + text);
        Assert.DoesNotContain("TEXTREL", text);
        // the stack segment is RW, never E
        var stack = Regex.Match(text, @"^\s+GNU_STACK\s.*$", RegexOptions.Multiline);
        Assert.True(stack.Success, "no GNU_STACK header:\n" + text);
        Assert.Matches(@"\sRW\s+\S+$", stack.Value.TrimEnd());
    }
}
