namespace Rayzor.LlvmBackend.Link;

/// <summary>
/// Writes a file so that it appears whole or not at all: under a temporary name unique to this
/// process and call, in the destination's folder, then renamed over the destination (rename(2) is
/// atomic within a file system). Concurrent builds of one output never see or leave half a file,
/// and a program still running from the old file keeps it (no "text file busy").
/// </summary>
public static class AtomicFile
{
    /// <summary>A fresh temporary path next to <paramref name="path"/> (a hidden name in its folder).</summary>
    public static string TemporaryFor(string path)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Runs <paramref name="write"/> on a temporary path, then moves the result to
    /// <paramref name="path"/>; on an exception nothing is left behind and the old file is kept.</summary>
    public static void Write(string path, Action<string> write)
    {
        string temporary = TemporaryFor(path);
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            Delete(temporary);
        }
    }

    /// <summary>Deletes <paramref name="path"/> if it exists, ignoring failures (clean-up only).</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
