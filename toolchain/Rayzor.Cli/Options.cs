namespace Rayzor.Cli;

/// What the command line asked for.
public sealed class Options
{
    public string Command { get; set; } = "";
    public string? MainFile { get; set; }
    public string? MainClass { get; set; }
    public List<string> ClassPaths { get; } = [];
    public List<string> Defines { get; } = [];
    public string? Output { get; set; }
    public string Target { get; set; } = "x86_64-linux-gnu";
    public int OptLevel { get; set; } = 2;
    public string Emit { get; set; } = "exe";
    public string? Dump { get; set; }
    public bool Times { get; set; }

    /// `--debug`/`-g`: full DWARF; `-g0`: none. Line tables are emitted by default (stack traces).
    public bool Debug { get; set; }
    public bool NoDebugInfo { get; set; }
    public bool Verbose { get; set; }
    public string Diagnostics { get; set; } = "classic";

    /// Arguments after the main file of `rayzor run`, passed to the program.
    public List<string> ProgramArgs { get; } = [];
}

/// A command-line mistake: printed as `rayzor: message`, exit 1.
public sealed class UsageException(string message) : Exception(message);

public static class OptionParser
{
    public static Options Parse(string[] args)
    {
        var o = new Options();
        if (args.Length == 0) throw new UsageException("no command given (try `rayzor --help`)");
        o.Command = args[0];
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            string Value()
            {
                if (i + 1 >= args.Length) throw new UsageException($"{a} needs a value");
                return args[++i];
            }
            // after the main file, `run` passes everything on to the program
            if (o.Command == "run" && (o.MainFile != null || o.ProgramArgs.Count > 0 || o.MainClass != null && !a.StartsWith('-')))
            {
                o.ProgramArgs.Add(a);
                continue;
            }
            switch (a)
            {
                case "-p" or "-cp" or "--class-path": o.ClassPaths.Add(Value()); break;
                case "-m" or "-main" or "--main": o.MainClass = Value(); break;
                case "-D" or "--define": o.Defines.Add(Value()); break;
                case "-o" or "--output": o.Output = Value(); break;
                case "--target": o.Target = Value(); break;
                case "-O0": o.OptLevel = 0; break;
                case "-O1": o.OptLevel = 1; break;
                case "-O2": o.OptLevel = 2; break;
                case "-O3": o.OptLevel = 3; break;
                case "--emit": o.Emit = Value(); break;
                case "--dump": o.Dump = Value(); break;
                case "--times": o.Times = true; break;
                case "-g" or "--debug": o.Debug = true; o.NoDebugInfo = false; break;
                case "-g0": o.NoDebugInfo = true; o.Debug = false; break;
                case "-v" or "--verbose": o.Verbose = true; break;
                case "--diagnostics": o.Diagnostics = Value(); break;
                case "--": for (i++; i < args.Length; i++) o.ProgramArgs.Add(args[i]); break;
                default:
                    if (a.StartsWith("--diagnostics=", StringComparison.Ordinal)) { o.Diagnostics = a["--diagnostics=".Length..]; break; }
                    if (a.StartsWith("--dump=", StringComparison.Ordinal)) { o.Dump = a["--dump=".Length..]; break; }
                    if (a.StartsWith("-D", StringComparison.Ordinal) && a.Length > 2) { o.Defines.Add(a[2..]); break; }
                    if (a.StartsWith('-')) throw new UsageException($"unknown option {a}");
                    if (o.MainFile != null) throw new UsageException($"unexpected argument {a}");
                    o.MainFile = a;
                    break;
            }
        }
        if (o.Emit is not ("exe" or "obj" or "asm" or "llvm-ir" or "mir"))
            throw new UsageException($"--emit takes exe, obj, asm, llvm-ir or mir, not {o.Emit}");
        if (o.Target is not ("x86_64-linux-gnu" or "aarch64-linux-gnu"))
            throw new UsageException($"unknown target {o.Target} (x86_64-linux-gnu or aarch64-linux-gnu)");
        return o;
    }
}
