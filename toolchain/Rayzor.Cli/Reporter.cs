using System.Text;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;

namespace Rayzor.Cli;

/// Prints diagnostics and the driver's own messages in one of three modes: `classic` (Haxe's
/// `file:line: characters a-b : message`), `pretty` (the source line with a caret under the
/// span; in colour when stderr is a terminal and NO_COLOR is unset) and `msbuild`
/// (`file(line,col,line,col): error RZ0001: message`, which MSBuild and IDEs pick up).
public sealed class Reporter(string mode, TextWriter err, bool color)
{
    /// The code of errors found by the driver itself (command line, files, libraries, linking).
    public const string DriverCode = "RZ1000";

    public string Mode { get; } = mode;

    public static Reporter For(string mode, TextWriter err) => new(mode, err, mode == "pretty" && Terminal.ColorOnStderr);

    public void Report(Diagnostic d, SourceManager sources) => err.WriteLine(Mode switch
    {
        "msbuild" => DiagnosticFormatter.MsBuild(d, sources),
        "pretty" => Pretty(d, sources),
        _ => DiagnosticFormatter.Classic(d, sources),
    });

    /// A message of the driver (no source position).
    public void Error(string message) => err.WriteLine(Mode switch
    {
        "msbuild" => $"rayzor : error {DriverCode}: {OneLine(message)}",
        "pretty" => $"{Paint("error", "1;31")}{Paint(":", "1")} {message}",
        _ => "rayzor: " + message,
    });

    public void Warning(string message) => err.WriteLine(Mode switch
    {
        "msbuild" => $"rayzor : warning {DriverCode}: {OneLine(message)}",
        "pretty" => $"{Paint("warning", "1;33")}{Paint(":", "1")} {message}",
        _ => "rayzor: warning: " + message,
    });

    private static string OneLine(string s) => s.Replace('\n', ' ').TrimEnd();

    private string Paint(string text, string sgr) => color ? $"\e[{sgr}m{text}\e[0m" : text;

    /// ```
    /// error[RZ0200]: String should be Int
    ///   --> Main.hx:3:17
    ///    |
    ///  3 |     var x:Int = "a";
    ///    |                 ^^^
    /// ```
    private string Pretty(Diagnostic d, SourceManager sources)
    {
        var (word, sgr) = d.Severity == Severity.Warning ? ("warning", "1;33") : ("error", "1;31");
        var sb = new StringBuilder();
        sb.Append(Paint($"{word}[{d.Code}]", sgr)).Append(Paint(": " + d.Message, "1"));
        if (d.Span.FileId < 0) return sb.ToString();
        var f = sources[d.Span.FileId];
        var start = Math.Clamp(d.Span.Start, 0, f.Bytes.Length);
        var end = Math.Clamp(Math.Max(d.Span.End, d.Span.Start), start, f.Bytes.Length);
        var l1 = f.LineOf(start);
        var l2 = f.LineOf(Math.Max(start, end - 1));
        var width = l2.ToString().Length;
        var gutter = new string(' ', width);
        var bar = Paint("|", "1;34");
        sb.Append('\n').Append(gutter).Append(Paint("--> ", "1;34"))
            .Append($"{f.Path}:{l1}:{DiagnosticFormatter.CharColumn(f, l1, start)}");
        sb.Append('\n').Append(gutter).Append(' ').Append(bar);
        var shown = l2 - l1 <= 1 ? new[] { l1, l2 }.Distinct() : [l1, -1, l2];
        foreach (var line in shown)
        {
            if (line < 0)
            {
                sb.Append('\n').Append(Paint("...", "1;34"));
                continue;
            }
            var (lineStart, lineEnd) = LineBounds(f, line);
            var text = Encoding.UTF8.GetString(f.Bytes, lineStart, lineEnd - lineStart);
            sb.Append('\n').Append(Paint(line.ToString().PadLeft(width), "1;34")).Append(' ').Append(bar).Append(' ').Append(text);
            // the caret line copies the tabs of the source so the carets line up in any tab width
            var from = Encoding.UTF8.GetString(f.Bytes, lineStart, Math.Max(start, lineStart) - lineStart);
            var under = Encoding.UTF8.GetString(f.Bytes, Math.Max(start, lineStart), Math.Max(Math.Min(end, lineEnd) - Math.Max(start, lineStart), 0));
            var pad = new string([.. from.Select(c => c == '\t' ? '\t' : ' ')]);
            sb.Append('\n').Append(gutter).Append(' ').Append(bar).Append(' ').Append(pad).Append(Paint(new string('^', Math.Max(1, under.Length)), sgr));
        }
        return sb.ToString();
    }

    /// Byte range of a line without its line break.
    private static (int Start, int End) LineBounds(SourceFile f, int line)
    {
        var start = f.LineStart(line);
        var end = start;
        while (end < f.Bytes.Length && f.Bytes[end] != (byte)'\n') end++;
        if (end > start && f.Bytes[end - 1] == (byte)'\r') end--;
        return (start, end);
    }
}

/// What the driver knows about the terminal it writes to.
public static class Terminal
{
    private static bool Dumb => Environment.GetEnvironmentVariable("TERM") is null or "" or "dumb";

    /// Colour only on a terminal, and never when NO_COLOR is set.
    public static bool ColorOnStderr => !Console.IsErrorRedirected && !Dumb && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// Progress lines only on a terminal: a pipe or a log file stays quiet.
    public static bool ProgressOnStderr => !Console.IsErrorRedirected && !Dumb;
}
