using System.Diagnostics;

namespace Rayzor.Cli;

/// The `rayzor` driver.
public static class Program
{
    public const string Version = "0.1.0";

    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("rayzor: " + e.Message);
            return 1;
        }
        catch (Exception e)
        {
            // a compiler bug: say so plainly, without a .NET stack trace unless asked for
            Console.Error.WriteLine($"rayzor: internal compiler error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("RAYZOR_DEBUG") == "1") Console.Error.WriteLine(e);
            return 70;
        }
    }

    private static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.Write(Usage);
            return args.Length == 0 ? 1 : 0;
        }
        if (args[0] is "--version" or "version")
        {
            Console.Out.WriteLine($"rayzor {Version}");
            return 0;
        }
        if (args[0] == "parse")
        {
            var paths = args.Skip(1).Where(a => !a.StartsWith('-')).ToList();
            if (paths.Count == 0) throw new UsageException("parse needs files or folders");
            var po = new Options();
            return ParseCommand.Run(paths, po);
        }
        var o = OptionParser.Parse(args);
        switch (o.Command)
        {
            case "build":
            {
                var output = o.Output ?? DefaultOutput(o);
                return new Pipeline(o, Console.Error).Build(output);
            }
            case "check":
                return new Pipeline(o, Console.Error).Front() == null ? 1 : 0;
            case "dump":
                o.Emit = o.Dump == "llvm" ? "llvm-ir" : "mir";
                return new Pipeline(o, Console.Error).Build(o.Output ?? "-");
            case "run":
                return RunProgram(o);
            default:
                throw new UsageException($"unknown command {o.Command} (build, run, check, dump)");
        }
    }

    private static string DefaultOutput(Options o)
    {
        var name = o.MainFile != null ? Path.GetFileNameWithoutExtension(o.MainFile) : o.MainClass!.Split('.')[^1];
        return o.Emit switch { "obj" => name + ".o", "asm" => name + ".s", "llvm-ir" => name + ".ll", "mir" => name + ".mir", _ => name };
    }

    /// Builds into a cache folder, then runs the executable with the remaining arguments.
    private static int RunProgram(Options o)
    {
        var cache = Path.Combine(Path.GetTempPath(), $"rayzor-run-{Environment.UserName}");
        Directory.CreateDirectory(cache);
        var exe = Path.Combine(cache, $"prog-{Environment.ProcessId}");
        try
        {
            var code = new Pipeline(o, Console.Error).Build(exe);
            if (code != 0) return code;
            var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
            foreach (var a in o.ProgramArgs) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        finally
        {
            File.Delete(exe);
        }
    }

    private const string Usage = """
        rayzor — an ahead-of-time Haxe compiler

        usage:
          rayzor build Main.hx [-o app]         compile to a native executable
          rayzor run Main.hx [args...]          compile, then run with args
          rayzor check Main.hx                  parse and type only
          rayzor dump Main.hx [--dump llvm]     print the MIR (or LLVM IR)
          rayzor parse PATH...                  parse files and folders, report syntax errors

        options:
          -p, -cp, --class-path DIR   add a class path
          -m, --main CLASS            the main class (default: the .hx file's name)
          -D, --define NAME[=VALUE]   define a conditional-compilation flag
          -o, --output FILE           output file
          -O0 | -O2 | -O3             optimization level (default -O2)
          -g, --debug | -g0           full DWARF | none (default: line tables, for stack traces)
          --target TRIPLE             x86_64-linux-gnu (default) or aarch64-linux-gnu
          --emit exe|obj|asm|llvm-ir|mir
          --dump mir                  print the MIR to stderr while building
          --times                     print the time of each stage
          --diagnostics classic|msbuild
          --version, --help

        """;
}
