using System.Text.RegularExpressions;

namespace Rayzor.Sdk;

/// One diagnostic printed by the driver. File is null when the message has no source position;
/// positions are 1-based and 0 when unknown.
public sealed record CompilerDiagnostic(string? File, int Line, int Column, int EndLine, int EndColumn, bool IsWarning, string? Code, string Message);

/// Reads the driver's stderr: `--diagnostics msbuild` lines
/// (`file(line,col,endLine,endCol): error RZ0001: message`, `rayzor : error RZ0001: message`)
/// and the driver's own failures (`rayzor: message`, always errors).
public static partial class CompilerOutput
{
    [GeneratedRegex(@"^(?<file>.+?)\((?<l1>\d+),(?<c1>\d+)(?:,(?<l2>\d+),(?<c2>\d+))?\): (?<kind>error|warning) (?<code>[A-Za-z]+\d+): (?<msg>.*)$")]
    private static partial Regex Positioned();

    [GeneratedRegex(@"^rayzor : (?<kind>error|warning) (?<code>[A-Za-z]+\d+): (?<msg>.*)$")]
    private static partial Regex Unpositioned();

    [GeneratedRegex(@"^rayzor: (?<msg>.+)$")]
    private static partial Regex DriverFailure();

    /// The diagnostic on this line, or null for any other output.
    public static CompilerDiagnostic? Parse(string line)
    {
        var m = Positioned().Match(line);
        if (m.Success)
        {
            var l1 = int.Parse(m.Groups["l1"].Value);
            var c1 = int.Parse(m.Groups["c1"].Value);
            var l2 = m.Groups["l2"].Success ? int.Parse(m.Groups["l2"].Value) : 0;
            var c2 = m.Groups["c2"].Success ? int.Parse(m.Groups["c2"].Value) : 0;
            return new(m.Groups["file"].Value, l1, c1, l2, c2, m.Groups["kind"].Value == "warning", m.Groups["code"].Value, m.Groups["msg"].Value);
        }
        m = Unpositioned().Match(line);
        if (m.Success) return new(null, 0, 0, 0, 0, m.Groups["kind"].Value == "warning", m.Groups["code"].Value, m.Groups["msg"].Value);
        m = DriverFailure().Match(line);
        if (m.Success) return new(null, 0, 0, 0, 0, false, null, m.Groups["msg"].Value);
        return null;
    }
}
