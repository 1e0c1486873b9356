using Rayzor.LlvmBackend.Link;

namespace Rayzor.LlvmBackend.Build;

/// <summary>
/// Object files of codegen units by key (a hash of the unit's LLVM IR before optimization and of
/// everything else the object depends on, see <see cref="UnitCompiler"/>): `DIR/ab/abcdef....o`.
/// Content-addressed, so one cache serves every project and concurrent builds: an entry is written
/// under a temporary name and renamed into place (<see cref="AtomicFile"/>), so a reader sees a whole
/// object or none, and two builds writing one key write the same bytes. Nothing is ever modified
/// in place. The folder: <c>$RAYZOR_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/rayzor/objects</c>,
/// else <c>~/.cache/rayzor/objects</c>. Its size is bounded (<see cref="PruneIfDue"/>): an entry's
/// modification time is its last use, and the least recently used go first.
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

    /// <summary>The cached object of <paramref name="key"/>, or null. A hit not used for an hour is
    /// marked used (its modification time), so pruning keeps it.</summary>
    public string? Find(string key)
    {
        var file = new FileInfo(PathFor(key));
        if (!file.Exists) return null;
        if (DateTime.UtcNow - file.LastWriteTimeUtc > Unused)
        {
            try
            {
                file.LastWriteTimeUtc = DateTime.UtcNow;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a read-only cache: used as is
            }
        }
        return file.FullName;
    }

    /// <summary>The size the cache is pruned to (MB, fractions allowed), overriding <see cref="DefaultMaxBytes"/>.</summary>
    public const string MaxSizeVariable = "RAYZOR_CACHE_MAX_MB";

    /// <summary>1 GiB: a few hundred builds of programs of the benchmarks' size.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>Entries used within this time are never pruned (a build running now may be about to link them).</summary>
    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);

    private string Stamp => Path.Combine(Directory, "pruned");

    /// <summary>
    /// At most once an hour (the stamp file's time): when the objects take more than the limit
    /// (<see cref="MaxSizeVariable"/>, else <see cref="DefaultMaxBytes"/>), deletes the least
    /// recently used ones not used for an hour until they take 3/4 of it. Returns the bytes freed.
    /// </summary>
    public long PruneIfDue()
    {
        try
        {
            var stamp = new FileInfo(Stamp);
            if (stamp.Exists && DateTime.UtcNow - stamp.LastWriteTimeUtc < Unused) return 0;
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(Stamp, []);
            return Prune(MaxBytes(), DateTime.UtcNow - Unused);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long MaxBytes() =>
        double.TryParse(Environment.GetEnvironmentVariable(MaxSizeVariable), System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb > 0
            ? (long)(mb * (1 << 20)) : DefaultMaxBytes;

    /// <summary>Deletes objects last used before <paramref name="usedBefore"/>, oldest first, while they take more than 3/4 of <paramref name="maxBytes"/>.</summary>
    public long Prune(long maxBytes, DateTime usedBefore)
    {
        var objects = new DirectoryInfo(Directory).EnumerateFiles("*.o", SearchOption.AllDirectories).ToList();
        var total = objects.Sum(f => f.Length);
        if (total <= maxBytes) return 0;
        long freed = 0;
        foreach (var f in objects.Where(f => f.LastWriteTimeUtc < usedBefore).OrderBy(f => f.LastWriteTimeUtc))
        {
            if (total - freed <= maxBytes / 4 * 3) break;
            AtomicFile.Delete(f.FullName);
            freed += f.Length;
        }
        return freed;
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
