using System.IO.Hashing;
using System.Text;

namespace Rayzor.LlvmBackend.Link;

/// <summary>
/// Linked executables by a hash of what the link reads: the driver and every argument with the
/// output left out, and for each argument naming a file (the objects, which the object cache names
/// by their contents' hash, and the runtime's archives) its size and modification time. A build of
/// a program linked before — nothing changed, or a change undone — copies the executable instead
/// of linking it again (lld on the runtime's archives is half of a warm `rayzor run`). At most
/// <see cref="MaxEntries"/> are kept; the least recently used go first.
/// </summary>
public static class ExecutableCache
{
    /// <summary>Executables kept (a program is about 2 MB).</summary>
    public const int MaxEntries = 24;

    private const string KeyVersion = "rayzor-executable 1";

    /// <summary>The key of a link, or null when it cannot have one (a driver found by name only).</summary>
    public static string? KeyOf(string program, IReadOnlyList<string> arguments, string output)
    {
        if (!Path.IsPathRooted(program)) return null;
        var text = new StringBuilder(KeyVersion).Append('\n');
        if (!Identify(text, program)) return null;
        foreach (var a in arguments)
            if (a != output) Identify(text.Append(a).Append('\n'), a);
        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Appends the size and modification time of the file <paramref name="path"/>, when it is one.</summary>
    private static bool Identify(StringBuilder text, string path)
    {
        if (!Path.IsPathRooted(path)) return false;
        var file = new FileInfo(path);
        if (!file.Exists) return false;
        text.Append(file.FullName).Append(' ').Append(file.Length).Append(' ').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        return true;
    }

    /// <summary>Where the executable of <paramref name="key"/> is kept.</summary>
    public static string PathFor(string directory, string key) => Path.Combine(directory, key + ".exe");

    /// <summary>Copies the executable of <paramref name="key"/> to <paramref name="destination"/>; false when there is none.</summary>
    public static bool TryCopy(string directory, string key, string destination)
    {
        var path = PathFor(directory, key);
        try
        {
            File.Copy(path, destination, overwrite: true);
            // the copy keeps the cached file's time: a build's output must be newer than its
            // inputs (make, MSBuild's incremental build), and the entry is recently used
            var now = DateTime.UtcNow;
            File.SetLastWriteTimeUtc(destination, now);
            File.SetLastWriteTimeUtc(path, now);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AtomicFile.Delete(destination);
            return false;
        }
    }

    /// <summary>Keeps a copy of <paramref name="executable"/> under <paramref name="key"/>, then drops the oldest beyond <see cref="MaxEntries"/>.</summary>
    public static void Store(string directory, string key, string executable)
    {
        try
        {
            Directory.CreateDirectory(directory);
            AtomicFile.Write(PathFor(directory, key), t => File.Copy(executable, t, overwrite: true));
            var kept = new DirectoryInfo(directory).GetFiles("*.exe").OrderByDescending(f => f.LastWriteTimeUtc).ToList();
            foreach (var old in kept.Skip(MaxEntries)) AtomicFile.Delete(old.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not kept: the next build links again
        }
    }
}
