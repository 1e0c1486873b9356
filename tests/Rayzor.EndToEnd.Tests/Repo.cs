using CliWrap;
using CliWrap.Buffered;

namespace Rayzor.EndToEnd.Tests;

/// Where things are, and how to run the published compiler (built by ./rayzor or toolchain/test).
public static class Repo
{
    public static readonly string Root = FindRoot();

    /// The published compiler (toolchain/test builds it first through ./rayzor). The launcher
    /// itself is not used here: tests run in parallel and must not race to rebuild it.
    public static string Compiler => Path.Combine(Root, "artifacts", "rayzor", "rayzor");

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rayzor.sln"))) return d.FullName;
        throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
    }

    /// Runs a command to completion, never throwing on a non-zero exit code.
    public static async Task<BufferedCommandResult> Run(string exe, IEnumerable<string> args, string? workDir = null, string? stdin = null,
        IReadOnlyDictionary<string, string?>? env = null)
    {
        var cmd = Cli.Wrap(exe).WithArguments(args).WithValidation(CommandResultValidation.None)
            .WithWorkingDirectory(workDir ?? Root)
            .WithEnvironmentVariables(e =>
            {
                e.Set("RAYZOR_HOME", Root);
                foreach (var (k, v) in env ?? new Dictionary<string, string?>()) e.Set(k, v);
            });
        if (stdin != null) cmd = cmd.WithStandardInputPipe(PipeSource.FromString(stdin));
        return await cmd.ExecuteBufferedAsync();
    }

    /// `rayzor build file -o out` in the file's folder.
    public static Task<BufferedCommandResult> Build(string hxFile, string output, params string[] extra) =>
        Run(Compiler, ["build", hxFile, "-o", output, .. extra], Path.GetDirectoryName(hxFile));
}
