using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;

namespace Rayzor.Cli;

/// `rayzor parse PATH...`: parses files and folders (recursively), prints every diagnostic and a
/// summary line; exit 1 when there are errors.
public static class ParseCommand
{
    public static int Run(IReadOnlyList<string> paths, Options o)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*.hx", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else throw new UsageException($"file not found: {p}");
        }
        var defines = Defines.CreateDefault();
        foreach (var d in o.Defines) defines.DefineArgument(d);
        var sources = new SourceManager();
        var diags = new DiagnosticBag();
        long bytes = 0;
        var sw = Stopwatch.StartNew();
        foreach (var f in files)
        {
            var file = sources.Add(f, File.ReadAllBytes(f));
            bytes += file.Bytes.Length;
            Parser.ParseModule(file, defines, diags);
        }
        var ms = sw.Elapsed.TotalMilliseconds;
        foreach (var d in diags.Items)
            Console.Error.WriteLine(o.Diagnostics == "msbuild" ? DiagnosticFormatter.MsBuild(d, sources) : DiagnosticFormatter.Classic(d, sources));
        Console.Out.WriteLine($"parsed {files.Count} files ({bytes / 1e6:F1} MB) in {ms:F0} ms: {diags.ErrorCount} errors");
        return diags.HasErrors ? 1 : 0;
    }
}
