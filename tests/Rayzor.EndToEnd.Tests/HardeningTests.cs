using System.Text.RegularExpressions;

namespace Rayzor.EndToEnd.Tests;

/// Every executable the compiler links is a static position-independent executable (it needs no
/// shared library: no program interpreter, nothing NEEDED) with full RELRO (BIND_NOW and a
/// GNU_RELRO segment) and a non-executable stack, on both targets (checked with readelf on the
/// file, so the arm64 one needs no emulator).
public sealed class HardeningTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rayzor-hardening-{Guid.NewGuid():N}");

    public HardeningTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "Main.hx"), "class Main { static function main() { Sys.println(\"hi\"); } }\n");
        // one that calls the runtime (Sys.args, concatenation): linked with the NativeAOT runtime and Boehm
        Directory.CreateDirectory(Path.Combine(_dir, "rt"));
        File.WriteAllText(Path.Combine(_dir, "rt", "Main.hx"), "class Main { static function main() { Sys.println(\"args \" + Sys.args().length); } }\n");
    }

    /// A program that neither calls the runtime nor allocates links without it (link-lite.txt): a
    /// small executable with neither the collector nor the NativeAOT runtime in it; one that calls
    /// the runtime has them linked in.
    [Fact]
    public async Task OnlyProgramsThatUseTheRuntimeLinkIt()
    {
        var lite = Path.Combine(_dir, "lite");
        var full = Path.Combine(_dir, "full");
        var b1 = await Repo.Build(Path.Combine(_dir, "Main.hx"), lite, "-O0");
        Assert.True(b1.ExitCode == 0, b1.StandardError);
        var b2 = await Repo.Build(Path.Combine(_dir, "rt", "Main.hx"), full, "-O0");
        Assert.True(b2.ExitCode == 0, b2.StandardError);
        Assert.Equal("hi\n", (await Repo.Run(lite, [])).StandardOutput);
        Assert.Equal("args 0\n", (await Repo.Run(full, [])).StandardOutput);
        Assert.True(new FileInfo(lite).Length * 2 < new FileInfo(full).Length, $"lite executable is {new FileInfo(lite).Length} bytes, the runtime's {new FileInfo(full).Length}");
        var liteSymbols = (await Repo.Run("readelf", ["-s", "-W", lite])).StandardOutput;
        var fullSymbols = (await Repo.Run("readelf", ["-s", "-W", full])).StandardOutput;
        Assert.DoesNotContain(" GC_init", liteSymbols);
        Assert.DoesNotContain("RhpNewFast", liteSymbols);
        Assert.Contains(" GC_init", fullSymbols);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("x86_64-linux-gnu", "-O2")]
    [InlineData("x86_64-linux-gnu", "-O0")]
    [InlineData("aarch64-linux-gnu", "-O2")]
    [InlineData("x86_64-linux-gnu", "-O2", true)]
    [InlineData("aarch64-linux-gnu", "-O2", true)]
    public async Task ExecutableIsPieWithFullRelroAndNoExecStack(string triple, string opt, bool usesRuntime = false)
    {
        var exe = Path.Combine(_dir, $"app-{triple}{opt}{(usesRuntime ? "-rt" : "")}");
        var build = await Repo.Build(Path.Combine(_dir, usesRuntime ? "rt" : "", "Main.hx"), exe, "--target", triple, opt);
        Assert.True(build.ExitCode == 0, build.StandardError);

        var elf = await Repo.Run("readelf", ["-h", "-l", "-d", "-W", exe]);
        Assert.Equal(0, elf.ExitCode);
        var text = elf.StandardOutput;

        Assert.Matches(@"Type:\s+DYN \(Position-Independent Executable", text);
        // static: the kernel starts it without a loader, and no shared library is looked for
        Assert.DoesNotMatch(new Regex(@"^\s+INTERP\s", RegexOptions.Multiline), text);
        Assert.DoesNotContain("(NEEDED)", text);
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
