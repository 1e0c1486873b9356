using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Rayzor.Sdk;

/// Compiles a Haxe program to a native executable by running the `rayzor` driver with
/// `--diagnostics msbuild`; each diagnostic line becomes an MSBuild error or warning with its file
/// and position, so IDEs and `dotnet build` show them like C# errors.
public sealed class RayzorCompile : ToolTask
{
    /// The Rayzor installation: a folder holding `artifacts/rayzor/rayzor`,
    /// `artifacts/runtime/<rid>/` and `Rayzor.Runtime/haxe/_std/` (the package's `tools/` folder
    /// or a repository checkout). Passed to the driver as `RAYZOR_HOME`.
    [Required] public string RayzorHome { get; set; } = "";

    /// The main class, dotted (`Main`, `app.Main`).
    [Required] public string MainClass { get; set; } = "";

    /// The executable to write.
    [Required] public string OutputFile { get; set; } = "";

    /// Class-path folders (`-p`), in order.
    public ITaskItem[] ClassPaths { get; set; } = [];

    /// Conditional-compilation flags (`-D NAME` or `-D NAME=VALUE`).
    public string[] Defines { get; set; } = [];

    /// haxelib libraries (`-L NAME` or `-L NAME:VERSION`).
    public string[] Libraries { get; set; } = [];

    /// 0, 1, 2 or 3 (`-O<n>`).
    public string OptimizationLevel { get; set; } = "2";

    /// linux-x64 or linux-arm64; empty means the machine's own architecture.
    public string RuntimeIdentifier { get; set; } = "";

    /// An explicit LLVM target triple; overrides <see cref="RuntimeIdentifier"/>.
    public string TargetTriple { get; set; } = "";

    /// Further driver arguments, passed as written (e.g. `--times`).
    public string AdditionalArguments { get; set; } = "";

    /// The triple the compiler was asked for (for the build log and tests).
    [Output] public string ResolvedTargetTriple { get; private set; } = "";

    protected override string ToolName => "rayzor";

    /// Where the driver sits inside <see cref="RayzorHome"/>.
    public static string CompilerPath(string home) => Path.Combine(home, "artifacts", "rayzor", "rayzor");

    protected override string GenerateFullPathToTool() => CompilerPath(Path.GetFullPath(RayzorHome));

    /// The LLVM triple for a .NET runtime identifier; null when Rayzor cannot target it.
    public static string? TripleFor(string runtimeIdentifier) => runtimeIdentifier switch
    {
        "linux-x64" => "x86_64-linux-gnu",
        "linux-arm64" => "aarch64-linux-gnu",
        "" => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu",
        _ => null,
    };

    public override bool Execute()
    {
        ResolvedTargetTriple = TargetTriple.Length > 0 ? TargetTriple : TripleFor(RuntimeIdentifier) ?? "";
        if (ResolvedTargetTriple.Length == 0)
        {
            Log.LogError(null, "RZ9001", null, null, 0, 0, 0, 0,
                $"RuntimeIdentifier '{RuntimeIdentifier}' is not supported by Rayzor: use linux-x64 or linux-arm64.");
            return false;
        }
        if (OptimizationLevel is not ("0" or "1" or "2" or "3"))
        {
            Log.LogError(null, "RZ9002", null, null, 0, 0, 0, 0,
                $"HaxeOptimizationLevel must be 0, 1, 2 or 3, not '{OptimizationLevel}'.");
            return false;
        }
        if (ToolPath is null or "" && !EnsureCompiler(GenerateFullPathToTool())) return false;
        EnvironmentVariables = [.. EnvironmentVariables ?? [], "RAYZOR_HOME=" + Path.GetFullPath(RayzorHome)];
        return base.Execute();
    }

    /// Checks that the driver exists and can be run: NuGet does not keep the executable bit when
    /// it extracts a package, so it is set here on first use.
    private bool EnsureCompiler(string path)
    {
        if (!File.Exists(path))
        {
            Log.LogError(null, "RZ9003", null, null, 0, 0, 0, 0,
                $"The Rayzor compiler was not found at {path} (RayzorHome is '{RayzorHome}').");
            return false;
        }
        if (OperatingSystem.IsWindows()) return true;
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) != 0) return true;
        try
        {
            File.SetUnixFileMode(path, mode | exec);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "RZ9003", null, null, 0, 0, 0, 0, $"The Rayzor compiler at {path} is not executable: {e.Message}");
            return false;
        }
    }

    protected override string GenerateCommandLineCommands()
    {
        var b = new CommandLineBuilder();
        b.AppendSwitch("build");
        b.AppendSwitchIfNotNull("-m ", MainClass);
        foreach (var cp in ClassPaths) b.AppendSwitchIfNotNull("-p ", cp.GetMetadata("FullPath").TrimEnd('/'));
        foreach (var d in Defines.Where(d => d.Trim().Length > 0)) b.AppendSwitchIfNotNull("-D ", d.Trim());
        foreach (var l in Libraries.Where(l => l.Trim().Length > 0)) b.AppendSwitchIfNotNull("-L ", l.Trim());
        b.AppendSwitch("-O" + OptimizationLevel);
        b.AppendSwitchIfNotNull("--target ", ResolvedTargetTriple);
        b.AppendSwitchIfNotNull("-o ", Path.GetFullPath(OutputFile));
        b.AppendSwitch("--diagnostics msbuild");
        if (AdditionalArguments.Trim().Length > 0) b.AppendTextUnquoted(" " + AdditionalArguments.Trim());
        return b.ToString();
    }

    protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var d = CompilerOutput.Parse(singleLine);
        if (d == null)
        {
            Log.LogMessage(messageImportance, singleLine);
            return;
        }
        // a source file as the driver printed it (relative to the project folder, where it ran),
        // else the tool itself, as in the canonical `rayzor : error ...` form
        var file = d.File == null ? ToolName : Path.GetFullPath(d.File, GetWorkingDirectory() ?? Directory.GetCurrentDirectory());
        if (d.IsWarning)
            Log.LogWarning(null, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
        else
            Log.LogError(null, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, d.Message);
    }
}
