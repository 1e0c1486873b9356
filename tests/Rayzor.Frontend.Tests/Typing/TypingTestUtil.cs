using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typing;

namespace Rayzor.Frontend.Tests.Typing;

/// Types small programs against the official standard library and Rayzor's `_std` folder.
internal static class TypingTestUtil
{
    public static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rayzor.sln"))) return d.FullName;
        throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
    }

    /// Types the program in `dir` whose main class is `main`: the typed program (null when typing
    /// could not start) and the diagnostics in Haxe's classic format, paths relative to `dir`.
    public static (TypedProgram? Program, List<string> Diagnostics) TypeDirectory(string dir, string main)
    {
        var sources = new SourceManager();
        var bag = new DiagnosticBag();
        var std = ModuleLoader.FindHaxeStd() ?? throw new InvalidOperationException("the Haxe standard library is not installed");
        string[] classPaths = [dir, Path.Combine(Root, "Rayzor.Runtime", "haxe", "_std"), std];
        var loader = new ModuleLoader(sources, bag, Defines.CreateDefault(), classPaths);
        var prefix = dir.TrimEnd('/') + "/";
        var typer = new Typer(loader) { IsUserModule = m => Path.GetFullPath(m.File.Path).StartsWith(prefix, StringComparison.Ordinal) };
        var program = typer.TypeProgram(main, TextSpan.None);
        var diags = bag.Items.Select(d => DiagnosticFormatter.Classic(d, sources).Replace(prefix, "")).ToList();
        return (program, diags);
    }

    /// Types `source` as the module `Main` in a fresh folder.
    public static (TypedProgram? Program, List<string> Diagnostics) Type(string source)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rayzor-typing-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "Main.hx"), source);
            return TypeDirectory(dir, "Main");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// The diagnostics of `static function main() { body }` in class Main, after the declarations `decls`.
    public static List<string> Diags(string body, string decls = "") =>
        Type(decls + "\nclass Main {\n\tstatic function main() {\n" + body + "\n\t}\n}\n").Diagnostics;

    /// Compares text with a checked-in snapshot; RAYZOR_TEST_BLESS=1 rewrites the snapshot instead.
    public static void MatchSnapshot(string expectedFile, string actual)
    {
        if (Environment.GetEnvironmentVariable("RAYZOR_TEST_BLESS") == "1")
        {
            File.WriteAllText(expectedFile, actual);
            return;
        }
        Assert.True(File.Exists(expectedFile), $"missing snapshot {expectedFile} (run with RAYZOR_TEST_BLESS=1 to create it)");
        Assert.Equal(File.ReadAllText(expectedFile), actual);
    }
}
