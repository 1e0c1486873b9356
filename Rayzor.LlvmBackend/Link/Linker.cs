using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace Rayzor.LlvmBackend.Link;

/// <summary>What to link: object files for one target, against one prebuilt runtime folder.</summary>
/// <param name="Triple"><c>x86_64-linux-gnu</c> or <c>aarch64-linux-gnu</c>.</param>
/// <param name="ObjectFiles">The program's object files, linked first.</param>
/// <param name="RuntimeDirectory">An <c>artifacts/runtime/&lt;rid&gt;</c> folder (toolchain/build-runtime).</param>
/// <param name="OutputPath">The executable to write.</param>
/// <param name="WithoutRuntime">The program neither calls the runtime nor allocates on the Haxe heap
/// (ModuleEmitter.NeedsRuntime is false): only the runtime folder's link-lite.txt inputs are linked.</param>
public sealed record LinkRequest(
    string Triple,
    IReadOnlyList<string> ObjectFiles,
    string RuntimeDirectory,
    string OutputPath,
    bool WithoutRuntime = false)
{
    /// <summary>Where <see cref="LinkCommandCache"/> keeps <c>ld.lld</c> commands (null: always link through the driver).</summary>
    public string? CommandCacheDirectory { get; init; }

    /// <summary>Where <see cref="ExecutableCache"/> keeps linked executables (null: always link).</summary>
    public string? ExecutableCacheDirectory { get; init; }
}

/// <summary>The outcome of a link; <see cref="ErrorMessage"/> is ready to show to a user.</summary>
public sealed record LinkResult(bool Success, int ExitCode, string CommandLine, string StandardError, TimeSpan Duration)
{
    public string ErrorMessage => Success ? ""
        : CommandLine.Length == 0 ? $"linking failed: {StandardError.TrimEnd()}"
        : $"linking failed (exit code {ExitCode}): {CommandLine}\n{StandardError.TrimEnd()}";
}

/// <summary>
/// Links object files with the Rayzor runtime into an executable through a C compiler driver, run
/// with CliWrap. x86-64: <c>clang-19 -fuse-ld=lld</c> when installed (about 100 ms against 140 ms for
/// <c>cc</c> with GNU ld on the runtime's archives), else <c>cc</c>; aarch64: always
/// <c>clang-19 --target=aarch64-linux-gnu -fuse-ld=lld</c> (no --sysroot: with it, crtendS.o is not
/// found). The executable appears atomically: linked under a temporary name in the output's folder,
/// then renamed over the output.
/// </summary>
public sealed class Linker
{
    public const string DefaultTriple = "x86_64-linux-gnu";

    /// <summary>The file in a runtime folder listing its link inputs (see toolchain/build-runtime).</summary>
    public const string LinkListFileName = "link.txt";

    /// <summary>The inputs for a program that needs neither the NativeAOT runtime nor Boehm: the
    /// stack-overflow handling and big-stack thread alone (rzfaults-lite.o), libc and libm.</summary>
    public const string LiteLinkListFileName = "link-lite.txt";

    /// <summary>Overrides where the runtime folders are: either one runtime folder or their parent.</summary>
    public const string RuntimeDirVariable = "RAYZOR_RUNTIME_DIR";

    private const string Clang = "clang-19";

    /// <summary>
    /// Every executable is a static PIE (libc linked in: one file that needs no shared library, and
    /// only the libc code it uses is mapped — a dynamic libc made ~1.7 MB of libc and libm resident
    /// in a small program, its pages brought in 64 KB at a time by the kernel's fault-around) with
    /// full RELRO (BIND_NOW plus GNU_RELRO) and a non-executable stack, whatever the driver's own
    /// defaults are.
    /// </summary>
    public static readonly IReadOnlyList<string> HardeningFlags =
        ["-static-pie", "-Wl,-z,relro", "-Wl,-z,now", "-Wl,-z,noexecstack"];

    /// <summary>The .NET runtime identifier of a target triple, or null for an unsupported triple.</summary>
    public static string? RuntimeIdentifierOf(string triple) => triple switch
    {
        "x86_64-linux-gnu" => "linux-x64",
        "aarch64-linux-gnu" => "linux-arm64",
        _ => null,
    };

    /// <summary>
    /// Finds the runtime folder for <paramref name="rid"/> (a folder holding link.txt): the
    /// <c>RAYZOR_RUNTIME_DIR</c> variable (that folder itself or its <c>&lt;rid&gt;</c> subfolder), else
    /// <c>&lt;exe dir&gt;/../runtime/&lt;rid&gt;</c> (installed layout), else the first
    /// <c>artifacts/runtime/&lt;rid&gt;</c> walking up from the executable (a source checkout).
    /// Null when none exists.
    /// </summary>
    public static string? FindRuntimeDirectory(string rid, string? executableDirectory = null)
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(RuntimeDirVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            foreach (string candidate in new[] { Path.Combine(fromEnvironment, rid), fromEnvironment })
            {
                if (IsRuntimeDirectory(candidate))
                    return Path.GetFullPath(candidate);
            }
        }

        string start = Path.GetFullPath(executableDirectory ?? AppContext.BaseDirectory);
        string installed = Path.Combine(start, "..", "runtime", rid);
        if (IsRuntimeDirectory(installed))
            return Path.GetFullPath(installed);

        for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "artifacts", "runtime", rid);
            if (IsRuntimeDirectory(candidate))
                return candidate;
        }
        return null;
    }

    private static bool IsRuntimeDirectory(string path) => File.Exists(Path.Combine(path, LinkListFileName));

    /// <summary>
    /// The runtime's link inputs in order: link.txt lines that are file names become absolute paths,
    /// lines starting with '-' are driver flags kept as written; blank lines and '#' lines are skipped.
    /// </summary>
    public static IReadOnlyList<string> ReadRuntimeInputs(string runtimeDirectory, bool withoutRuntime = false)
    {
        var inputs = new List<string>();
        string list = Path.Combine(runtimeDirectory, LiteLinkListFileName);
        if (!withoutRuntime || !File.Exists(list)) // a runtime folder built before link-lite.txt existed
            list = Path.Combine(runtimeDirectory, LinkListFileName);
        foreach (string raw in File.ReadAllLines(list))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            inputs.Add(line.StartsWith('-') ? line : Path.GetFullPath(Path.Combine(runtimeDirectory, line)));
        }
        return inputs;
    }

    /// <summary>The driver program and its arguments for <paramref name="request"/>, writing to
    /// <paramref name="output"/>.</summary>
    public static (string Program, IReadOnlyList<string> Arguments) BuildCommand(LinkRequest request, string output)
    {
        var args = new List<string>();
        string program;
        switch (request.Triple)
        {
            case "x86_64-linux-gnu":
                if (FindOnPath(Clang) is { } clang)
                {
                    program = clang;
                    args.Add("-fuse-ld=lld");
                }
                else
                {
                    program = "cc";
                }
                break;
            case "aarch64-linux-gnu":
                program = Clang;
                args.Add("--target=aarch64-linux-gnu");
                args.Add("-fuse-ld=lld");
                break;
            default:
                throw new ArgumentException(
                    $"unsupported target '{request.Triple}' (supported: x86_64-linux-gnu, aarch64-linux-gnu)",
                    nameof(request));
        }
        args.Add("-o");
        args.Add(output);
        args.AddRange(request.ObjectFiles.Select(Path.GetFullPath));
        args.AddRange(ReadRuntimeInputs(request.RuntimeDirectory, request.WithoutRuntime));
        args.AddRange(HardeningFlags);
        return (program, args);
    }

    /// <summary>Links <paramref name="request"/>; on failure the previous output, if any, is untouched.</summary>
    public async Task<LinkResult> LinkAsync(LinkRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        if (!IsRuntimeDirectory(request.RuntimeDirectory))
        {
            return new LinkResult(false, -1, "", $"no {LinkListFileName} in runtime folder '{request.RuntimeDirectory}' " +
                "(build it with toolchain/build-runtime)", clock.Elapsed);
        }

        string output = Path.GetFullPath(request.OutputPath);
        string temporary = AtomicFile.TemporaryFor(output);

        var (program, arguments) = BuildCommand(request, temporary);
        var exes = request.ExecutableCacheDirectory;
        var key = exes != null ? ExecutableCache.KeyOf(program, arguments, temporary) : null;
        try
        {
            if (key != null && ExecutableCache.TryCopy(exes!, key, temporary))
            {
                File.Move(temporary, output, overwrite: true);
                return new LinkResult(true, 0, $"(the executable of an identical link: {ExecutableCache.PathFor(exes!, key)})", "", clock.Elapsed);
            }
            var result = await LinkOnceAsync(request, program, arguments, temporary, output, clock, cancellationToken);
            if (result.Success && key != null) ExecutableCache.Store(exes!, key, output);
            return result;
        }
        finally
        {
            AtomicFile.Delete(temporary); // nothing left behind after a failure
        }
    }

    /// <summary>Runs the link: the kept <c>ld.lld</c> command when there is one, else the driver.</summary>
    private static async Task<LinkResult> LinkOnceAsync(LinkRequest request, string program, IReadOnlyList<string> arguments, string temporary,
        string output, Stopwatch clock, CancellationToken cancellationToken)
    {
        if (request.CommandCacheDirectory is { } commands && arguments.Contains("-fuse-ld=lld"))
        {
            var direct = LinkCommandCache.Find(commands, program, arguments, request, temporary)
                ?? await LinkCommandCache.LearnAsync(commands, program, arguments, request, temporary, cancellationToken);
            if (direct != null)
            {
                var linked = await RunAsync(direct[0], direct.Skip(1).ToList(), temporary, output, clock, cancellationToken);
                if (linked.Success) return linked;
                AtomicFile.Delete(temporary); // then through the driver: its error message, or a fresh command
            }
        }
        return await RunAsync(program, arguments, temporary, output, clock, cancellationToken);
    }

    /// <summary>Runs a link command writing <paramref name="temporary"/>, then renames it over <paramref name="output"/>.</summary>
    private static async Task<LinkResult> RunAsync(string program, IReadOnlyList<string> arguments, string temporary, string output,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        string commandLine = program + " " + string.Join(' ', arguments.Select(Quote));
        var stderr = new StringBuilder();
        try
        {
            var result = await Cli.Wrap(program)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stderr))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
                .ExecuteAsync(cancellationToken);

            if (result.ExitCode != 0 || !File.Exists(temporary))
                return new LinkResult(false, result.ExitCode, commandLine, stderr.ToString(), clock.Elapsed);

            File.Move(temporary, output, overwrite: true); // rename(2): atomic in one folder
            return new LinkResult(true, 0, commandLine, stderr.ToString(), clock.Elapsed);
        }
        catch (Win32Exception e)
        {
            return new LinkResult(false, -1, commandLine,
                $"cannot run the linker driver '{program}': {e.Message}", clock.Elapsed);
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (dir.Length == 0)
                continue;
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=,+:@".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''") + "'";
}
