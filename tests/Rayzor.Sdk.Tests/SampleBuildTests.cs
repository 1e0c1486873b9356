using System.Text.RegularExpressions;
using CliWrap.Buffered;

namespace Rayzor.Sdk.Tests;

/// Real `dotnet build` / `dotnet run` of a copy of samples/hello-sdk with the packed Rayzor.Sdk.
public sealed class SampleBuildTests : IClassFixture<SampleBuildTests.PackageFolder>, IDisposable
{
    /// Removes the NuGet package folder of this run once the class is done with it.
    public sealed class PackageFolder : IDisposable
    {
        public void Dispose() => TestEnv.TryDelete(SdkPackage.BuildEnvironment()["NUGET_PACKAGES"]!);
    }

    private readonly List<string> _folders = [];

    public void Dispose() => _folders.ForEach(TestEnv.TryDelete);

    private static readonly string Sample = Path.Combine(TestEnv.Root, "samples", "hello-sdk");
    private static readonly string Expected = File.ReadAllText(Path.Combine(Sample, "expected.txt"));

    /// A fresh copy of the sample under the scratch folder (beside its nuget.config).
    private async Task<string> CopySample(string name)
    {
        await SdkPackage.Folder;
        var root = TestEnv.NewFolder(name);
        _folders.Add(root);
        var dir = Path.Combine(root, "hello-sdk");
        foreach (var f in Directory.EnumerateFiles(Sample, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Sample, f);
            if (rel.Split('/')[0] is "bin" or "obj") continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, rel))!);
            File.Copy(f, Path.Combine(dir, rel));
        }
        return dir;
    }

    private static Task<BufferedCommandResult> Dotnet(string dir, params string[] args) =>
        TestEnv.Run("dotnet", [.. args, "-nologo", "-v:n"], dir, SdkPackage.BuildEnvironment());

    /// Whether the build log shows the compiler being run (ToolTask logs its command line).
    private static bool RanCompiler(BufferedCommandResult build) =>
        build.StandardOutput.Contains("/tools/artifacts/rayzor/rayzor build ", StringComparison.Ordinal);

    private static string Log(BufferedCommandResult r) => r.StandardOutput + r.StandardError;

    [Fact]
    public void SampleNamesThePackedVersion() =>
        Assert.Contains($"Sdk=\"Rayzor.Sdk/{SdkPackage.Version}\"", File.ReadAllText(Path.Combine(Sample, "hello-sdk.proj")));

    [Fact]
    public async Task BuildsIncrementallyAndRuns()
    {
        var dir = await CopySample("incremental");
        var exe = Path.Combine(dir, "bin", "Debug", "hello-sdk");

        var first = await Dotnet(dir, "build");
        Assert.True(first.ExitCode == 0, Log(first));
        Assert.True(RanCompiler(first), Log(first));
        Assert.Equal(TestEnv.ElfX86_64, TestEnv.ElfMachine(exe));
        Assert.Equal(Expected, (await TestEnv.Run(exe, [], dir)).StandardOutput);
        var built = File.GetLastWriteTimeUtc(exe);

        // nothing changed: the compile target is skipped and the executable is untouched
        var second = await Dotnet(dir, "build");
        Assert.True(second.ExitCode == 0, Log(second));
        Assert.False(RanCompiler(second), Log(second));
        Assert.Contains("Skipping target \"CompileHaxe\"", second.StandardOutput);
        Assert.Equal(built, File.GetLastWriteTimeUtc(exe));

        // a touched source rebuilds
        File.SetLastWriteTimeUtc(Path.Combine(dir, "src", "greet", "Greeter.hx"), DateTime.UtcNow);
        var third = await Dotnet(dir, "build");
        Assert.True(third.ExitCode == 0, Log(third));
        Assert.True(RanCompiler(third), Log(third));
        Assert.NotEqual(built, File.GetLastWriteTimeUtc(exe));

        // `dotnet run` runs the program (already up to date: no compile)
        var run = await TestEnv.Run("dotnet", ["run"], dir, SdkPackage.BuildEnvironment());
        Assert.True(run.ExitCode == 0, Log(run));
        Assert.EndsWith(Expected, run.StandardOutput);
    }

    [Fact]
    public async Task RuntimeIdentifierArm64GivesAnAArch64Executable()
    {
        var dir = await CopySample("arm64");
        var build = await Dotnet(dir, "build", "-r", "linux-arm64");
        Assert.True(build.ExitCode == 0, Log(build));
        Assert.Contains("--target aarch64-linux-gnu", build.StandardOutput);
        var exe = Path.Combine(dir, "bin", "Debug", "linux-arm64", "hello-sdk");
        Assert.Equal(TestEnv.ElfAArch64, TestEnv.ElfMachine(exe));
        if (TestEnv.Qemu() is { } qemu)
            Assert.Equal(Expected, (await TestEnv.RunArm64(qemu, exe, dir)).StandardOutput);
    }

    [Fact]
    public async Task TypeErrorIsAnMSBuildErrorWithItsLocation()
    {
        var dir = await CopySample("typeerror");
        var source = Path.Combine(dir, "src", "greet", "Greeter.hx");
        var lines = File.ReadAllLines(source).ToList();
        var at = lines.FindIndex(l => l.Contains("return \"Hello from \"", StringComparison.Ordinal));
        lines.Insert(at, "\t\tvar count:Int = name;");
        File.WriteAllLines(source, lines);

        var build = await Dotnet(dir, "build");
        Assert.NotEqual(0, build.ExitCode);
        // file(line,col,endLine,endCol): error RZnnnn: message — the column of `var`, 1-based
        Assert.Matches($@"{Regex.Escape(source)}\({at + 1},3,{at + 1},\d+\): error RZ\d+: String should be Int", build.StandardOutput);
        Assert.False(File.Exists(Path.Combine(dir, "bin", "Debug", "hello-sdk")));
    }
}
