using System.Text.RegularExpressions;
using CliWrap.Buffered;

namespace Rayzor.EndToEnd.Tests;

/// Codegen units and the object cache (docs/architecture.md "Codegen units and the object cache"):
/// a rebuild compiles only the units whose code changed, a changed unit is never taken stale from
/// the cache, and concurrent builds share one cache safely.
public sealed partial class ObjectCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rayzor-objcache-{Guid.NewGuid():N}");
    private string Cache => Path.Combine(_dir, "cache");

    public ObjectCacheTests()
    {
        Directory.CreateDirectory(_dir);
        WriteMain(greeting: "hello", factor: 3);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    /// Main (main and a loop), Shapes (big enough not to be copied into Main's unit) and Small (a
    /// small method that other units import).
    private void WriteMain(string greeting, int factor, string mainExtra = "") => File.WriteAllText(Path.Combine(_dir, "Main.hx"), $$"""
        class Shapes {
            public var sides:Array<Int>;
            public function new() { sides = [for (i in 0...8) i * 2 + 1]; }
            public function total(scale:Int):Int {
                var t = 0;
                for (s in sides) { if (s % 3 == 0) t += s * scale; else t -= s; }
                for (i in 0...sides.length) t += sides[i] * i;
                var text = "";
                for (s in sides) text += s + ",";
                return t + text.length;
            }
        }
        class Small {
            public static function twice(x:Int):Int return x * {{factor}};
        }
        class Main {
            static function main() {{{mainExtra}}
                Sys.println("{{greeting}} " + new Shapes().total(2) + " " + Small.twice(7));
            }
        }
        """);

    private Task<BufferedCommandResult> Build(string output, params string[] extra) => BuildIn(_dir, output, extra);

    private Task<BufferedCommandResult> BuildIn(string dir, string output, params string[] extra) =>
        Repo.Run(Repo.Compiler, ["build", "Main.hx", "-O2", "-v", "-o", output, .. extra], dir, env: new Dictionary<string, string?> { ["RAYZOR_CACHE_DIR"] = Cache });

    /// (units, units from the cache, names of the units compiled) from a `-v` build's stderr.
    private static (int Units, int Cached, List<string> Compiled) Units(BufferedCommandResult r)
    {
        Assert.True(r.ExitCode == 0, r.StandardError);
        var m = UnitsLine().Match(r.StandardError);
        Assert.True(m.Success, r.StandardError);
        var compiled = CompiledLine().Matches(r.StandardError).Select(c => c.Groups[1].Value).ToList();
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), compiled);
    }

    private async Task<string> Run(string exe) => (await Repo.Run(exe, [], _dir)).StandardOutput;

    [GeneratedRegex(@"rayzor: (\d+) codegen units, (\d+) from the cache")]
    private static partial Regex UnitsLine();

    [GeneratedRegex(@"rayzor:   compiled (\S+) in")]
    private static partial Regex CompiledLine();

    [Fact]
    public async Task AOneLineChangeRecompilesOnlyItsUnit()
    {
        var exe = Path.Combine(_dir, "app");
        var cold = Units(await Build(exe));
        Assert.Equal(0, cold.Cached);
        Assert.True(cold.Units >= 4, $"{cold.Units} units"); // program, Main, Shapes, Small (at least)
        Assert.Equal("hello 344 21\n", await Run(exe));

        var same = Units(await Build(exe));
        Assert.Equal((cold.Units, cold.Units), (same.Units, same.Cached));
        Assert.Empty(same.Compiled);

        // a statement with an effect (an unused local would be dropped by the MIR passes: identical IR, all cached)
        WriteMain(greeting: "hello", factor: 3, mainExtra: " if (Sys.args().length > 99) Sys.println(\"many\");");
        var edited = Units(await Build(exe));
        Assert.Equal(["Main"], edited.Compiled);
        Assert.Equal(cold.Units - 1, edited.Cached);

        WriteMain(greeting: "changed", factor: 3);
        var changed = Units(await Build(exe));
        Assert.Equal(["Main"], changed.Compiled);
        Assert.Equal("changed 344 21\n", await Run(exe));
    }

    [Fact]
    public async Task AChangedUnitIsNeverTakenStale()
    {
        var exe = Path.Combine(_dir, "app");
        Units(await Build(exe));
        Assert.Equal("hello 344 21\n", await Run(exe));

        // Small.twice is small: Main's unit has a copy of it to inline, so both are recompiled
        WriteMain(greeting: "hello", factor: 5);
        var changed = Units(await Build(exe));
        Assert.Contains("Small", changed.Compiled);
        Assert.Contains("Main", changed.Compiled);
        Assert.DoesNotContain("Shapes", changed.Compiled);
        Assert.Equal("hello 344 35\n", await Run(exe));

        // back to the first version: every object is in the cache again
        WriteMain(greeting: "hello", factor: 3);
        var back = Units(await Build(exe));
        Assert.Empty(back.Compiled);
        Assert.Equal("hello 344 21\n", await Run(exe));
    }

    /// A build whose link would read exactly what an earlier one read (the same objects, runtime
    /// and flags) copies that link's executable; any change links again.
    [Fact]
    public async Task AnIdenticalLinkIsNotRunAgain()
    {
        var exe = Path.Combine(_dir, "app");
        Assert.DoesNotContain("identical link", (await Build(exe)).StandardError);
        Assert.Equal("hello 344 21\n", await Run(exe));
        File.Delete(exe);

        var before = DateTime.UtcNow;
        foreach (var kept in Directory.GetFiles(Path.Combine(Cache, "exe"))) File.SetLastWriteTimeUtc(kept, before.AddHours(-1));
        var again = await Build(exe);
        Assert.Contains("rayzor: link: (the executable of an identical link", again.StandardError);
        Assert.Equal("hello 344 21\n", await Run(exe));
        Assert.True(File.GetLastWriteTimeUtc(exe) >= before.AddSeconds(-1), "a copied executable is as new as a linked one (incremental builds compare times)");

        WriteMain(greeting: "hello", factor: 4);
        var changed = await Build(exe);
        Assert.DoesNotContain("identical link", changed.StandardError);
        Assert.Equal("hello 344 28\n", await Run(exe));

        // a flag of the link (no debug info: other objects), then the change undone
        Assert.DoesNotContain("identical link", (await Build(exe, "-g0")).StandardError);
        WriteMain(greeting: "hello", factor: 3);
        Assert.Contains("identical link", (await Build(exe)).StandardError);
        Assert.Equal("hello 344 21\n", await Run(exe));
    }

    /// Over its size limit (here 10 KB), the cache drops the objects not used for an hour, least
    /// recently used first, and keeps every object a build used (its time is marked on use).
    [Fact]
    public async Task PruningDropsOnlyObjectsNotUsedForAnHour()
    {
        var exe = Path.Combine(_dir, "app");
        Units(await Build(exe)); // factor 3
        var hoursAgo = DateTime.UtcNow.AddHours(-2);
        foreach (var f in Directory.GetFiles(Cache, "*", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(f, hoursAgo);

        WriteMain(greeting: "hello", factor: 4); // Small and its importers change, the std's units do not
        var pruning = await Repo.Run(Repo.Compiler, ["build", "Main.hx", "-O2", "-v", "-o", exe], _dir,
            env: new Dictionary<string, string?> { ["RAYZOR_CACHE_DIR"] = Cache, ["RAYZOR_CACHE_MAX_MB"] = "0.01" });
        Assert.Contains("rayzor: pruned the object cache", pruning.StandardError);
        Assert.Equal("hello 344 28\n", await Run(exe));
        Assert.Contains(Directory.GetFiles(Cache, "*.o", SearchOption.AllDirectories), f => File.GetLastWriteTimeUtc(f) > hoursAgo.AddHours(1));

        // what that build used is all there; the first build's own units are not
        var used = Units(await Build(exe));
        Assert.Equal(used.Units, used.Cached);
        WriteMain(greeting: "hello", factor: 3);
        var old = Units(await Build(exe));
        Assert.Contains(old.Compiled, u => u.StartsWith("Small", StringComparison.Ordinal));
        Assert.Equal("hello 344 21\n", await Run(exe));
    }

    [Fact]
    public async Task NoCacheNeitherReadsNorWritesTheCache()
    {
        var exe = Path.Combine(_dir, "app");
        var r = Units(await Build(exe, "--no-cache"));
        Assert.Equal(0, r.Cached);
        Assert.Equal(r.Units, r.Compiled.Count);
        Assert.False(Directory.Exists(Cache));
        Assert.Equal("hello 344 21\n", await Run(exe));
        Assert.Equal(["Main.hx", "app"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConcurrentBuildsShareOneCache()
    {
        // four builds at once into one empty cache: two programs, each built twice
        var builds = Enumerable.Range(0, 4).Select(async k =>
        {
            var dir = Path.Combine(_dir, "p" + k);
            Directory.CreateDirectory(dir);
            File.Copy(Path.Combine(_dir, "Main.hx"), Path.Combine(dir, "Main.hx"));
            if (k % 2 == 1) File.WriteAllText(Path.Combine(dir, "Main.hx"), File.ReadAllText(Path.Combine(dir, "Main.hx")).Replace("hello", "other"));
            var r = await Repo.Run(Repo.Compiler, ["build", "Main.hx", "-O2", "-o", "app"], dir, env: new Dictionary<string, string?> { ["RAYZOR_CACHE_DIR"] = Cache });
            Assert.True(r.ExitCode == 0, r.StandardError);
            return (await Repo.Run(Path.Combine(dir, "app"), [], dir)).StandardOutput;
        }).ToArray();
        Assert.Equal(["hello 344 21\n", "other 344 21\n", "hello 344 21\n", "other 344 21\n"], await Task.WhenAll(builds));

        // whole objects and executables only, no temporary files left (the link folder keeps
        // linker command lines)
        var files = Directory.GetFiles(Cache, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "link" && Path.GetFileName(f) != "pruned").ToList();
        Assert.All(Directory.GetFiles(Path.Combine(Cache, "link")), f => Assert.EndsWith(".txt", f));
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            Assert.EndsWith(Path.GetFileName(Path.GetDirectoryName(f)) == "exe" ? ".exe" : ".o", f);
            var elf = await Repo.Run("readelf", ["-h", f]);
            Assert.True(elf.ExitCode == 0, f + ": " + elf.StandardError);
        }
        Assert.Equal(4, Directory.GetFiles(Path.Combine(Cache, "exe")).Length); // one per folder (the debug info names it)

        // and a later build takes every unit from it (in the same folder: the debug info names it)
        var again = Units(await BuildIn(Path.Combine(_dir, "p1"), "app"));
        Assert.Equal(again.Units, again.Cached);
    }
}
