using System.Diagnostics;
using Rayzor.LlvmBackend.Interop;
using Rayzor.LlvmBackend.Jit;

namespace Rayzor.Cli;

/// The `rayzor` driver.
public static class Program
{
    public const string Version = "0.1.0";

    /// The compiler's stack: the typer and the lowering recurse as deep as expressions nest
    /// (Typer.MaxExprDepth levels), far deeper than the main thread's 8 MB allow.
    private const int StackSize = 512 * 1024 * 1024;

    public static int Main(string[] args)
    {
        var status = 0;
        var thread = new Thread(() => status = Guarded(args), StackSize) { Name = "rayzor" };
        thread.Start();
        thread.Join();
        if (TieredRun.Started) TieredRun.Exit(status);
        return status;
    }

    private static int Guarded(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (InsufficientExecutionStackException)
        {
            Reporter.For(EarlyDiagnosticsMode(args), Console.Error).Error("the program is nested too deeply for the compiler");
            return 1;
        }
        catch (UsageException e)
        {
            Reporter.For(EarlyDiagnosticsMode(args), Console.Error).Error(e.Message);
            return 1;
        }
        catch (Exception e)
        {
            // a compiler bug: say so plainly, without a .NET stack trace unless asked for
            Reporter.For(EarlyDiagnosticsMode(args), Console.Error).Error($"internal compiler error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("RAYZOR_DEBUG") == "1") Console.Error.WriteLine(e);
            return 70;
        }
    }

    /// The `--diagnostics` mode of the command line, for errors found before it is fully read.
    private static string EarlyDiagnosticsMode(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--diagnostics" && i + 1 < args.Length) return args[i + 1];
            if (args[i].StartsWith("--diagnostics=", StringComparison.Ordinal)) return args[i]["--diagnostics=".Length..];
        }
        return "classic";
    }

    private static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Out.Write(Usage());
            return 1;
        }
        switch (args[0])
        {
            case "-h" or "--help" or "help": Console.Out.Write(Usage()); return 0;
            case "--version" or "version": Console.Out.WriteLine($"rayzor {Version}"); return 0;
            case "--help-defines": Console.Out.Write(DefineHelp.Text()); return 0;
            case "parse": return ParseCommand.Run(args[1..]);
        }
        string command;
        IReadOnlyList<string> rest;
        if (args[0] is "build" or "run" or "check" or "dump")
        {
            command = args[0];
            rest = args[1..];
        }
        else if (Hxml.IsHxmlFile(args[0]) || args[0].StartsWith('-'))
        {
            // `rayzor build.hxml`, `rayzor -cp src -main Main ...`: Haxe's own command line
            command = "build";
            rest = args;
        }
        else throw new UsageException($"unknown command {args[0]} (build, run, check, dump, parse, or an .hxml file)");

        List<string> programArgs = [];
        if (command == "run") (rest, programArgs) = OptionParser.SplitRunArguments(rest);
        var original = Directory.GetCurrentDirectory();
        foreach (var section in Hxml.Expand(rest, original))
        {
            // a --cwd in a build holds for that build (Haxe changes the process's folder too)
            Directory.SetCurrentDirectory(section.WorkingDirectory);
            try
            {
                var o = OptionParser.Parse(section.Args, command, section.WorkingDirectory);
                switch (o.Info)
                {
                    case "help": Console.Out.Write(Usage()); return 0;
                    case "version": Console.Out.WriteLine($"rayzor {Version}"); return 0;
                    case "help-defines": Console.Out.Write(DefineHelp.Text()); return 0;
                }
                o.ProgramArgs.AddRange(section.ProgramArgs);
                o.ProgramArgs.AddRange(programArgs);
                var code = RunOne(o);
                if (code != 0) return code;
            }
            finally
            {
                Directory.SetCurrentDirectory(original);
            }
        }
        return 0;
    }

    /// One build of the command line.
    private static int RunOne(Options o)
    {
        switch (o.Command)
        {
            case "check":
                return new Pipeline(o, Console.Error).Check();
            case "dump" when o.Dump == "typed":
                return new Pipeline(o, Console.Error).DumpTyped(o.Output ?? "-");
            case "dump":
                o.Emit = o.Dump == "llvm" ? "llvm-ir" : "mir";
                return new Pipeline(o, Console.Error).Build(o.Output ?? "-");
            case "run":
                return o.Interp ? Interpret(o) : o.Tier == "max" ? JitRun(o) : o.Tier == "auto" ? TieredRun.Run(o) : BuildAndRun(o);
        }
        var code = o.NoOutput ? new Pipeline(o, Console.Error).Check()
            : o.RunAfterBuild ? BuildAndRun(o)
            : new Pipeline(o, Console.Error).Build(DefaultOutput(o));
        if (code != 0) return code;
        foreach (var cmd in o.Commands)
        {
            // --cmd runs through the shell, as Haxe does
            var exit = Execute("/bin/sh", ["-c", cmd]);
            if (exit != 0)
            {
                Reporter.For(o.Diagnostics, Console.Error).Error($"Command failed with error {exit}: {cmd}");
                return 1;
            }
        }
        return 0;
    }

    /// The output file when there is no `-o`: for a Haxe target flag, its output without the
    /// extension (`--hl bin/app.hl` gives `bin/app`) or, for targets whose output is a folder
    /// (`--cpp`, `--cs`, `--java`, `--php`, `--as3`), the main class's name in that folder (as
    /// hxcpp does: `--cpp bin` gives `bin/Main`); otherwise the main class's (or .hx file's) name
    /// in the current folder. `--emit` kinds other than exe add their extension.
    public static string DefaultOutput(Options o)
    {
        if (o.Output != null) return o.Output;
        var name = o.MainFile != null ? Path.GetFileNameWithoutExtension(o.MainFile) : o.MainClass?.Split('.')[^1] ?? "main";
        var ext = o.Emit switch { "obj" => ".o", "asm" => ".s", "llvm-ir" => ".ll", "mir" => ".mir", _ => "" };
        if (o.HaxeTarget is var (flag, path))
        {
            if (flag is "--cpp" or "--cs" or "--java" or "--php" or "--as3") return Path.Combine(path, name) + ext;
            var dir = Path.GetDirectoryName(path) ?? "";
            return Path.Combine(dir, Path.GetFileNameWithoutExtension(path)) + ext;
        }
        return name + ext;
    }

    /// Builds (into -o, else a temporary file) and runs the program with its arguments.
    private static int BuildAndRun(Options o)
    {
        var keep = o.Output != null;
        var exe = o.Output ?? Path.Combine(RunCache(), $"prog-{Environment.ProcessId}");
        try
        {
            var code = new Pipeline(o, Console.Error).Build(exe);
            if (code != 0) return code;
            return Execute(Path.GetFullPath(exe), o.ProgramArgs);
        }
        finally
        {
            if (!keep) File.Delete(exe);
        }
    }

    /// `rayzor run --interp`: lowers the program, runs the MIR passes of the -O level and runs the MIR in this process.
    private static int Interpret(Options o)
    {
        return new Pipeline(o, Console.Error).RunMir(mir =>
        {
            try
            {
                return Rayzor.Interp.Execution.Interpreter.Run(mir, o.MainFile ?? o.MainClass ?? "main", o.ProgramArgs);
            }
            catch (Rayzor.Interp.Execution.InterpreterException e)
            {
                Reporter.For(o.Diagnostics, Console.Error).Error("interpreter: " + e.Message);
                return 70;
            }
        });
    }

    /// `rayzor run --tier max`: lowers the program, compiles all of it with LLJIT in this process
    /// and runs it (no object file, linker or executable).
    private static int JitRun(Options o)
    {
        var clock = Stopwatch.StartNew();
        var mir = new Pipeline(o, Console.Error).Front();
        if (mir == null) return 1;
        var front = clock.Elapsed;
        var level = o.OptLevel switch { 0 => OptLevel.O0, 1 => OptLevel.O1, 3 => OptLevel.O3, _ => OptLevel.O2 };
        var stats = new JitStats();
        if (o.Stats)
            stats.Compiled = s => Console.Error.WriteLine(
                $"rayzor: tier max: {s.Functions} functions; front end {Ms(front)}, llvm load {Ms(s.Load)}, llvm-ir {Ms(s.Emit)}, opt {Ms(s.Optimize)}, codegen+link {Ms(s.Codegen)}");
        try
        {
            var code = JitProgram.Run(mir, level, o.MainFile ?? o.MainClass ?? "main", o.ProgramArgs, stats);
            if (o.Stats) Console.Error.WriteLine($"rayzor: tier max: run {Ms(stats.Run)}, total {Ms(clock.Elapsed)}");
            return code;
        }
        catch (LlvmNotFoundException e)
        {
            Reporter.For(o.Diagnostics, Console.Error).Error(e.Message);
            return 1;
        }
        catch (LlvmException e)
        {
            Reporter.For(o.Diagnostics, Console.Error).Error("internal error: " + e.Message);
            return 70;
        }

        static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:0.0} ms";
    }

    private static string RunCache()
    {
        var cache = Path.Combine(Path.GetTempPath(), $"rayzor-run-{Environment.UserName}");
        Directory.CreateDirectory(cache);
        return cache;
    }

    /// Runs a program with the driver's stdin, stdout and stderr; returns its exit code.
    private static int Execute(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode;
    }

    /// The help text; the option list comes from <see cref="OptionParser.Flags"/>.
    public static string Usage()
    {
        var sw = new StringWriter();
        sw.Write("""
            rayzor — an ahead-of-time Haxe compiler

            usage:
              rayzor build Main.hx [-o app]         compile to a native executable
              rayzor build build.hxml [args...]     build what `haxe build.hxml` would (also: rayzor build.hxml)
              rayzor run Main.hx|build.hxml [args]  compile, then run with args (Sys.args())
              rayzor run --interp Main.hx [args]    run the MIR with the interpreter (no LLVM)
              rayzor check Main.hx                  parse and type only
              rayzor dump Main.hx [--dump llvm]     print the MIR after the -O level's passes (or LLVM IR; --typed: the typed tree);
                                                    --function NAME: one function; --after PASS: the MIR after that pass
              rayzor parse PATH...                  parse files and folders, report syntax errors

            options:

            """);
        foreach (var f in OptionParser.Flags.Where(f => f.Help.Length > 0))
        {
            var names = string.Join(", ", f.Names) + (f.Value != null ? " " + f.Value : "");
            sw.WriteLine(names.Length <= 28 ? $"  {names,-28} {f.Help}" : $"  {names}\n  {"",-28} {f.Help}");
        }
        sw.WriteLine();
        sw.WriteLine("Haxe target flags (" + string.Join(' ', OptionParser.Flags.Where(f => f.Help.Length == 0 && f.Value == "OUT").Select(f => f.Names[0]))
            + ")\nname the output; --macro, --resource and other flags without meaning for a native build\nare ignored with a warning. One-dash spellings (-main, -lib, -debug) are accepted.");
        return sw.ToString();
    }
}
