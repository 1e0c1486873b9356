using System.Collections;
using Microsoft.Build.Framework;

namespace Rayzor.Sdk.Tests;

/// Collects what a task logs, for running a task outside MSBuild.
public sealed class FakeBuildEngine : IBuildEngine
{
    private readonly Lock _lock = new();
    public List<BuildErrorEventArgs> Errors { get; } = [];
    public List<BuildWarningEventArgs> Warnings { get; } = [];
    public List<string> Messages { get; } = [];

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "test.proj";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public void LogErrorEvent(BuildErrorEventArgs e)
    {
        lock (_lock) Errors.Add(e);
    }

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
        lock (_lock) Warnings.Add(e);
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        lock (_lock) Messages.Add(e.Message ?? "");
    }

    /// Everything logged, for assertion messages.
    public override string ToString() =>
        string.Join('\n', Errors.Select(e => $"error {e.Code}: {e.File}({e.LineNumber},{e.ColumnNumber}): {e.Message}")
            .Concat(Warnings.Select(w => $"warning {w.Code}: {w.Message}")).Concat(Messages));
}
