using System.Runtime.InteropServices;

namespace Rayzor.Frontend.Typing;

/// The working directory under the names a path given by the user may start with: the process's
/// own (`getcwd`, symbolic links resolved) and, when a shell reached it through a symbolic link,
/// the shell's (`$PWD`, naming the same directory): `cd /link/project && rayzor build
/// /link/project/Main.hx` prints positions as `Main.hx`, as from `/real/project`.
internal static partial class WorkingDirectory
{
    /// Each name ends with `/`; the process's first.
    public static IEnumerable<string> Names()
    {
        var cwd = Directory.GetCurrentDirectory();
        yield return WithSlash(cwd);
        var pwd = Environment.GetEnvironmentVariable("PWD");
        if (!string.IsNullOrEmpty(pwd) && Path.IsPathRooted(pwd) && pwd.TrimEnd('/') != cwd.TrimEnd('/') && RealPath(pwd) == RealPath(cwd))
            yield return WithSlash(pwd);
    }

    private static string WithSlash(string dir) => dir.TrimEnd('/') + "/";

    /// `realpath(3)`: the path with every symbolic link resolved, or null.
    private static unsafe string? RealPath(string path)
    {
        var resolved = realpath(path, null);
        if (resolved == null) return null;
        try
        {
            return Marshal.PtrToStringUTF8((nint)resolved);
        }
        finally
        {
            NativeMemory.Free(resolved);
        }
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial byte* realpath(string path, byte* resolved);
}
