using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Diagnostics;

public enum Severity { Error, Warning }

/// A user-facing message with a stable code (RZ0001...) and the span it is about.
public sealed record Diagnostic(Severity Severity, string Code, string Message, TextSpan Span);

/// Collects diagnostics; user errors are values, never exceptions.
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    public void Add(Diagnostic d) => _items.Add(d);

    public void Error(string code, TextSpan span, string message) => _items.Add(new(Severity.Error, code, message, span));

    public void Warning(string code, TextSpan span, string message) => _items.Add(new(Severity.Warning, code, message, span));

    public void AddRange(IEnumerable<Diagnostic> ds) => _items.AddRange(ds);

    /// Replaces the whole list (to reorder it).
    public void Replace(IEnumerable<Diagnostic> ds)
    {
        var list = ds.ToList();
        _items.Clear();
        _items.AddRange(list);
    }

    /// Drops the diagnostics from `index` on (what Haxe would not have reached).
    public void Truncate(int index) => _items.RemoveRange(index, _items.Count - index);

    /// Places a note right after the diagnostic it explains.
    public void Insert(int index, Diagnostic d) => _items.Insert(index, d);
}

/// Prints diagnostics the way Haxe does: `file:line: characters a-b : message`.
public static class DiagnosticFormatter
{
    public static string Classic(Diagnostic d, SourceManager sources)
    {
        var prefix = d.Severity == Severity.Warning ? "Warning : " : "";
        if (d.Span.FileId < 0) return $"rayzor: {prefix}{d.Message}";
        var f = sources[d.Span.FileId];
        var startLine = f.LineOf(d.Span.Start);
        var endLine = f.LineOf(Math.Max(d.Span.Start, d.Span.End - 1));
        if (startLine != endLine)
            return $"{f.Path}:{startLine}: lines {startLine}-{endLine} : {prefix}{d.Message}";
        // Haxe prints a 1-based start column and the column just past the end.
        var col = d.Span.Start - f.LineStart(startLine) + 1;
        if (d.Span.Length <= 0) return $"{f.Path}:{startLine}: character {col} : {prefix}{d.Message}";
        var endCol = col + d.Span.Length;
        return $"{f.Path}:{startLine}: characters {col}-{endCol} : {prefix}{d.Message}";
    }

    /// MSBuild's canonical form: `file(line,col,line,col): error RZ0001: message`, with the file's
    /// full path (MSBuild and IDEs do not know the compiler's working folder) and 1-based columns
    /// counted in characters (Haxe's classic form counts bytes), the end one just past the span.
    public static string MsBuild(Diagnostic d, SourceManager sources)
    {
        var kind = d.Severity == Severity.Warning ? "warning" : "error";
        if (d.Span.FileId < 0) return $"rayzor : {kind} {d.Code}: {d.Message}";
        var f = sources[d.Span.FileId];
        var l1 = f.LineOf(d.Span.Start);
        var l2 = f.LineOf(Math.Max(d.Span.Start, d.Span.End - 1));
        var c1 = CharColumn(f, l1, d.Span.Start);
        var c2 = CharColumn(f, l2, Math.Max(d.Span.End, d.Span.Start));
        return $"{Path.GetFullPath(f.Path)}({l1},{c1},{l2},{c2}): {kind} {d.Code}: {d.Message}";
    }

    /// 1-based column, in characters, of a byte offset on a line.
    public static int CharColumn(SourceFile f, int line, int offset)
    {
        var start = f.LineStart(line);
        return System.Text.Encoding.UTF8.GetCharCount(f.Bytes, start, Math.Clamp(offset, start, f.Bytes.Length) - start) + 1;
    }
}
