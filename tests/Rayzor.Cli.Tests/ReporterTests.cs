using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Text;

namespace Rayzor.Cli.Tests;

/// The three diagnostics modes on the same diagnostics.
public class ReporterTests
{
    private static string Print(string mode, Diagnostic d, SourceManager sources, bool color = false)
    {
        var sw = new StringWriter { NewLine = "\n" };
        new Reporter(mode, sw, color).Report(d, sources);
        return sw.ToString();
    }

    [Fact]
    public void PrettyCountsColumnsInCharactersAndKeepsTabs()
    {
        var sources = new SourceManager();
        var f = sources.AddText("M.hx", "class M {\n\tvar s = \"é\"; var x:Int = s;\n}\n");
        var start = f.Text.IndexOf("var x", StringComparison.Ordinal) + 1; // the é is two bytes
        var d = new Diagnostic(Severity.Error, "RZ0200", "String should be Int", new TextSpan(f.Id, start, start + 14));
        Assert.Equal("""
            error[RZ0200]: String should be Int
             --> M.hx:2:15
              |
            2 | 	var s = "é"; var x:Int = s;
              | 	             ^^^^^^^^^^^^^^

            """, Print("pretty", d, sources));
        Assert.Equal($"{Path.GetFullPath("M.hx")}(2,15,2,29): error RZ0200: String should be Int\n", Print("msbuild", d, sources));
        Assert.Equal("M.hx:2: characters 16-30 : String should be Int\n", Print("classic", d, sources));
    }

    [Fact]
    public void PrettyShowsTheFirstAndLastLineOfALongSpanAndColoursOnlyWhenAsked()
    {
        var sources = new SourceManager();
        var f = sources.AddText("L.hx", "a\nbb\ncc\ndd\n");
        var d = new Diagnostic(Severity.Warning, "RZ0001", "long", new TextSpan(f.Id, 2, 11));
        Assert.Equal("""
            warning[RZ0001]: long
             --> L.hx:2:1
              |
            2 | bb
              | ^^
            ...
            4 | dd
              | ^^

            """, Print("pretty", d, sources));
        Assert.Contains("\e[1;33mwarning[RZ0001]\e[0m", Print("pretty", d, sources, color: true));
        Assert.DoesNotContain("\e[", Print("pretty", d, sources));
    }

    [Fact]
    public void DriverMessagesInEachMode()
    {
        var sw = new StringWriter { NewLine = "\n" };
        new Reporter("classic", sw, false).Error("file not found: x.hx");
        new Reporter("msbuild", sw, false).Error("two\nlines");
        new Reporter("pretty", sw, false).Warning("careful");
        Assert.Equal("rayzor: file not found: x.hx\nrayzor : error RZ1000: two lines\nwarning: careful\n", sw.ToString());
    }
}
