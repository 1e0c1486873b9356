using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Rayzor.Fuzz.Diff;

/// What one way of running a program printed.
public sealed record RunResult(string Mode, int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public override string ToString() => TimedOut ? $"{Mode}: timed out" : $"{Mode}: exit {ExitCode}";
}

/// A program on which the ways of running it disagree (or one of them failed).
public sealed record DiffMismatch(string Kind, string Detail, IReadOnlyList<RunResult> Runs);

/// Runs a program with the interpreter, as native -O0 and -O3 executables and (when `haxe` is given) with
/// Haxe's own interpreter, and compares what they print: Rayzor's three must print exactly the same and
/// exit the same; Haxe must print the same lines, Floats ("F " lines) within a relative 1e-9.
public sealed class DiffRunner(string compiler, string? haxe, TimeSpan timeout)
{
    /// Null when every run agreed. The program is written as Main.hx into dir (kept for the caller).
    public DiffMismatch? Check(string source, string dir)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Main.hx"), source);
        var runs = new List<RunResult>();
        if (haxe != null)
        {
            var h = Exec("haxe", haxe, ["-main", "Main", "--interp"], dir);
            // the generator writes only valid, exception-free programs: anything else is its own bug
            if (h.TimedOut || h.ExitCode != 0)
                return new DiffMismatch("haxe-rejected", FirstLines(h.Stderr + h.Stdout, 10), [h]);
            runs.Add(h);
        }
        runs.Add(Exec("interp", compiler, ["run", "--interp", "Main.hx"], dir));
        foreach (var opt in new[] { "-O0", "-O3" })
        {
            var exe = Path.Combine(dir, "a" + opt);
            var build = Exec("build " + opt, compiler, ["build", "Main.hx", opt, "-o", exe], dir);
            if (build.TimedOut || build.ExitCode != 0)
            {
                runs.Add(build);
                return new DiffMismatch("build-failed", $"{build}: {FirstLines(build.Stderr, 10)}", runs);
            }
            runs.Add(Exec("native " + opt, exe, [], dir));
            File.Delete(exe);
        }
        return Compare(runs, haxe != null);
    }

    /// Null when the runs of one program agree: Rayzor's three exactly, with a clean exit and nothing on
    /// stderr, and Haxe's (the first run, when `withHaxe`) up to Float formatting.
    public static DiffMismatch? Compare(IReadOnlyList<RunResult> runs, bool withHaxe)
    {
        var rayzor = runs.Where(r => r.Mode is "interp" or "native -O0" or "native -O3").ToList();
        var first = rayzor[0];
        foreach (var r in rayzor)
        {
            if (r.TimedOut) return new DiffMismatch("timeout", r.ToString(), runs);
            if (r.ExitCode != 0 || r.Stderr.Length > 0)
                return new DiffMismatch("failed", $"{r}: {FirstLines(r.Stderr, 10)}", runs);
        }
        foreach (var r in rayzor.Skip(1))
            if (r.Stdout != first.Stdout)
                return new DiffMismatch("output", $"{first.Mode} and {r.Mode} differ: {FirstDifference(first.Stdout, r.Stdout, exact: true)}", runs);
        if (withHaxe && FirstDifference(runs[0].Stdout, first.Stdout, exact: false) is { } diff)
            return new DiffMismatch("output", $"haxe --interp and Rayzor differ: {diff}", runs);
        return null;
    }

    /// A readable report: the mismatch, then each run's output.
    public static string Report(DiffMismatch m)
    {
        var sb = new StringBuilder($"{m.Kind}: {m.Detail}\n");
        foreach (var r in m.Runs)
        {
            sb.Append($"--- {r}\n{r.Stdout}");
            if (r.Stderr.Length > 0) sb.Append($"--- {r.Mode} stderr\n{r.Stderr}");
        }
        return sb.ToString();
    }

    // The first differing line (null when the outputs agree); loose compares "F " lines as numbers.
    private static string? FirstDifference(string a, string b, bool exact)
    {
        var la = a.Split('\n');
        var lb = b.Split('\n');
        for (var i = 0; i < Math.Max(la.Length, lb.Length); i++)
        {
            var x = i < la.Length ? la[i] : "<end>";
            var y = i < lb.Length ? lb[i] : "<end>";
            if (x == y || !exact && x.StartsWith("F ", StringComparison.Ordinal) && y.StartsWith("F ", StringComparison.Ordinal) && Close(x[2..], y[2..]))
                continue;
            return $"line {i + 1}: `{x}` vs `{y}`";
        }
        return null;
    }

    private static bool Close(string x, string y)
    {
        if (!TryFloat(x, out var a) || !TryFloat(y, out var b)) return false;
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b);
        if (a == b) return true;
        return Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    private static bool TryFloat(string s, out double v)
    {
        switch (s.Trim().ToLowerInvariant())
        {
            case "inf" or "infinity" or "+inf": v = double.PositiveInfinity; return true;
            case "-inf" or "-infinity" or "neg_infinity": v = double.NegativeInfinity; return true;
            case "nan" or "-nan": v = double.NaN; return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v);
    }

    internal static string FirstLines(string s, int n) => string.Join('\n', s.Split('\n').Take(n));

    internal RunResult Exec(string mode, string exe, string[] args, string dir)
    {
        var psi = new ProcessStartInfo(exe)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new RunResult(mode, -1, stdout.Result, stderr.Result, true);
        }
        p.WaitForExit();
        return new RunResult(mode, p.ExitCode, stdout.Result, stderr.Result, false);
    }
}
