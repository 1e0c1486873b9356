namespace Rayzor.Cli;

/// What one build of the command line asked for (one `--next` section of it).
public sealed class Options
{
    public string Command { get; set; } = "";
    public string? MainFile { get; set; }
    public string? MainClass { get; set; }
    public List<string> ClassPaths { get; } = [];
    public List<string> Defines { get; } = [];

    /// `-L name[:version]` as given; <see cref="ResolvedLibraries"/> once resolved.
    public List<string> Libraries { get; } = [];
    public List<HaxeLibrary> ResolvedLibraries { get; } = [];
    public bool HaxelibGlobal { get; set; }
    public string? Output { get; set; }
    public string Target { get; set; } = "x86_64-linux-gnu";
    public int OptLevel { get; set; } = 2;
    public bool OptLevelGiven { get; set; }
    public string Emit { get; set; } = "exe";
    public string? Dump { get; set; }
    public bool Times { get; set; }

    /// `--no-cache`: compile every codegen unit, neither reading nor writing the object cache.
    public bool NoCache { get; set; }
    public bool Verbose { get; set; }
    public string Diagnostics { get; set; } = "classic";
    public bool Debug { get; set; }
    public string Dce { get; set; } = "std";

    /// `-g` (or `--debug`): full DWARF; `-g0`: none. Line tables are the default (stack traces).
    public bool FullDebugInfo { get; set; }
    public bool NoDebugInfo { get; set; }

    /// A Haxe target flag and its output (`--hl out.hl`, `--cpp bin`): Rayzor builds a native
    /// executable instead, named after that output (see <see cref="Program.DefaultOutput"/>).
    public (string Flag, string Path)? HaxeTarget { get; set; }

    /// `--interp` or `--run`: run the program once built, as Haxe's interpreter would.
    public bool RunAfterBuild { get; set; }

    /// `--interp`: `rayzor run` executes the MIR with the interpreter instead of building with LLVM.
    public bool Interp { get; set; }

    /// `--tier max`: `rayzor run` compiles the whole program with LLVM's JIT in this process and runs
    /// it; `--aot`: builds an executable and runs it (the default for now). `--tier 0` is `--interp`.
    public string? Tier { get; set; }

    /// `--tier-policy script|server`: thresholds of the tiered run (`--tier auto`).
    public string? TierPolicy { get; set; }

    /// `--stats`: `rayzor run` prints the time of each tier's work to stderr.
    public bool Stats { get; set; }

    /// `--function NAME`: `rayzor dump` prints only that function's MIR.
    public string? Function { get; set; }

    /// `--after PASS`: the MIR passes stop after the first run of that pass (`rayzor dump` prints that MIR).
    public string? After { get; set; }

    /// `--verify-mir`: run the MIR verifier after every optimization pass.
    public bool VerifyMir { get; set; }

    /// `--skip-pass PASS` (repeatable): passes left out of the -O level's pipeline (to measure what one gains).
    public List<string> SkipPasses { get; } = [];

    /// `--cmd`: shell commands run after a successful build.
    public List<string> Commands { get; } = [];

    /// `--no-output`: parse and type only.
    public bool NoOutput { get; set; }

    /// `--help`, `--version` or `--help-defines` met among the arguments.
    public string? Info { get; set; }

    /// Arguments after the main file of `rayzor run`, or after `--run CLASS`, passed to the program.
    public List<string> ProgramArgs { get; } = [];

    /// Notes about accepted but ignored arguments, printed before the build.
    public List<string> Warnings { get; } = [];

    /// Every define of the build: the driver's (`debug`, `dce`) first, so `-D` can override them.
    public IEnumerable<string> AllDefines()
    {
        if (Debug) yield return "debug";
        yield return "dce=" + Dce;
        foreach (var d in Defines) yield return d;
    }
}

/// A command-line mistake: printed as `rayzor: message`, exit 1.
public sealed class UsageException(string message) : Exception(message);

/// One flag: its spellings (the first is the one documented), the name of its value (null: none),
/// its help line (empty: listed among the accepted-and-ignored Haxe flags), and what it does.
public sealed record Flag(string[] Names, string? Value, string Help, Action<Options, string> Apply);

public static class OptionParser
{
    /// The flags, in the order `--help` lists them. Haxe also accepts most long flags with one
    /// dash (`-main`, `-lib`, `-debug`), which <see cref="Lookup"/> maps to the two-dash form.
    public static readonly Flag[] Flags =
    [
        new(["-p", "--class-path", "-cp"], "DIR", "add a class path (searched in order)", (o, v) => o.ClassPaths.Add(v)),
        new(["-m", "--main", "-main"], "CLASS", "the main class (default: the .hx file's name)", (o, v) => o.MainClass = v),
        new(["-L", "--library", "-lib"], "LIB[:VER]", "use a haxelib library (see README: haxelib repositories)", (o, v) => o.Libraries.Add(v)),
        new(["-D", "--define"], "VAR[=VALUE]", "define a conditional-compilation flag", (o, v) => o.Defines.Add(v)),
        new(["-o", "--output"], "FILE", "output file (default: see README, output names)", (o, v) => o.Output = v),
        new(["-O0"], null, "no optimization (the default with --debug)", (o, _) => SetOpt(o, 0)),
        new(["-O1"], null, "light optimization", (o, _) => SetOpt(o, 1)),
        new(["-O2"], null, "optimize (the default)", (o, _) => SetOpt(o, 2)),
        new(["-O3"], null, "optimize more aggressively", (o, _) => SetOpt(o, 3)),
        new(["--debug"], null, "define `debug`, full DWARF; build at -O0 unless an -O flag is given", (o, _) => o.Debug = true),
        new(["-g"], null, "full DWARF (default: line tables, for `Called from` lines and gdb)", (o, _) => (o.FullDebugInfo, o.NoDebugInfo) = (true, false)),
        new(["-g0"], null, "no DWARF: an uncaught exception prints no `Called from` lines", (o, _) => (o.FullDebugInfo, o.NoDebugInfo) = (false, true)),
        new(["--dce"], "std|full|no", "set the `dce` define (Rayzor always compiles only what main reaches)", (o, v) => o.Dce = v),
        new(["--target"], "TRIPLE", "x86_64-linux-gnu (default) or aarch64-linux-gnu", (o, v) => o.Target = v),
        new(["--emit"], "KIND", "exe (default), obj, asm, llvm-ir or mir", (o, v) => o.Emit = v),
        new(["--dump"], "mir|llvm|typed", "print the MIR (LLVM IR, typed tree) to stderr while building", (o, v) => o.Dump = v),
        new(["--typed"], null, "with dump: print the typed tree of the program's own code", (o, _) => o.Dump = "typed"),
        new(["--mir"], null, "dump: print the MIR (the default)", (o, _) => o.Dump = "mir"),
        new(["--function"], "NAME", "dump: print only the MIR of that function (e.g. Main.main)", (o, v) => o.Function = v),
        new(["--after"], "PASS", "stop the MIR passes after PASS (dump: print the MIR there); see docs/architecture.md", (o, v) => o.After = v),
        new(["--verify-mir"], null, "verify the MIR after every optimization pass", (o, _) => o.VerifyMir = true),
        new(["--skip-pass"], "PASS", "leave PASS out of the MIR passes (to measure what it gains)", (o, v) => o.SkipPasses.Add(v)),
        new(["--times"], null, "print a table of the time of each stage (and of each MIR pass)", (o, _) => o.Times = true),
        new(["--no-cache"], null, "compile every codegen unit: no use of the object cache (see README)", (o, _) => o.NoCache = true),
        new(["-v", "--verbose"], null, "print class paths, libraries, defines and stages", (o, _) => o.Verbose = true),
        new(["--diagnostics"], "MODE", "classic (default), pretty or msbuild", (o, v) => o.Diagnostics = v),
        new(["--next"], null, "start another build (hxml)", (_, _) => { }),
        new(["--each"], null, "the arguments before it apply to every --next build", (_, _) => { }),
        new(["-C", "--cwd"], "DIR", "change the working folder (hxml files are read relative to it)", (_, _) => { }),
        new(["--run"], "CLASS", "build CLASS and run it with the arguments that follow", (_, _) => { }),
        new(["--interp"], null, "run: execute the MIR with the interpreter (no LLVM); in a build: run it once built",
            (o, _) => { o.RunAfterBuild = true; o.Interp = true; }),
        new(["--tier"], "0|auto|max", "run: 0 = the interpreter (as --interp), auto = the interpreter, hot functions compiled by LLVM in the background, max = compile everything with LLVM's JIT in this process first",
            (o, v) =>
            {
                if (v == "0") { o.RunAfterBuild = true; o.Interp = true; }
                else if (v is "max" or "auto") (o.Tier, o.Interp) = (v, false);
                else throw new UsageException($"--tier {v}: expected 0, auto or max");
            }),
        new(["--tier-policy"], "script|server", "run: thresholds of --tier auto (script: compile late, server: compile early, and the hottest functions again at O3); implies --tier auto",
            (o, v) =>
            {
                if (v is not ("script" or "server")) throw new UsageException($"--tier-policy {v}: expected script or server");
                (o.Tier, o.Interp, o.TierPolicy) = ("auto", false, v);
            }),
        new(["--aot"], null, "run: build a native executable, then run it (the default)", (o, _) => (o.Tier, o.Interp) = ("aot", false)),
        new(["--stats"], null, "run: print the time spent compiling and running to stderr", (o, _) => o.Stats = true),
        new(["--cmd"], "COMMAND", "run a shell command after a successful build", (o, v) => o.Commands.Add(v)),
        new(["--no-output"], null, "parse and type only, write nothing", (o, _) => o.NoOutput = true),
        new(["--no-traces"], null, "define `no_traces`", (o, _) => o.Defines.Add("no_traces")),
        new(["--no-inline"], null, "define `no_inline`", (o, _) => o.Defines.Add("no_inline")),
        new(["--no-opt"], null, "define `no_opt`", (o, _) => o.Defines.Add("no_opt")),
        new(["--haxelib-global"], null, "ignore local .haxelib repositories", (o, _) => o.HaxelibGlobal = true),
        new(["--help", "-h"], null, "this help", (o, _) => o.Info = "help"),
        new(["--help-defines"], null, "the defines Rayzor sets and what they mean", (o, _) => o.Info = "help-defines"),
        new(["--version"], null, "print the version", (o, _) => o.Info = "version"),
        // Haxe targets: Rayzor builds a native executable named after the target's output
        .. new[] { "--js", "--lua", "--swf", "--neko", "--php", "--cpp", "--cppia", "--cs", "--java", "--jvm", "--python", "--hl", "-x", "--as3" }
            .Select(t => new Flag([t], "OUT", "", (o, v) => o.HaxeTarget = (t, v))),
        // Haxe flags with no meaning for a native build: accepted, with a warning
        .. new[] { "--macro", "-r", "--resource", "--remap", "--swf-version", "--swf-header", "--swf-lib", "--swf-lib-extern",
                   "--java-lib", "--java-lib-extern", "--net-lib", "--net-std", "--c-arg", "--xml", "--json", "--display",
                   "--server-listen", "--server-connect", "--wait", "--connect" }
            .Select(f => new Flag([f], "VALUE", "", (o, v) => o.Warnings.Add($"{f} is not supported by Rayzor, ignored ({f} {v})"))),
        .. new[] { "--flash-strict", "--prompt" }
            .Select(f => new Flag([f], null, "", (_, _) => { })),
    ];

    private static readonly Dictionary<string, Flag> ByName = Flags.SelectMany(f => f.Names.Select(n => (n, f))).ToDictionary(p => p.n, p => p.f);

    private static void SetOpt(Options o, int level)
    {
        o.OptLevel = level;
        o.OptLevelGiven = true;
    }

    /// The flag an argument spells, accepting Haxe's one-dash forms of long flags (`-main`).
    public static Flag? Lookup(string arg)
    {
        if (ByName.TryGetValue(arg, out var f)) return f;
        if (arg.Length > 2 && arg[0] == '-' && arg[1] != '-' && ByName.TryGetValue("-" + arg, out f)) return f;
        return null;
    }

    /// `rayzor run`: the arguments up to the program (the first .hx/.hxml file, or the first
    /// argument that is not an option) and the program's arguments (everything after).
    public static (List<string> Compiler, List<string> Program) SplitRunArguments(IReadOnlyList<string> args)
    {
        var compiler = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--") return (compiler, [.. args.Skip(i + 1)]);
            if (a == "--run") return ([.. args], []);
            if (a.StartsWith('-'))
            {
                compiler.Add(a);
                if (Lookup(a) is { Value: not null } && i + 1 < args.Count) compiler.Add(args[++i]);
                continue;
            }
            if (a.EndsWith(".hx", StringComparison.Ordinal) || Hxml.IsHxmlFile(a))
            {
                compiler.Add(a);
                return (compiler, [.. args.Skip(i + 1)]);
            }
            return (compiler, [.. args.Skip(i)]);
        }
        return (compiler, []);
    }

    /// Reads one build's arguments (hxml files already expanded) and resolves its libraries
    /// through <paramref name="haxelib"/> (default: the repositories of the working folder).
    public static Options Parse(IReadOnlyList<string> args, string command = "build", string? workingDirectory = null, Haxelib? haxelib = null)
    {
        var o = new Options { Command = command };
        ParseInto(o, args);
        if (o.Info != null) return o;
        if (o.Libraries.Count > 0)
            ResolveLibraries(o, haxelib ?? Haxelib.FromEnvironment(workingDirectory ?? Directory.GetCurrentDirectory(), o.HaxelibGlobal));
        if (o.Debug && !o.OptLevelGiven) o.OptLevel = 0;
        Validate(o);
        return o;
    }

    private static void ParseInto(Options o, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (Lookup(a) is { } flag)
            {
                var value = "";
                if (flag.Value != null)
                {
                    if (i + 1 >= args.Count) throw new UsageException($"{a} needs a value ({flag.Value})");
                    value = args[++i];
                }
                flag.Apply(o, value);
                continue;
            }
            var eq = a.IndexOf('=');
            if (a.StartsWith("--", StringComparison.Ordinal) && eq > 0 && Lookup(a[..eq]) is { Value: not null } withValue)
            {
                withValue.Apply(o, a[(eq + 1)..]);
                continue;
            }
            if (a.StartsWith("-D", StringComparison.Ordinal) && a.Length > 2)
            {
                o.Defines.Add(a[2..]);
                continue;
            }
            if (a.StartsWith('-')) throw new UsageException($"unknown option {a} (see rayzor --help)");
            if (!a.EndsWith(".hx", StringComparison.Ordinal)) throw new UsageException($"unexpected argument {a} (a .hx or .hxml file, or an option)");
            if (o.MainFile != null) throw new UsageException($"two main files: {o.MainFile} and {a}");
            o.MainFile = a;
        }
    }

    /// Adds each library's class path and `-D name=version`, and reads its extraParams.hxml
    /// (which may name more libraries), until nothing new is named.
    private static void ResolveLibraries(Options o, Haxelib haxelib)
    {
        var done = 0;
        while (done < o.Libraries.Count)
        {
            var specs = o.Libraries.Skip(done).ToList();
            done = o.Libraries.Count;
            var included = o.ResolvedLibraries.Select(l => l.Name).ToList();
            foreach (var lib in haxelib.Resolve(specs, included))
            {
                o.ResolvedLibraries.Add(lib);
                o.ClassPaths.Add(lib.ClassPath);
                o.Defines.Add($"{lib.Name}={lib.Version}");
                ParseInto(o, lib.ExtraArgs);
            }
        }
    }

    private static void Validate(Options o)
    {
        if (o.Emit is not ("exe" or "obj" or "asm" or "llvm-ir" or "mir"))
            throw new UsageException($"--emit takes exe, obj, asm, llvm-ir or mir, not {o.Emit}");
        if (o.Target is not ("x86_64-linux-gnu" or "aarch64-linux-gnu"))
            throw new UsageException($"unknown target {o.Target} (x86_64-linux-gnu or aarch64-linux-gnu)");
        if (o.Diagnostics is not ("classic" or "pretty" or "msbuild"))
            throw new UsageException($"--diagnostics takes classic, pretty or msbuild, not {o.Diagnostics}");
        if (o.Dce is not ("std" or "full" or "no"))
            throw new UsageException($"--dce takes std, full or no, not {o.Dce}");
        if (o.Dump is not (null or "mir" or "llvm" or "typed"))
            throw new UsageException($"--dump takes mir, llvm or typed, not {o.Dump}");
    }
}
