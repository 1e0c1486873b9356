using CliWrap;
using CliWrap.Buffered;

namespace Rayzor.Sdk.Tests;

/// The checkout, a scratch folder per test run, and running commands.
public static class TestEnv
{
    public static readonly string Root = FindRoot();

    /// Scratch space of this test process: tests remove what they made in it; the folder itself
    /// is removed at exit or by the next run.
    public static readonly string Scratch = CreateScratch();

    /// The NativeAOT-published compiler (built by ./rayzor, which toolchain/test runs first).
    public static string Compiler => Path.Combine(Root, "artifacts", "rayzor", "rayzor");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rayzor.sln"))) return d.FullName;
        throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
    }

    private static string CreateScratch()
    {
        var tmp = Path.GetTempPath();
        // folders of earlier runs whose process is gone (a test host may end without ProcessExit)
        foreach (var old in Directory.EnumerateDirectories(tmp, "rayzor-sdk-tests-*"))
            if (int.TryParse(Path.GetFileName(old)["rayzor-sdk-tests-".Length..], out var pid) && !IsRunning(pid))
                TryDelete(old);
        var dir = Path.Combine(tmp, $"rayzor-sdk-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(dir);
        return dir;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// Deletes a folder and what is in it, quietly: a leftover is removed by a later run.
    public static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// A new empty folder under the scratch space.
    public static string NewFolder(string name)
    {
        var dir = Path.Combine(Scratch, name);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// Runs a command to completion, never throwing on a non-zero exit code. Variables mapped to
    /// null are removed from the environment.
    public static async Task<BufferedCommandResult> Run(string exe, IEnumerable<string> args, string workDir,
        IReadOnlyDictionary<string, string?>? env = null)
    {
        var cmd = Cli.Wrap(exe).WithArguments(args).WithWorkingDirectory(workDir)
            .WithValidation(CommandResultValidation.None);
        if (env != null) cmd = cmd.WithEnvironmentVariables(env);
        return await cmd.ExecuteBufferedAsync();
    }

    /// The ELF machine of an executable (0x3E x86-64, 0xB7 AArch64), or -1 when it is not ELF.
    public static int ElfMachine(string path)
    {
        var h = new byte[20];
        using (var f = File.OpenRead(path))
            if (f.Read(h, 0, h.Length) < h.Length) return -1;
        if (h[0] != 0x7F || h[1] != (byte)'E' || h[2] != (byte)'L' || h[3] != (byte)'F') return -1;
        return h[18] | h[19] << 8;
    }

    public const int ElfX86_64 = 0x3E;
    public const int ElfAArch64 = 0xB7;

    /// The qemu user-mode emulator for running AArch64 executables, if installed.
    public static string? Qemu() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':')
            .Select(d => Path.Combine(d, "qemu-aarch64")).FirstOrDefault(File.Exists);

    /// Runs an AArch64 executable under qemu with the cross libc.
    public static Task<BufferedCommandResult> RunArm64(string qemu, string exe, string workDir) =>
        Run(qemu, ["-L", "/usr/aarch64-linux-gnu", "-E", "LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib", exe], workDir);
}
