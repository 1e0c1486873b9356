using System.Diagnostics;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typing;
using Rayzor.LlvmBackend.Emit;
using Rayzor.LlvmBackend.Interop;
using Rayzor.LlvmBackend.Link;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Lowering;
using Rayzor.Mir.Text;

namespace Rayzor.Cli;

/// Source to executable: lexer → parser → typer → MIR → LLVM IR → object → linked executable.
public sealed class Pipeline(Options options, TextWriter err)
{
    private readonly SourceManager _sources = new();
    private readonly DiagnosticBag _diags = new();
    private readonly List<(string Stage, double Ms)> _times = [];

    /// Builds what the options ask for; returns the process exit code.
    public int Build(string output)
    {
        var mir = Front();
        if (mir == null) return 1;
        if (options.Emit == "mir")
        {
            WriteText(output, MirPrinter.Print(mir));
            return 0;
        }
        var level = options.OptLevel switch { 0 => OptLevel.O0, 1 => OptLevel.O1, 3 => OptLevel.O3, _ => OptLevel.O2 };
        LLVMTargetMachineRef tm;
        try
        {
            tm = LlvmTargets.CreateTargetMachine(options.Target, level);
        }
        catch (LlvmNotFoundException e)
        {
            err.WriteLine("rayzor: " + e.Message);
            return 1;
        }
        using var emitter = new ModuleEmitter(mir, tm, Path.GetFileNameWithoutExtension(options.MainFile ?? "main"))
        {
            DebugInfo = options.Debug ? DebugInfoLevel.Full : options.NoDebugInfo ? DebugInfoLevel.None : DebugInfoLevel.LineTables,
            Optimized = level != OptLevel.O0,
        };
        var invalid = Time("llvm-ir", emitter.Emit);
        if (invalid != null)
        {
            err.WriteLine("rayzor: internal error: invalid LLVM IR: " + invalid);
            return 70;
        }
        if (level != OptLevel.O0)
        {
            var perr = Time("llvm-opt", () => LlvmTargets.RunPipeline(emitter.Module, tm, LlvmTargets.PipelineFor(level)));
            if (perr != null) { err.WriteLine("rayzor: internal error: " + perr); return 70; }
        }
        switch (options.Emit)
        {
            case "llvm-ir": WriteText(output, LlvmTargets.ModuleToString(emitter.Module)); return Done(0);
            case "asm": Time("codegen", () => LlvmTargets.EmitToFile(emitter.Module, tm, output, LLVMCodeGenFileType.LLVMAssemblyFile)); return Done(0);
            case "obj": Time("codegen", () => LlvmTargets.EmitObject(emitter.Module, tm, output)); return Done(0);
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(dir);
        var obj = Path.Combine(dir, $".{Path.GetFileName(output)}.{Environment.ProcessId}.o");
        try
        {
            Time("codegen", () => LlvmTargets.EmitObject(emitter.Module, tm, obj));
            var rid = Linker.RuntimeIdentifierOf(options.Target)!;
            var home = RayzorHome.Find();
            var runtimeDir = Linker.FindRuntimeDirectory(rid, home != null ? Path.Combine(home, "artifacts", "rayzor") : null);
            if (runtimeDir == null)
            {
                err.WriteLine($"rayzor: the runtime for {options.Target} is not built (run ./rayzor once, or toolchain/build-runtime {rid})");
                return 1;
            }
            var result = Time("link", () => new Linker().LinkAsync(new LinkRequest(options.Target, [obj], runtimeDir, output)).GetAwaiter().GetResult());
            if (!result.Success)
            {
                err.WriteLine("rayzor: " + result.ErrorMessage);
                return 1;
            }
        }
        finally
        {
            File.Delete(obj);
        }
        return Done(0);
    }

    private int Done(int code)
    {
        if (options.Times)
            foreach (var (stage, ms) in _times) err.WriteLine($"{stage,-12} {ms,9:F1} ms");
        return code;
    }

    /// Parses and types the program and lowers it to MIR; null (diagnostics printed) on errors.
    public MirModule? Front()
    {
        var (mainClass, classPaths, span) = Entry();
        if (mainClass == null) return null;
        var defines = Defines.CreateDefault();
        foreach (var d in options.Defines) defines.DefineArgument(d);
        var loader = new ModuleLoader(_sources, _diags, defines, classPaths);
        var typer = new Typer(loader);
        var program = Time("typing", () => typer.TypeProgram(mainClass, span));
        if (Report() || program == null) return null;
        var mir = Time("lowering", () => new Lowerer(program, _diags).Lower());
        if (Report()) return null;
        var errors = Verifier.Verify(mir);
        if (errors.Count > 0)
        {
            err.WriteLine("rayzor: internal error: invalid MIR:");
            foreach (var e in errors.Take(20)) err.WriteLine("  " + e);
            return null;
        }
        if (options.Dump == "mir") err.Write(MirPrinter.Print(mir));
        return mir;
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
                err.WriteLine($"rayzor: file not found: {file}");
                return (null, cps, TextSpan.None);
            }
            var dir = Path.GetDirectoryName(file) ?? "";
            main ??= Path.GetFileNameWithoutExtension(file);
            if (!cps.Contains(dir)) cps.Insert(0, dir);
        }
        if (main == null)
        {
            err.WriteLine("rayzor: no main class: give a .hx file or -m/--main");
            return (null, cps, TextSpan.None);
        }
        if (cps.Count == 0) cps.Add("");
        var home = RayzorHome.Find();
        if (home != null) cps.Add(Path.Combine(home, "Rayzor.Runtime", "haxe", "_std"));
        var std = ModuleLoader.FindHaxeStd();
        if (std != null) cps.Add(std);
        return (main, cps, TextSpan.None);
    }

    /// Prints the diagnostics gathered so far; true when there were errors.
    private bool Report()
    {
        // each diagnostic is printed once: later stages only report what they add
        foreach (var d in _diags.Items.Skip(_printed))
            err.WriteLine(options.Diagnostics == "msbuild" ? DiagnosticFormatter.MsBuild(d, _sources) : DiagnosticFormatter.Classic(d, _sources));
        _printed = _diags.Items.Count;
        return _diags.HasErrors;
    }

    private int _printed;

    private T Time<T>(string stage, Func<T> f)
    {
        var sw = Stopwatch.StartNew();
        var r = f();
        _times.Add((stage, sw.Elapsed.TotalMilliseconds));
        return r;
    }

    private void Time(string stage, Action f) => Time(stage, () => { f(); return 0; });

    private static void WriteText(string path, string text)
    {
        if (path == "-") Console.Out.Write(text);
        else File.WriteAllText(path, text);
    }
}
