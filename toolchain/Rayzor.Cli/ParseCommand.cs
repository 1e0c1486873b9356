using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;

namespace Rayzor.Cli;

/// `rayzor parse PATH...`: parses files and folders (recursively), prints every diagnostic and a
/// summary line; exit 1 when there are syntax errors. A reached `#error` directive is a warning
/// here: `parse` checks syntax, and whether a file's `#error` fires depends on the defines of the
/// build that uses it (the official std has ten that fire outside their targets); `check` and
/// `build` report it as an error, as Haxe does.
public static class ParseCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var o = new Options();
        var paths = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "-D" or "--define": o.Defines.Add(Value()); break;
                case var d when d.StartsWith("-D") && d.Length > 2: o.Defines.Add(d[2..]); break;
                case "--diagnostics": o.Diagnostics = Value(); break;
                case var a when a.StartsWith('-'): throw new UsageException($"parse takes files, folders, -D and --diagnostics, not {a}");
                case var a: paths.Add(a); break;
            }
        }
        if (paths.Count == 0) throw new UsageException("parse needs files or folders");
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*.hx", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else if (File.Exists(p)) files.Add(p);
            else throw new UsageException($"file not found: {p}");
        }
        var defines = Defines.CreateDefault();
        foreach (var d in o.AllDefines()) defines.DefineArgument(d);
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
        var reported = new DiagnosticBag();
        foreach (var d in diags.Items)
            reported.Add(d.Code == SyntaxCodes.UserError ? d with { Severity = Severity.Warning } : d);
        diags = reported;
        var ms = sw.Elapsed.TotalMilliseconds;
        var reporter = Reporter.For(o.Diagnostics, Console.Error);
        foreach (var d in diags.Items) reporter.Report(d, sources);
        var warnings = diags.Items.Count - diags.ErrorCount;
        Console.Out.WriteLine($"parsed {files.Count} files ({bytes / 1e6:F1} MB) in {ms:F0} ms: {diags.ErrorCount} errors"
            + (warnings > 0 ? $", {warnings} warnings" : ""));
        return diags.HasErrors ? 1 : 0;
    }
}
