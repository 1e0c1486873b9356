using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typed;
using Rayzor.Frontend.Typing;
using Rayzor.LlvmBackend.Build;
using Rayzor.LlvmBackend.Emit;
using Rayzor.LlvmBackend.Interop;
using Rayzor.LlvmBackend.Link;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Lowering;
using Rayzor.Mir.Passes;
using Rayzor.Mir.Text;

namespace Rayzor.Cli;

/// Source to executable: lexer → parser → typer → MIR → LLVM IR → object → linked executable.
public sealed class Pipeline(Options options, TextWriter err)
{
    private readonly SourceManager _sources = new();
    private readonly DiagnosticBag _diags = new();
    private readonly Reporter _reporter = Reporter.For(options.Diagnostics, err);
    private readonly StageTimer _timer = new(err, options.Verbose);

    /// Builds what the options ask for; returns the process exit code.
    public int Build(string output)
    {
        try
        {
            return BuildCore(output);
        }
        finally
        {
            _timer.Finish(options.Times);
        }
    }

    private int BuildCore(string output)
    {
        var mir = Front();
        if (mir == null) return 1;
        if (options.Emit == "mir")
        {
            if (options.Function == null)
            {
                WriteText(output, MirPrinter.Print(mir));
                return 0;
            }
            var f = mir.Find(options.Function);
            if (f == null)
            {
                _reporter.Error($"no function {options.Function} in the MIR (names are as `rayzor dump` prints them after `func @`)");
                return 1;
            }
            WriteText(output, MirPrinter.Print(f));
            return 0;
        }
        var level = options.OptLevel switch { 0 => OptLevel.O0, 1 => OptLevel.O1, 3 => OptLevel.O3, _ => OptLevel.O2 };
        try
        {
            LlvmTargets.InitializeTargets();
        }
        catch (LlvmNotFoundException e)
        {
            _reporter.Error(e.Message);
            return 1;
        }
        return options.Emit == "exe" ? BuildExecutable(mir, level, output) : EmitOneModule(mir, level, output);
    }

    private DebugInfoLevel DebugInfo => options.NoDebugInfo ? DebugInfoLevel.None
        : options.FullDebugInfo || options.Debug ? DebugInfoLevel.Full : DebugInfoLevel.LineTables;

    /// `--emit llvm-ir|asm|obj`: the whole program as one LLVM module.
    private int EmitOneModule(MirModule mir, OptLevel level, string output)
    {
        var tm = LlvmTargets.CreateTargetMachine(options.Target, level);
        try
        {
            using var emitter = new ModuleEmitter(mir, tm, Path.GetFileNameWithoutExtension(options.MainFile ?? "main"))
            {
                DebugInfo = DebugInfo,
                Optimized = level != OptLevel.O0,
            };
            var invalid = _timer.Time("llvm-ir", emitter.Emit);
            if (invalid != null)
            {
                _reporter.Error("internal error: invalid LLVM IR: " + invalid);
                return 70;
            }
            if (level != OptLevel.O0)
            {
                var perr = _timer.Time("llvm-opt", () => LlvmTargets.RunPipeline(emitter.Module, tm, LlvmTargets.PipelineFor(level)));
                if (perr != null) { _reporter.Error("internal error: " + perr); return 70; }
            }
            switch (options.Emit)
            {
                case "llvm-ir": WriteText(output, LlvmTargets.ModuleToString(emitter.Module)); break;
                case "asm": _timer.Time("codegen", () => AtomicFile.Write(output, t => LlvmTargets.EmitToFile(emitter.Module, tm, t, LLVMCodeGenFileType.LLVMAssemblyFile))); break;
                default: _timer.Time("codegen", () => AtomicFile.Write(output, t => LlvmTargets.EmitObject(emitter.Module, tm, t))); break;
            }
            return 0;
        }
        finally
        {
            LLVM.DisposeTargetMachine(tm);
        }
    }

    /// An executable: codegen units compiled in parallel or taken from the object cache
    /// (UnitCompiler, docs/architecture.md "Codegen units and the object cache"), then linked.
    private int BuildExecutable(MirModule mir, OptLevel level, string output)
    {
        var rid = Linker.RuntimeIdentifierOf(options.Target)!;
        var home = RayzorHome.Find();
        var runtimeDir = Linker.FindRuntimeDirectory(rid, home != null ? Path.Combine(home, "artifacts", "rayzor") : null);
        if (runtimeDir == null)
        {
            _reporter.Error($"the runtime for {options.Target} is not built (run ./rayzor once, or toolchain/build-runtime {rid})");
            return 1;
        }
        var cacheDir = options.NoCache ? null : ObjectCache.DefaultDirectory();
        var compiler = new UnitCompiler(mir, options.Target, level)
        {
            DebugInfo = DebugInfo,
            Cache = cacheDir != null ? new ObjectCache(cacheDir) : null,
            TemporaryBase = AtomicFile.TemporaryFor(output),
            CompilerVersion = Program.Version,
        };
        var build = compiler.Compile();
        _timer.Record("llvm-ir", compiler.IrTime);
        _timer.Record("unit-keys", compiler.HashTime);
        _timer.Record("opt+codegen", compiler.CodegenTime);
        try
        {
            if (build.Error != null)
            {
                _reporter.Error(build.Error);
                return 70;
            }
            if (options.Verbose)
            {
                err.WriteLine($"rayzor: {build.Objects.Count} codegen units, {build.Objects.Count(o => o.Cached)} from the cache{(cacheDir != null ? " (" + cacheDir + ")" : " (--no-cache)")}");
                foreach (var o in build.Objects.Where(o => !o.Cached).OrderByDescending(o => o.Time))
                    err.WriteLine($"rayzor:   compiled {o.Unit} in {o.Time.TotalMilliseconds:F1} ms");
            }
            var result = _timer.Time("link", () => new Linker().LinkAsync(new LinkRequest(options.Target, [.. build.Objects.Select(o => o.Path)], runtimeDir, output, WithoutRuntime: !build.NeedsRuntime)
            {
                CommandCacheDirectory = cacheDir != null ? Path.Combine(cacheDir, "link") : null,
                ExecutableCacheDirectory = cacheDir != null ? Path.Combine(cacheDir, "exe") : null,
            }).GetAwaiter().GetResult());
            if (options.Verbose) err.WriteLine($"rayzor: link: {result.CommandLine}");
            if (!result.Success)
            {
                _reporter.Error(result.ErrorMessage);
                return 1;
            }
        }
        finally
        {
            foreach (var t in build.Temporaries) AtomicFile.Delete(t);
        }
        if (options.Verbose) err.WriteLine($"rayzor: wrote {output}");
        if (compiler.Cache?.PruneIfDue() is > 0 and var freed && options.Verbose)
            err.WriteLine($"rayzor: pruned the object cache by {freed / 1024} KB");
        return 0;
    }

    /// Parses and types the program, lowers it to MIR and (unless <paramref name="optimize"/> is
    /// false) runs the MIR passes of the -O level; null (diagnostics printed) on errors.
    public MirModule? Front(bool optimize = true)
    {
        var (program, userCode) = Typed();
        if (program == null) return null;
        if (options.Dump == "typed") err.Write(TypedPrinter.Print(program, userCode));
        var mir = _timer.Time("lowering", () => new Lowerer(program, _diags).Lower());
        if (Report()) return null;
        var errors = _timer.Time("mir-verify", () => Verifier.Verify(mir));
        if (errors.Count > 0)
        {
            _reporter.Error("internal error: invalid MIR:\n" + string.Join('\n', errors.Take(20).Select(e => "  " + e)));
            return null;
        }
        if (optimize && !Optimize(mir)) return null;
        if (options.Dump == "mir") err.Write(MirPrinter.Print(mir));
        return mir;
    }

    /// The MIR passes of the -O level (PassRegistry.Pipeline), up to `--after PASS`; each pass's
    /// time goes into the --times table under `mir-opt`.
    private bool Optimize(MirModule mir)
    {
        if (options.SkipPasses.FirstOrDefault(n => PassRegistry.Create(n) == null) is { } unknown)
        {
            _reporter.Error($"--skip-pass {unknown}: no such MIR pass (known: {string.Join(", ", PassRegistry.Names)})");
            return false;
        }
        var names = PassRegistry.Pipeline(options.OptLevel).Where(n => !options.SkipPasses.Contains(n)).ToList();
        if (options.After != null && !names.Contains(options.After))
        {
            _reporter.Error($"--after {options.After}: no such pass in the -O{options.OptLevel} pipeline"
                + (names.Count == 0 ? " (it is empty)" : $" ({string.Join(", ", names.Distinct())})"));
            return false;
        }
        if (names.Count == 0) return true;
        var manager = new PassManager { VerifyEach = options.VerifyMir || VerifyAlways, StopAfter = options.After };
        try
        {
            _timer.Time("mir-opt", () => manager.Run(mir, PassRegistry.CreateAll(names)));
        }
        catch (PassVerificationException e)
        {
            _reporter.Error("internal error: " + e.Message);
            return false;
        }
        foreach (var (pass, ms) in manager.TimesByPass()) _timer.Detail(pass, ms);
        return true;
    }

    /// `rayzor run --interp`: the MIR at the -O level, given to <paramref name="run"/> after the
    /// --times table of the stages before it (the program may end the process: `Sys.exit`, and the
    /// entry function's own exit).
    public int RunMir(Func<MirModule, int> run)
    {
        MirModule? mir;
        try
        {
            mir = Front();
        }
        finally
        {
            _timer.Finish(options.Times);
        }
        return mir == null ? 1 : run(mir);
    }

    /// `rayzor dump --typed`: the typed tree of the program's own types (not the standard library's).
    public int DumpTyped(string output)
    {
        try
        {
            var (program, userCode) = Typed();
            if (program == null) return 1;
            WriteText(output, TypedPrinter.Print(program, userCode));
            return 0;
        }
        finally
        {
            _timer.Finish(options.Times);
        }
    }

    /// Parses and types the program; null (diagnostics printed) on errors. UserCode tells the
    /// program's own types from those of the standard library folders.
    private (TypedProgram? Program, Func<TypeSymbol, bool> UserCode) Typed()
    {
        foreach (var w in options.Warnings) _reporter.Warning(w);
        var (mainClass, classPaths, span) = Entry();
        if (mainClass == null) return (null, _ => false);
        var defines = Defines.CreateDefault();
        foreach (var d in options.AllDefines()) defines.DefineArgument(d);
        if (options.Verbose)
        {
            err.WriteLine($"rayzor: main class {mainClass}, -O{options.OptLevel}, target {options.Target}");
            foreach (var lib in options.ResolvedLibraries) err.WriteLine($"rayzor: library {lib.Name} {lib.Version}: {lib.Root}");
            foreach (var cp in classPaths) err.WriteLine($"rayzor: class path {(cp.Length == 0 ? "." : cp)}");
            err.WriteLine("rayzor: defines " + string.Join(' ', defines.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value == "1" ? p.Key : $"{p.Key}={p.Value}")));
        }
        var loader = new ModuleLoader(_sources, _diags, defines, classPaths);
        static string Root(string cp) => Path.GetFullPath(cp.Length == 0 ? "." : cp).TrimEnd('/') + "/";
        bool Under(ModuleSymbol m, IEnumerable<string> roots) => roots.Any(r => Path.GetFullPath(m.File.Path).StartsWith(r, StringComparison.Ordinal));
        var stdRoots = classPaths.Skip(classPaths.Count - _stdPathCount).Select(Root).ToList();
        var libraryRoots = options.ResolvedLibraries.Select(l => Root(l.ClassPath)).ToList();
        var userRoots = classPaths.Take(classPaths.Count - _stdPathCount).Select(Root).Where(r => !libraryRoots.Contains(r)).ToList();
        // the program's own modules are checked whole, as Haxe does; libraries and the std where used
        var typer = new Typer(loader) { IsUserModule = m => Under(m, userRoots) && !Under(m, stdRoots) };
        // modules are parsed as the typer asks for them, so this stage includes parsing
        var program = _timer.Time("parse+typing", () => typer.TypeProgram(mainClass, span));
        if (Report() || program == null) return (null, _ => false);
        if (options.Verbose)
            err.WriteLine($"rayzor: {_sources.Files.Count} source files ({_sources.Files.Sum(f => (long)f.Bytes.Length) / 1024.0:F1} KB), {program.Classes.Count} classes");
        return (program, t => !Under(t.Module, stdRoots));
    }

    /// Typing only (`rayzor check`, `--no-output`), with the --times table.
    public int Check()
    {
        try
        {
            return Front(optimize: false) == null ? 1 : 0;
        }
        finally
        {
            _timer.Finish(options.Times);
        }
    }

    /// The main class and class paths: `Main.hx` means class `Main` with its folder on the class path.
    private (string? Main, List<string> ClassPaths, TextSpan Span) Entry()
    {
        var cps = new List<string>(options.ClassPaths);
        string? main = options.MainClass;
        if (options.MainFile != null)
        {
            var file = options.MainFile;
            if (!File.Exists(file))
            {
                _reporter.Error($"file not found: {file}");
                return (null, cps, TextSpan.None);
            }
            var dir = Path.GetDirectoryName(file) ?? "";
            main ??= Path.GetFileNameWithoutExtension(file);
            if (!cps.Contains(dir)) cps.Insert(0, dir);
        }
        if (main == null)
        {
            _reporter.Error("no main class: give a .hx file or -m/--main");
            return (null, cps, TextSpan.None);
        }
        if (cps.Count == 0) cps.Add("");
        var home = RayzorHome.Find();
        if (home != null) cps.Add(Path.Combine(home, "Rayzor.Runtime", "haxe", "_std"));
        var std = ModuleLoader.FindHaxeStd();
        if (std != null) cps.Add(std);
        _stdPathCount = (home != null ? 1 : 0) + (std != null ? 1 : 0);
        return (main, cps, TextSpan.None);
    }

    /// Prints the diagnostics gathered so far; true when there were errors.
    private bool Report()
    {
        _timer.ClearProgress();
        // each diagnostic is printed once: later stages only report what they add
        foreach (var d in _diags.Items.Skip(_printed)) _reporter.Report(d, _sources);
        _printed = _diags.Items.Count;
        return _diags.HasErrors;
    }

    private int _printed;

#if DEBUG
    /// A Debug build of the compiler verifies the MIR after every pass, as --verify-mir does.
    private const bool VerifyAlways = true;
#else
    private const bool VerifyAlways = false;
#endif

    /// How many class paths at the end of the list are the standard library's.
    private int _stdPathCount;

    private static void WriteText(string path, string text)
    {
        if (path == "-") Console.Out.Write(text);
        else AtomicFile.Write(path, t => File.WriteAllText(t, text));
    }
}

/// Times the stages of a build: shows the running stage on a terminal (nothing when stderr is a
/// pipe), prints `rayzor: STAGE` lines with -v, and the `--times` table at the end.
public sealed class StageTimer(TextWriter err, bool verbose)
{
    private readonly List<(string Stage, double Ms, bool Detail)> _times = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly bool _progress = !verbose && Terminal.ProgressOnStderr;
    private bool _shown;

    public T Time<T>(string stage, Func<T> f)
    {
        if (verbose) err.WriteLine($"rayzor: {stage}");
        else if (_progress)
        {
            err.Write($"\r\e[2Krayzor: {stage} ...");
            err.Flush();
            _shown = true;
        }
        var sw = Stopwatch.StartNew();
        var r = f();
        _times.Add((stage, sw.Elapsed.TotalMilliseconds, false));
        return r;
    }

    /// A part of the stage timed last (a MIR pass of `mir-opt`): listed indented under it, not
    /// added to the total.
    public void Detail(string name, double ms) => _times.Add(("  " + name, ms, true));

    public void Time(string stage, Action f) => Time(stage, () => { f(); return 0; });

    /// Adds a stage timed elsewhere.
    public void Record(string stage, TimeSpan time) => _times.Add((stage, time.TotalMilliseconds, false));

    public void ClearProgress()
    {
        if (!_shown) return;
        err.Write("\r\e[2K");
        err.Flush();
        _shown = false;
    }

    /// Clears the progress line; with --times prints each stage, what is left (start-up, I/O)
    /// and the total, in ms and as a share of the total.
    public void Finish(bool table)
    {
        ClearProgress();
        if (!table) return;
        var total = _total.Elapsed.TotalMilliseconds;
        var rows = new List<(string, double, bool)>(_times) { ("other", Math.Max(0, total - _times.Where(t => !t.Detail).Sum(t => t.Ms)), false) };
        err.WriteLine($"{"stage",-14}{"time (ms)",11}{"%",8}");
        foreach (var (stage, ms, _) in rows) err.WriteLine($"{stage,-14}{ms,11:F1}{100 * ms / total,7:F1}%");
        err.WriteLine($"{"total",-14}{total,11:F1}{100.0,7:F1}%");
    }
}
