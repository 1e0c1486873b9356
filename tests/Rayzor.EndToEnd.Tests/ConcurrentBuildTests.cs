namespace Rayzor.EndToEnd.Tests;

/// Outputs are written atomically (a temporary file in the output's folder, renamed over it):
/// concurrent builds of one project to one output never corrupt it or each other, and leave no
/// temporary files behind.
public sealed class ConcurrentBuildTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rayzor-concurrent-{Guid.NewGuid():N}");

    public ConcurrentBuildTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "src"));
        File.WriteAllText(Path.Combine(_dir, "src", "Main.hx"), """
            class Main {
                static function main() {
                    var v = #if (variant == "1") 1 #elseif (variant == "2") 2 #elseif (variant == "3") 3 #else 4 #end;
                    var words = [for (i in 0...3) "build " + v + " " + i];
                    Sys.println(words.join(", "));
                }
            }
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("obj")]
    [InlineData("llvm-ir")]
    public async Task ConcurrentBuildsOfOneOutputLeaveOneWholeResult(string emit)
    {
        var output = Path.Combine(_dir, "bin", "app");
        var builds = Enumerable.Range(1, 4).Select(v => Repo.Run(Repo.Compiler,
            ["build", "-p", "src", "-m", "Main", "-D", $"variant={v}", "--emit", emit, "-o", output], _dir)).ToArray();
        foreach (var b in await Task.WhenAll(builds))
            Assert.True(b.ExitCode == 0, b.StandardError);

        Assert.Equal(["app"], Directory.GetFiles(Path.Combine(_dir, "bin")).Select(Path.GetFileName));
        if (emit == "exe")
        {
            var run = await Repo.Run(output, [], _dir);
            Assert.Matches(@"^build ([1-4]) 0, build \1 1, build \1 2\n$", run.StandardOutput);
        }
        else if (emit == "llvm-ir")
        {
            Assert.EndsWith("\n", File.ReadAllText(output));
            Assert.Contains("define", File.ReadAllText(output));
        }
        else
        {
            var elf = await Repo.Run("readelf", ["-h", output]);
            Assert.Equal(0, elf.ExitCode);
        }
    }
}
