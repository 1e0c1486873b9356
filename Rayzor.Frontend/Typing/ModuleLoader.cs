using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;

namespace Rayzor.Frontend.Typing;

/// Finds, parses and caches modules along the class paths: the user's first, then Rayzor's `_std`,
/// then the official Haxe std — the layering every Haxe target uses.
public sealed class ModuleLoader
{
    private readonly Dictionary<string, ModuleSymbol?> _modules = new();
    private readonly List<string> _classPaths;

    public ModuleLoader(SourceManager sources, DiagnosticBag diagnostics, Defines defines, IEnumerable<string> classPaths)
    {
        Sources = sources;
        Diagnostics = diagnostics;
        Defines = defines;
        _classPaths = classPaths.ToList();
    }

    public SourceManager Sources { get; }
    public DiagnosticBag Diagnostics { get; }
    public Defines Defines { get; }
    public IReadOnlyList<string> ClassPaths => _classPaths;

    /// A file already parsed (with these defines, without diagnostics) and registered in Sources, used
    /// instead of reading and parsing it again; null: parse. The typer fuzzer shares the std's parses
    /// across its thousands of compilations this way.
    public Func<string, (SourceFile File, ModuleSyntax Syntax)?>? Preparsed { get; init; }

    /// Every module loaded so far.
    public IEnumerable<ModuleSymbol> Loaded => _modules.Values.OfType<ModuleSymbol>();

    /// The official std folder: HAXE_STD_PATH (first entry that exists), else /usr/share/haxe/std.
    public static string? FindHaxeStd()
    {
        var env = Environment.GetEnvironmentVariable("HAXE_STD_PATH");
        if (!string.IsNullOrEmpty(env))
            foreach (var p in env.Split(':', StringSplitOptions.RemoveEmptyEntries))
                if (File.Exists(Path.Combine(p, "StdTypes.hx"))) return p;
        var exeDir = AppContext.BaseDirectory;
        var beside = Path.GetFullPath(Path.Combine(exeDir, "..", "share", "haxe", "std"));
        if (File.Exists(Path.Combine(beside, "StdTypes.hx"))) return beside;
        return File.Exists("/usr/share/haxe/std/StdTypes.hx") ? "/usr/share/haxe/std" : null;
    }

    /// Loads module `pack.Name` (dotted) or returns null when no class path has it.
    public ModuleSymbol? Load(string dottedPath)
    {
        if (_modules.TryGetValue(dottedPath, out var cached)) return cached;
        _modules[dottedPath] = null; // guards against cycles while parsing
        var parts = dottedPath.Split('.');
        var rel = Path.Combine(parts) + ".hx";
        foreach (var cp in _classPaths)
        {
            var full = cp.Length == 0 ? rel : Path.Combine(cp, rel);
            if (!File.Exists(full)) continue;
            var module = LoadFile(full, parts[..^1], parts[^1]);
            _modules[dottedPath] = module;
            return module;
        }
        return null;
    }

    /// Parses a file as module `pack.name` and registers its type symbols.
    public ModuleSymbol LoadFile(string path, IReadOnlyList<string> pack, string name)
    {
        SourceFile file;
        ModuleSyntax syntax;
        if (Preparsed?.Invoke(path) is { } done)
            (file, syntax) = done;
        else
        {
            file = Sources.Add(DisplayPath(path), File.ReadAllBytes(path));
            syntax = Parser.ParseModule(file, Defines, Diagnostics);
        }
        var dotted = string.Join('.', pack.Append(name));
        var module = new ModuleSymbol(dotted, pack, name, file, syntax);
        foreach (var decl in syntax.Types)
        {
            TypeSymbol sym = decl switch
            {
                ClassDecl c => new ClassSymbol(module, c.Name, c),
                EnumDecl e => new EnumSymbol(module, e.Name, e),
                AbstractDecl a => new AbstractSymbol(module, a.Name, a),
                TypedefDecl t => new TypedefSymbol(module, t.Name, t),
                _ => throw new InvalidOperationException("unknown declaration " + decl.GetType().Name),
            };
            module.Types.Add(sym);
        }
        if (syntax.ModuleFields.Count > 0)
        {
            // module-level fields (Haxe 4.2) live in a hidden class of the module, as statics
            var fields = syntax.ModuleFields.Select(f => f with { Modifiers = f.Modifiers | Modifiers.Static }).ToList();
            var decl = new ClassDecl(syntax.Span, name + ModuleFieldsSuffix, syntax.Span, [], Modifiers.None, [], null, false, [], [], fields);
            module.Types.Add(new ClassSymbol(module, decl.Name, decl));
        }
        _modules[dotted] = module;
        return module;
    }

    /// Name suffix of the hidden class holding a module's module-level fields.
    public const string ModuleFieldsSuffix = "_Fields_";

    /// Haxe prints a module's path as found through its class path (`-cp .` gives `./Main.hx`), with
    /// absolute paths under the working directory made relative to it (under either of its names:
    /// WorkingDirectory).
    public static string DisplayPath(string path)
    {
        if (!Path.IsPathRooted(path)) return path;
        foreach (var cwd in WorkingDirectory.Names())
            if (path.StartsWith(cwd, StringComparison.Ordinal))
                return path[cwd.Length..];
        return path;
    }
}
