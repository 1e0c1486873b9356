using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using Rayzor.Frontend.Typing;
using Rayzor.Mir.Ir;
using Rayzor.Mir.Lowering;

namespace Rayzor.Fuzz;

/// A program for the typer: the module's bytes and the name of its main class (the file's name).
public sealed record TyperInput(FuzzInput Input, string MainClass);

/// Runs a program through what `rayzor check` does — parse, type against the standard library and Rayzor's
/// `_std`, lower to MIR and verify it when typing found no error — on a fresh thread with the compiler's
/// own 8 MB stack and a time limit. Any exception, a time-out, an invalid MIR or a diagnostic of the
/// input's file outside it is a failure; ordinary errors are not.
public sealed class TyperCheck(TimeSpan timeLimit, int stackSize = 8 << 20, bool shareParses = true) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rayzor-typer-fuzz-").FullName;
    private readonly string _rayzorStd = Path.Combine(RepoRoot(), "Rayzor.Runtime", "haxe", "_std");
    private readonly string _std = ModuleLoader.FindHaxeStd() ?? throw new InvalidOperationException("the Haxe standard library is not installed");
    private ParsedModules? _parsed;

    /// The longest a passing input took, and which.
    public TimeSpan Slowest { get; private set; }

    public string SlowestName { get; private set; } = "";

    /// A hash of every diagnostic printed and every input's outcome so far: two runs of one seed that
    /// behave alike have the same digest (how the parse sharing was checked against parsing each time).
    public ulong Digest { get; private set; }

    /// How many inputs typed without errors (and so were lowered too).
    public int Lowered { get; private set; }

    /// Deletes the folder the inputs were written to (what a timed-out input's thread left there too).
    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
            // a timed-out thread may still be reading its input
        }
    }

    /// Null when the typer handled the input. A thread that times out is left behind (it is a
    /// background thread): the run goes on with the next input.
    public FuzzFailure? Run(TyperInput input)
    {
        // a time-out on a loaded machine is tried once more before it counts
        var failure = RunOnce(input);
        return failure is { Kind: "timeout" } ? RunOnce(input) : failure;
    }

    private FuzzFailure? RunOnce(TyperInput input)
    {
        if (shareParses) _parsed ??= new ParsedModules(Defines.CreateDefault(), [_rayzorStd + "/", _std.TrimEnd('/') + "/"]);
        string? problem = null;
        Exception? error = null;
        var lowered = false;
        var sw = Stopwatch.StartNew();
        var dir = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, input.MainClass + ".hx");
        File.WriteAllBytes(file, input.Input.Bytes);
        var thread = new Thread(() =>
        {
            try
            {
                (problem, lowered) = Check(dir, file, input);
            }
            catch (Exception e)
            {
                error = e;
            }
        }, stackSize) { IsBackground = true, Name = "typer-fuzz" };
        thread.Start();
        if (!thread.Join(timeLimit))
            return new FuzzFailure(input.Input, "timeout", $"typing still running after {timeLimit.TotalSeconds:F1} s");
        Directory.Delete(dir, true);
        var elapsed = sw.Elapsed;
        if (error != null) return new FuzzFailure(input.Input, "exception", error.ToString());
        if (problem != null) return new FuzzFailure(input.Input, "bad result", problem);
        if (lowered) Lowered++;
        if (elapsed > Slowest)
        {
            Slowest = elapsed;
            SlowestName = input.Input.Name;
        }
        return null;
    }

    private (string? Problem, bool Lowered) Check(string dir, string file, TyperInput input)
    {
        var sources = new SourceManager();
        Func<string, (SourceFile, ModuleSyntax)?>? preparsed = null;
        if (_parsed != null) (sources, preparsed) = _parsed.Begin();
        var bag = new DiagnosticBag();
        var loader = new ModuleLoader(sources, bag, Defines.CreateDefault(), [dir, _rayzorStd, _std]) { Preparsed = preparsed };
        var typer = new Typer(loader) { IsUserModule = m => m.File.Path.StartsWith(dir, StringComparison.Ordinal) };
        var program = typer.TypeProgram(input.MainClass, TextSpan.None);
        var length = input.Input.Bytes.Length;
        foreach (var d in bag.Items)
        {
            if (string.IsNullOrWhiteSpace(d.Message)) return ($"empty message at {d.Span}", false);
            if (d.Span.FileId >= 0 && sources[d.Span.FileId].Path == file && (d.Span.Start < 0 || d.Span.End > length || d.Span.End < d.Span.Start))
                return ($"diagnostic span {d.Span} outside the file: {d.Message}", false);
            // (the input's folder has a random name)
            Mix(DiagnosticFormatter.Classic(d, sources).Replace(dir, "DIR", StringComparison.Ordinal));
        }
        Mix(program == null ? "no program" : "typed");
        if (program == null || bag.ErrorCount > 0) return (null, false);
        var mir = new Lowerer(program, bag).Lower();
        if (bag.ErrorCount > 0) return (null, false);
        var errors = Verifier.Verify(mir);
        return errors.Count > 0 ? ("invalid MIR: " + string.Join("; ", errors.Take(5)), true) : (null, true);
    }

    private void Mix(string text)
    {
        // FNV-1a over the text, chained
        var h = Digest ^ 0xcbf29ce484222325UL;
        foreach (var c in text) h = (h ^ c) * 0x100000001b3UL;
        Digest = h;
    }

    /// The checkout's root (above the running assembly).
    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Rayzor.sln"))) return d.FullName;
        throw new InvalidOperationException("Rayzor.sln not found above " + AppContext.BaseDirectory);
    }
}
