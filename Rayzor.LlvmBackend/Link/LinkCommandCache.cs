using System.IO.Hashing;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Rayzor.LlvmBackend.Link;

/// <summary>
/// Runs the linker without its driver: <c>clang-19 ... -fuse-ld=lld</c> spends about a third of a
/// link (its own start-up, finding the C run-time files) before starting <c>ld.lld</c>. The first
/// link asks the driver for the <c>ld.lld</c> command (<c>-###</c>) and runs it; the command, with
/// the objects and the output replaced by markers, is kept in a file named by a hash of the driver
/// (path, size, time), its arguments and the runtime's link list, and later links run it directly.
/// A direct link that fails is retried through the driver, so a stale command can only cost time.
/// </summary>
public static class LinkCommandCache
{
    private const string OutputMarker = "\u0001output", ObjectsMarker = "\u0001objects";

    /// <summary>The kept <c>ld.lld</c> command for this link, with its objects and output filled in, or null.</summary>
    public static IReadOnlyList<string>? Find(string directory, string program, IReadOnlyList<string> arguments, LinkRequest request, string output)
    {
        var path = PathFor(directory, program, arguments, request, output);
        if (path == null || !File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return null;
        return [.. lines.SelectMany(l => l == OutputMarker ? [output] : l == ObjectsMarker ? request.ObjectFiles.Select(Path.GetFullPath) : [l])];
    }

    /// <summary>Asks the driver for its <c>ld.lld</c> command (<c>-###</c>): the command for this
    /// link, or null when the driver's answer cannot be read. Keeps it (with markers) for later links.</summary>
    public static async Task<IReadOnlyList<string>?> LearnAsync(string directory, string program, IReadOnlyList<string> arguments,
        LinkRequest request, string output, CancellationToken cancellationToken)
    {
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(program).WithArguments(["-###", .. arguments]).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no driver: the normal link reports it
        }
        if (result.ExitCode != 0) return null;
        var line = result.StandardError.Split('\n').LastOrDefault(l => l.StartsWith(" \"", StringComparison.Ordinal));
        if (line == null) return null;
        var command = Unquote(line);
        if (command == null || command.Count == 0 || !Path.GetFileName(command[0]).StartsWith("ld.lld", StringComparison.Ordinal)) return null;

        // the template: the output and the run of object files become markers
        var objects = request.ObjectFiles.Select(Path.GetFullPath).ToList();
        var template = new List<string>();
        var sawObjects = false;
        for (var i = 0; i < command.Count; i++)
        {
            if (command[i] == output) template.Add(OutputMarker);
            else if (!sawObjects && objects.Count > 0 && command.Skip(i).Take(objects.Count).SequenceEqual(objects))
            {
                template.Add(ObjectsMarker);
                i += objects.Count - 1;
                sawObjects = true;
            }
            else template.Add(command[i]);
        }
        var path = PathFor(directory, program, arguments, request, output);
        if (path != null && sawObjects && template.Contains(OutputMarker) && !template.Any(a => a.Contains('\n')))
        {
            try
            {
                AtomicFile.Write(path, t => File.WriteAllLines(t, template));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // not kept: the next link asks the driver again
            }
        }
        return command;
    }

    /// <summary>The file keeping the command of links like this one, or null when the driver is not found.</summary>
    private static string? PathFor(string directory, string program, IReadOnlyList<string> arguments, LinkRequest request, string output)
    {
        var driver = new FileInfo(program);
        if (!driver.Exists) return null;
        var objects = request.ObjectFiles.Select(Path.GetFullPath).ToHashSet();
        var text = new StringBuilder($"{driver.FullName}\n{driver.Length}\n{driver.LastWriteTimeUtc.Ticks}\n");
        foreach (var a in arguments) text.Append(a == output ? OutputMarker : objects.Contains(a) ? ObjectsMarker : a).Append('\n');
        var list = Path.Combine(request.RuntimeDirectory, Linker.LinkListFileName);
        if (File.Exists(list)) text.Append(File.GetLastWriteTimeUtc(list).Ticks);
        var key = Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text.ToString())));
        return Path.Combine(directory, "link-" + key[..32] + ".txt");
    }

    /// <summary>The arguments of a line of <c>-###</c> output (each in double quotes, with
    /// backslash escapes), or null when the line is not in that form.</summary>
    internal static List<string>? Unquote(string line)
    {
        var args = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ') i++;
            if (i >= line.Length) return args;
            if (line[i] != '"') return null;
            var arg = new StringBuilder();
            for (i++; ; i++)
            {
                if (i >= line.Length) return null;
                if (line[i] == '\\' && i + 1 < line.Length) arg.Append(line[++i]);
                else if (line[i] == '"') break;
                else arg.Append(line[i]);
            }
            i++;
            args.Add(arg.ToString());
        }
    }
}
