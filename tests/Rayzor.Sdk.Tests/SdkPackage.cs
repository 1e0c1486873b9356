using System.Reflection;

namespace Rayzor.Sdk.Tests;

/// Packs Rayzor.Sdk once per test run into artifacts/packages (the folder samples/nuget.config
/// names) and gives each `dotnet build` an environment that restores it from there only, into a
/// NuGet package folder of this run, so a package extracted by an earlier run is never used.
public static class SdkPackage
{
    private static readonly Lazy<Task<string>> Packed = new(Pack);

    /// The folder holding Rayzor.Sdk.VERSION.nupkg, packed on first use.
    public static Task<string> Folder => Packed.Value;

    /// The package version (the task assembly's).
    public static string Version => typeof(RayzorCompile).Assembly.GetName().Version!.ToString(3);

    /// The build configuration of this test assembly: the task was built in it, so packing
    /// needs no build.
    private static string Configuration =>
        typeof(SdkPackage).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static async Task<string> Pack()
    {
        var folder = Path.Combine(TestEnv.Root, "artifacts", "packages");
        var project = Path.Combine(TestEnv.Root, "toolchain", "Rayzor.Sdk", "Rayzor.Sdk.csproj");
        var env = BuildEnvironment();
        env.Remove("NUGET_PACKAGES"); // packing reads the task's own restore, made with the usual folder
        var r = await TestEnv.Run("dotnet",
            ["pack", project, "-c", Configuration, "--no-build", "-o", folder, "-nologo", "-nodeReuse:false"],
            TestEnv.Root, env);
        if (r.ExitCode != 0 || !File.Exists(Path.Combine(folder, $"Rayzor.Sdk.{Version}.nupkg")))
            throw new InvalidOperationException($"dotnet pack failed ({r.ExitCode}):\n{r.StandardOutput}\n{r.StandardError}");
        // every project under the scratch folder restores from the packed folder only
        File.WriteAllText(Path.Combine(TestEnv.Scratch, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="rayzor-local" value="{folder}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    /// The environment of a nested `dotnet`: a package folder of this run, no MSBuild node left
    /// running, and nothing of the test host's own MSBuild or Rayzor settings (the package must
    /// find its compiler, runtime and standard library by itself).
    public static Dictionary<string, string?> BuildEnvironment() => new()
    {
        ["NUGET_PACKAGES"] = Path.Combine(TestEnv.Scratch, "nuget-packages"),
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        ["RAYZOR_HOME"] = null,
        ["RAYZOR_RUNTIME_DIR"] = null,
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
    };
}
