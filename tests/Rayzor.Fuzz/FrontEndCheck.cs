using System.Diagnostics;
using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Text;

namespace Rayzor.Fuzz;

/// One input for the front end: a name saying how it was made (enough to make it again), and its bytes.
public sealed record FuzzInput(string Name, byte[] Bytes);

/// An input the front end mishandled: it threw, took too long, or produced a diagnostic outside the file.
public sealed record FuzzFailure(FuzzInput Input, string Kind, string Detail)
{
    public override string ToString() => $"{Kind} on {Input.Name} ({Input.Bytes.Length} bytes): {Detail}";
}

/// Runs one input through the lexer alone, then through the preprocessor and the parser (twice: the result
/// must not change), on a fresh thread with a small stack (so a missing depth guard shows up quickly) and a
/// time limit.
public sealed class FrontEndCheck(TimeSpan timeLimit, int stackSize = 1 << 20)
{
    /// The longest a passing input took, for the summary.
    public TimeSpan Slowest { get; private set; }

    public string SlowestName { get; private set; } = "";

    /// How long the last input took.
    public TimeSpan Last { get; private set; }

    /// Null when the front end handled the input.
    public FuzzFailure? Run(FuzzInput input)
    {
        string? problem = null;
        Exception? error = null;
        var sw = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                problem = Check(input);
            }
            catch (Exception e)
            {
                error = e;
            }
        }, stackSize) { IsBackground = true, Name = "fuzz" };
        thread.Start();
        if (!thread.Join(timeLimit))
            return new FuzzFailure(input, "timeout", $"still running after {timeLimit.TotalSeconds:F1} s");
        var elapsed = Last = sw.Elapsed;
        if (error != null) return new FuzzFailure(input, "exception", error.ToString());
        if (problem != null) return new FuzzFailure(input, "bad diagnostic", problem);
        if (elapsed > Slowest)
        {
            Slowest = elapsed;
            SlowestName = input.Name;
        }
        return null;
    }

    // The invariants every input must keep; returns what broke, or null.
    private static string? Check(FuzzInput input)
    {
        var sources = new SourceManager();
        var file = sources.Add(input.Name, input.Bytes);
        var length = input.Bytes.Length;

        var lexBag = new DiagnosticBag();
        var lexer = new Lexer(file, lexBag);
        var prevEnd = 0;
        while (true)
        {
            var t = lexer.Next();
            if (t.Start < prevEnd || t.End < t.Start || t.End > length)
                return $"token {t} out of order or outside the file (previous end {prevEnd})";
            prevEnd = t.End;
            if (t.Kind == TokenKind.EndOfFile) break;
        }

        var bag = new DiagnosticBag();
        Parser.ParseModule(file, Defines.CreateDefault(), bag);
        foreach (var d in lexBag.Items.Concat(bag.Items))
        {
            if (d.Span.FileId != file.Id || d.Span.Start < 0 || d.Span.End > length || d.Span.End < d.Span.Start)
                return $"diagnostic span {d.Span} outside the file: {d.Message}";
            if (string.IsNullOrWhiteSpace(d.Message)) return $"empty message at {d.Span}";
            DiagnosticFormatter.Classic(d, sources);
        }

        // the same input gives the same diagnostics again (no state kept from one parse to the next)
        var again = new DiagnosticBag();
        Parser.ParseModule(file, Defines.CreateDefault(), again);
        if (!again.Items.SequenceEqual(bag.Items))
            return $"a second parse gave {again.Items.Count} diagnostics instead of {bag.Items.Count}";
        return null;
    }
}
