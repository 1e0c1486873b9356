using System.Text.Json;

namespace Rayzor.Cli;

/// A library found in a haxelib repository and what it adds to a build: its class path, the
/// define `-D Name=Version`, the arguments of its `extraParams.hxml`, and the libraries it needs
/// (a null version: the current one).
public sealed record HaxeLibrary(string Name, string Version, string Root, string ClassPath, IReadOnlyList<string> ExtraArgs,
    IReadOnlyList<(string Name, string? Version)> Dependencies);

/// Resolves `-L name[:version]` the way `haxelib path` does, without running haxelib. A repository
/// holds one folder per library (name lowercased, dots as commas); in it, `.dev` names a folder to
/// use as is, else `.current` names the version, whose folder is the version with dots as commas
/// (`1,2,3`, or `git`/`hg`). The library's `haxelib.json` gives its `classPath` (relative to its
/// root), `name`, `version` and `dependencies`, resolved recursively, depth first, each library
/// once. Repositories are searched in order (see <see cref="FindRepositories"/>).
public sealed class Haxelib(IReadOnlyList<string> repositories)
{
    public IReadOnlyList<string> Repositories { get; } = repositories;

    /// The repositories, first match wins: a `.haxelib` folder in the working folder or one above
    /// it (unless <paramref name="globalOnly"/>, `--haxelib-global`), `HAXELIB_PATH`, the one that
    /// `~/.haxelib` names (haxelib's config file; a folder there is used itself), `/etc/.haxelib`,
    /// and Debian's default `/usr/share/haxe/lib`. Only existing folders are kept.
    public static List<string> FindRepositories(string workingDirectory, string? haxelibPath, string? home, bool globalOnly = false)
    {
        var list = new List<string>();
        void Add(string? dir)
        {
            if (string.IsNullOrWhiteSpace(dir)) return;
            var full = Path.GetFullPath(dir.Trim());
            if (Directory.Exists(full) && !list.Contains(full)) list.Add(full);
        }
        void AddConfigured(string path)
        {
            if (Directory.Exists(path)) Add(path);
            else if (File.Exists(path)) Add(File.ReadAllText(path));
        }
        if (!globalOnly)
            for (var d = new DirectoryInfo(Path.GetFullPath(workingDirectory)); d != null; d = d.Parent)
                if (Directory.Exists(Path.Combine(d.FullName, ".haxelib")))
                {
                    Add(Path.Combine(d.FullName, ".haxelib"));
                    break;
                }
        Add(haxelibPath);
        if (!string.IsNullOrEmpty(home)) AddConfigured(Path.Combine(home, ".haxelib"));
        AddConfigured("/etc/.haxelib");
        Add("/usr/share/haxe/lib");
        return list;
    }

    public static Haxelib FromEnvironment(string workingDirectory, bool globalOnly) =>
        new(FindRepositories(workingDirectory, Environment.GetEnvironmentVariable("HAXELIB_PATH"),
            Environment.GetEnvironmentVariable("HOME"), globalOnly));

    /// Resolves `name` or `name:version` arguments and everything they depend on, in order.
    public List<HaxeLibrary> Resolve(IEnumerable<string> specs, ICollection<string>? alreadyIncluded = null)
    {
        var result = new List<HaxeLibrary>();
        var included = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in alreadyIncluded ?? []) included[name] = "";
        foreach (var spec in specs)
        {
            var colon = spec.IndexOf(':');
            var (name, version) = colon < 0 ? (spec, null) : (spec[..colon], spec[(colon + 1)..]);
            Add(name, version, true);
        }
        return result;

        void Add(string name, string? version, bool topLevel)
        {
            if (included.TryGetValue(name, out var have))
            {
                if (topLevel && version != null && have != "" && have != version)
                    throw new UsageException($"Cannot process {name}:{version}: library {name} has two versions included : {have} and {version}");
                return;
            }
            var lib = Find(name, version);
            included[name] = lib.Version;
            result.Add(lib);
            foreach (var (dep, depVersion) in lib.Dependencies) Add(dep, depVersion, false);
        }
    }

    /// One library, without its dependencies.
    public HaxeLibrary Find(string name, string? version)
    {
        foreach (var repo in Repositories)
        {
            var libDir = Path.Combine(repo, Safe(name).ToLowerInvariant());
            if (!Directory.Exists(libDir)) libDir = Path.Combine(repo, Safe(name));
            if (!Directory.Exists(libDir)) continue;
            string root, folderVersion;
            var devFile = Path.Combine(libDir, ".dev");
            var currentFile = Path.Combine(libDir, ".current");
            if (version != null)
            {
                root = Path.Combine(libDir, Safe(version).ToLowerInvariant());
                if (!Directory.Exists(root)) throw new UsageException($"Library {name} version {version} is not installed (in {repo})");
                folderVersion = version;
            }
            else if (File.Exists(devFile) && File.ReadAllText(devFile).Trim() is { Length: > 0 } dev)
            {
                root = Path.GetFullPath(Path.Combine(libDir, dev));
                if (!Directory.Exists(root)) throw new UsageException($"Library {name}: its dev folder {root} does not exist");
                folderVersion = "dev";
            }
            else if (File.Exists(currentFile))
            {
                folderVersion = File.ReadAllText(currentFile).Trim();
                root = Path.Combine(libDir, Safe(folderVersion).ToLowerInvariant());
                if (!Directory.Exists(root)) throw new UsageException($"Library {name} version {folderVersion} is not installed (in {repo})");
            }
            else throw new UsageException($"No current version set for library '{name}' (in {repo})");
            return Load(name, folderVersion, root);
        }
        var searched = Repositories.Count == 0 ? "no haxelib repository found" : "searched " + string.Join(", ", Repositories);
        throw new UsageException($"Library {name} is not installed ({searched})");
    }

    private static HaxeLibrary Load(string name, string folderVersion, string root)
    {
        string? jsonName = null, jsonVersion = null, classPath = null;
        var json = ReadJson(root);
        if (json is { ValueKind: JsonValueKind.Object } o)
        {
            jsonName = StringProperty(o, "name");
            jsonVersion = StringProperty(o, "version");
            classPath = StringProperty(o, "classPath");
        }
        var cp = string.IsNullOrEmpty(classPath) ? root : Path.Combine(root, classPath);
        var extra = Path.Combine(root, "extraParams.hxml");
        var extraArgs = File.Exists(extra) ? Hxml.ParseText(File.ReadAllText(extra)) : [];
        return new HaxeLibrary(jsonName ?? name, jsonVersion ?? folderVersion, root, cp, extraArgs, Dependencies(json));
    }

    /// The `dependencies` of a library's haxelib.json: name and version (null: the current one).
    private static List<(string Name, string? Version)> Dependencies(JsonElement? json)
    {
        var deps = new List<(string, string?)>();
        if (json is { ValueKind: JsonValueKind.Object } o
            && o.TryGetProperty("dependencies", out var d) && d.ValueKind == JsonValueKind.Object)
            foreach (var p in d.EnumerateObject())
            {
                var v = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
                // "git:url" and "hg:url" name the git or hg install of the library
                if (v != null && v.IndexOf(':') is var c and > 0) v = v[..c];
                deps.Add((p.Name, string.IsNullOrEmpty(v) ? null : v));
            }
        return deps;
    }

    private static JsonElement? ReadJson(string root)
    {
        var path = Path.Combine(root, "haxelib.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: invalid JSON: {e.Message}");
        }
    }

    private static string? StringProperty(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// Haxelib's file-system form of a name or version: dots become commas.
    public static string Safe(string s) => s.Replace('.', ',');
}
