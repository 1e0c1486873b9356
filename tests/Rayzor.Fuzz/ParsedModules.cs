using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typing;

namespace Rayzor.Fuzz;

/// The parses of the standard library's files, shared by the typer fuzzer's compilations (a third of
/// typing an input was parsing the same std files again). A file's syntax carries its file id, so each
/// cached file has a fixed id: every compilation's SourceManager starts with the cached files at those
/// ids (Begin), and the loader takes a cached file's syntax instead of parsing it (ModuleLoader.Preparsed).
/// A file first met in one compilation is parsed there as usual and cached, at the next free id, for the
/// compilations after it. Only files under the given roots are cached, and only those that parse without
/// a diagnostic (a cached parse reports nothing).
public sealed class ParsedModules(Defines defines, IReadOnlyList<string> roots)
{
    private sealed record Entry(string Path, SourceFile File, ModuleSyntax Syntax);

    private readonly object _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry?> _byPath = new(StringComparer.Ordinal);

    /// A SourceManager holding the cached files at their ids, and the lookup for a ModuleLoader using it.
    public (SourceManager Sources, Func<string, (SourceFile, ModuleSyntax)?> Lookup) Begin()
    {
        Entry[] known;
        lock (_lock) known = _entries.ToArray();
        var sources = new SourceManager();
        foreach (var e in known) sources.Add(e.File.Path, e.File.Bytes);
        return (sources, path => Find(path, sources, known.Length));
    }

    private (SourceFile, ModuleSyntax)? Find(string path, SourceManager sources, int known)
    {
        if (!roots.Any(r => path.StartsWith(r, StringComparison.Ordinal))) return null;
        Entry? entry;
        lock (_lock)
        {
            if (!_byPath.TryGetValue(path, out entry))
            {
                // first met: parsed for the next compilations at its own id; this one parses it as usual
                var file = new SourceFile(_entries.Count, ModuleLoader.DisplayPath(path), File.ReadAllBytes(path));
                var bag = new DiagnosticBag();
                var syntax = Parser.ParseModule(file, defines, bag);
                entry = bag.Items.Count == 0 ? new Entry(path, file, syntax) : null;
                _byPath[path] = entry;
                if (entry != null) _entries.Add(entry);
                return null;
            }
        }
        return entry != null && entry.File.Id < known ? (sources[entry.File.Id], entry.Syntax) : null;
    }
}
