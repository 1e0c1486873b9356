using System.Diagnostics;

namespace Rayzor.Runtime.Tests;

/// <summary>
/// The runtime as a compiled program uses it: toolchain/build-runtime linux-x64, then
/// tests/runtime-c/harness.c compiled with cc and linked with link.txt, run, and compared with
/// tests/runtime-c/harness.stdout (RAYZOR_TEST_BLESS=1 rewrites it).
/// </summary>
public class HarnessTests
{
    // A static PIE, as the compiler links programs (Rayzor.LlvmBackend/Link/Linker.cs).
    private static readonly Lazy<string> Harness = new(() => BuildHarness("linux-x64", "cc", ["-static-pie"]));

    // The cross target the way the compiler links it.
    private static readonly Lazy<string> HarnessArm64 = new(() =>
        BuildHarness("linux-arm64", "clang-19", ["--target=aarch64-linux-gnu", "-fuse-ld=lld", "-static-pie"]));

    // -E LD_LIBRARY_PATH: with -L alone, the cross ld.so (libc6-arm64-cross) finds the multiarch
    // libc6:arm64 through the host's /etc/ld.so.cache; when the two glibc builds differ, the
    // NativeAOT runtime's first pthread_create spins forever in glibc's stack cache walk.
    private static readonly string[] Qemu =
        ["-L", "/usr/aarch64-linux-gnu", "-E", "LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib"];

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rayzor.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string BuildHarness(string rid, string compiler, string[] flags)
    {
        string root = RepoRoot;
        Run(Path.Combine(root, "toolchain", "build-runtime"), [rid], timeoutSeconds: 900);

        string runtime = Path.Combine(root, "artifacts", "runtime", rid);
        string outDir = Path.Combine(root, "artifacts", "tests", "runtime-c", rid);
        Directory.CreateDirectory(outDir);
        string exe = Path.Combine(outDir, "harness");
        var args = new List<string>(flags) { "-O2", Path.Combine(root, "tests", "runtime-c", "harness.c"), "-o", exe };
        foreach (string line in File.ReadAllLines(Path.Combine(runtime, "link.txt")))
        {
            if (line.Length > 0)
                args.Add(line.StartsWith('-') ? line : Path.Combine(runtime, line));
        }
        Run(compiler, args, timeoutSeconds: 300);
        return exe;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    private static (int ExitCode, string Stdout) Run(string program, IEnumerable<string> args, int timeoutSeconds = 120)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {timeoutSeconds} s");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}\n{stdout.Result}\n{stderr.Result}");
        return (process.ExitCode, stdout.Result);
    }

    [Fact]
    public void PrintsTheExpectedOutput()
    {
        string expectedPath = Path.Combine(RepoRoot, "tests", "runtime-c", "harness.stdout");
        var (_, stdout) = Run(Harness.Value, []);
        if (Environment.GetEnvironmentVariable("RAYZOR_TEST_BLESS") == "1")
            File.WriteAllText(expectedPath, stdout);
        Assert.Equal(File.ReadAllText(expectedPath), stdout);
        Assert.DoesNotContain("MISMATCH", stdout);
    }

    [Fact]
    public void FloatsMatchPrintfOnRandomDoubles()
    {
        var (_, stdout) = Run(Harness.Value, ["fuzz", "200000"]);
        Assert.Equal("fuzz mismatches: 0\n", stdout);
    }

    [Fact]
    public void BoehmCollectsGarbageAndKeepsLiveStrings()
    {
        var (_, stdout) = Run(Harness.Value, ["stress", "3000000"]);
        Assert.StartsWith("stress live strings intact", stdout);
    }

    /// <summary>
    /// The collector's heap lies far below the executable's image (Native/faults.c, rz_gc_mmap):
    /// the kernel maps a static PIE among the anonymous mappings, and a heap grown next to it made
    /// Boehm take the image's own pointers for possible heap pointers (alloc's marking 2.3 times as
    /// long). Without the rename of libgc's mmap the heap lands next to the image and this fails.
    /// </summary>
    [Fact]
    public void CollectorHeapIsFarFromTheImage()
    {
        var (_, stdout) = Run(Harness.Value, ["heapfar"]);
        Assert.Equal("heapfar ok\n", stdout);
    }

    [Fact]
    public void ArraySortKeepsItsElementsThroughCollections()
    {
        // strings held only by a runtime array, sorted with a comparator that allocates and runs
        // full collections: the sort must keep every element reachable for Boehm
        var (_, stdout) = Run(Harness.Value, ["sortstress", "20000"]);
        Assert.Equal("sortstress ok\n", stdout);
    }

    [Fact]
    public void Arm64UnderQemuPrintsTheSameOutput()
    {
        // Needs clang-19, lld and qemu-user (installed by toolchain/setup); nothing to check without them.
        if (!OnPath("qemu-aarch64") || !OnPath("clang-19"))
            return;
        string expected = File.ReadAllText(Path.Combine(RepoRoot, "tests", "runtime-c", "harness.stdout"));
        var (_, stdout) = Run("qemu-aarch64", [.. Qemu, HarnessArm64.Value], timeoutSeconds: 300);
        Assert.Equal(expected, stdout);
        var (_, fuzz) = Run("qemu-aarch64", [.. Qemu, HarnessArm64.Value, "fuzz", "20000"], timeoutSeconds: 300);
        Assert.Equal("fuzz mismatches: 0\n", fuzz);
        var (_, sort) = Run("qemu-aarch64", [.. Qemu, HarnessArm64.Value, "sortstress", "3000"], timeoutSeconds: 300);
        Assert.Equal("sortstress ok\n", sort);
    }
}
