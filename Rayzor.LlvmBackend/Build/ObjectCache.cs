using Rayzor.LlvmBackend.Link;

namespace Rayzor.LlvmBackend.Build;

/// <summary>
/// Object files of codegen units by key (a hash of the unit's LLVM IR before optimization and of
/// everything else the object depends on, see <see cref="UnitCompiler"/>): `DIR/ab/abcdef....o`.
/// Content-addressed, so one cache serves every project and concurrent builds: an entry is written
/// under a temporary name and renamed into place (<see cref="AtomicFile"/>), so a reader sees a whole
/// object or none, and two builds writing one key write the same bytes. Nothing is ever modified
/// or deleted in place. The folder: <c>$RAYZOR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/rayzor/objects</c>,
/// else <c>~/.cache/rayzor/objects</c>.
/// </summary>
public sealed class ObjectCache(string directory)
{
    /// <summary>Overrides the cache folder.</summary>
    public const string DirectoryVariable = "RAYZOR_CACHE_DIR";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The default cache folder, or null when there is no home folder to put it in.</summary>
    public static string? DefaultDirectory()
    {
        var own = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrEmpty(own)) return own;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "rayzor", "objects");
        var home = Environment.GetEnvironmentVariable("HOME");
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "rayzor", "objects");
    }

    /// <summary>Where the object of <paramref name="key"/> (lower-case hex) is kept.</summary>
    public string PathFor(string key) => Path.Combine(Directory, key[..2], key + ".o");

    /// <summary>The cached object of <paramref name="key"/>, or null.</summary>
    public string? Find(string key)
    {
        var path = PathFor(key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Writes the object of <paramref name="key"/> with <paramref name="write"/> (given a
    /// temporary path) and moves it into place; returns its path, or null when the cache folder
    /// cannot be written (the caller then writes the object elsewhere).</summary>
    public string? Store(string key, Action<string> write)
    {
        var path = PathFor(key);
        try
        {
            AtomicFile.Write(path, write);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
