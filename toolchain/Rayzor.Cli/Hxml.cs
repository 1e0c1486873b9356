namespace Rayzor.Cli;

/// One build of a command line: the arguments between `--next` separators (with the `--each`
/// arguments in front), the folder they are relative to, and the arguments `--run` passes on.
public sealed record Section(IReadOnlyList<string> Args, string WorkingDirectory, IReadOnlyList<string> ProgramArgs);

/// Haxe's `.hxml` files and the `--next`/`--each`/`--cwd`/`--run` structure of a command line,
/// with the rules of the Haxe compiler (4.2): one argument per line, `#` comments, a line starting
/// with `-` split at its first space into flag and value, surrounding quotes removed, an argument
/// ending in `.hxml` replaced by that file's arguments in place (so command-line arguments after it
/// are appended, and hxml files nest), paths relative to the current folder (not to the file).
public static class Hxml
{
    /// The arguments of an hxml file's text.
    public static List<string> ParseText(string text)
    {
        var args = new List<string>();
        foreach (var raw in text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var line = Unquote(raw.Trim());
            if (line.Length == 0 || line[0] == '#') continue;
            var space = line.IndexOf(' ');
            if (line[0] == '-' && space > 0)
            {
                args.Add(Unquote(line[..space]));
                args.Add(Unquote(line[(space + 1)..].Trim()));
            }
            else args.Add(line);
        }
        return args;
    }

    /// Haxe removes one pair of surrounding double or single quotes.
    private static string Unquote(string s) =>
        s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'') ? s[1..^1] : s;

    /// True for an argument Haxe reads as an hxml file: a name ending in `.hxml`.
    public static bool IsHxmlFile(string arg) => arg.Length > 5 && arg.EndsWith(".hxml", StringComparison.Ordinal) && !arg.StartsWith('-');

    /// Splits a command line into its builds. Hxml files are read as they are met, relative to
    /// the folder current at that point (`--cwd` changes it at once, for the rest of its build);
    /// `--next` ends a build, `--each` makes the arguments before it a prefix of every build, and
    /// `--run CLASS args...` ends the command line: CLASS is the main class, run with the args.
    public static List<Section> Expand(IEnumerable<string> args, string workingDirectory)
    {
        var sections = new List<Section>();
        var each = new List<string>();
        var acc = new List<string>();
        var cwd = Path.GetFullPath(workingDirectory);
        var pending = new LinkedList<string>(args);
        var including = new Stack<(string File, int Remaining)>();

        void EndSection(IReadOnlyList<string> programArgs)
        {
            sections.Add(new Section([.. each, .. acc], cwd, programArgs));
            acc.Clear();
            cwd = Path.GetFullPath(workingDirectory); // every build starts in the original folder
        }

        while (pending.Count > 0)
        {
            // forget the hxml files whose arguments have all been consumed (cycle detection)
            while (including.Count > 0 && pending.Count <= including.Peek().Remaining) including.Pop();
            var a = pending.First!.Value;
            pending.RemoveFirst();
            switch (a)
            {
                case "--next":
                    if (acc.Count > 0) EndSection([]);
                    continue;
                case "--each":
                    each = [.. acc];
                    acc.Clear();
                    continue;
                case "--cwd" or "-C" or "-cwd":
                {
                    if (pending.Count == 0) throw new UsageException($"{a} needs a folder");
                    var dir = Path.GetFullPath(Path.Combine(cwd, pending.First!.Value));
                    pending.RemoveFirst();
                    if (!Directory.Exists(dir)) throw new UsageException($"Invalid directory: {dir}");
                    cwd = dir;
                    continue;
                }
                case "--run":
                {
                    if (pending.Count == 0) throw new UsageException("--run needs a class name");
                    var cls = pending.First!.Value;
                    pending.RemoveFirst();
                    acc.AddRange(["--main", cls, "--interp"]);
                    EndSection([.. pending]);
                    return sections;
                }
            }
            var previous = acc.Count > 0 ? acc[^1] : null;
            if (IsHxmlFile(a) && previous is not ("--cmd" or "-cmd"))
            {
                var file = Path.Combine(cwd, a);
                if (!File.Exists(file)) throw new UsageException($"file not found: {a}");
                var full = Path.GetFullPath(file);
                if (including.Any(i => i.File == full)) throw new UsageException($"{a} includes itself");
                var inner = ParseText(File.ReadAllText(full));
                including.Push((full, pending.Count));
                for (var i = inner.Count - 1; i >= 0; i--) pending.AddFirst(inner[i]);
                continue;
            }
            acc.Add(a);
        }
        // the last build; a trailing `--next` leaves nothing to build after the others
        if (acc.Count > 0 || sections.Count == 0) EndSection([]);
        return sections;
    }
}
