using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Tests;

/// `for (v in s.split("literal"))` takes its pieces one at a time (rz_string_split_piece) and
/// makes no array; every other use of `split` still makes the array (rz_string_split). The output
/// of such loops is checked against `split` by tests/e2e/programs/SplitLoops.hx.
public class SplitLoopLoweringTests
{
    private static string[] NativesOf(string body)
    {
        var dir = Directory.CreateTempSubdirectory("rayzor-split-lowering-");
        try
        {
            var file = Path.Combine(dir.FullName, "Main.hx");
            File.WriteAllText(file, "class Main {\n\tstatic function f(s:String, sep:String):Int {\n\t\tvar n = 0;\n"
                + body + "\n\t\treturn n;\n\t}\n\tstatic function main() {\n\t\tSys.println(f(\"a b\", \" \"));\n\t}\n}\n");
            var mir = TextRoundTripTests.Lower(file) ?? throw new InvalidOperationException("does not compile");
            var f = mir.Functions.Single(fn => fn.Name == "Main.f");
            return [.. f.Blocks.SelectMany(b => b.Insts).Where(i => i.Op == Opcode.CallNative).Select(i => i.Sym!)];
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("for (w in s.split(\" \")) n += w.length;")]
    [InlineData("for (line in s.split(\"\\r\\n\")) { if (line == \"\") continue; for (w in line.split(\",\")) n++; }")]
    public void LoopOverSplitByLiteralMakesNoArray(string body)
    {
        var natives = NativesOf(body);
        Assert.Contains("rz_string_split_piece", natives);
        Assert.DoesNotContain("rz_string_split", natives);
    }

    [Theory]
    [InlineData("for (w in s.split(sep)) n += w.length;")] // the separator may be empty or null
    [InlineData("for (w in s.split(\"\")) n += w.length;")] // one piece per code unit
    [InlineData("var a = s.split(\" \"); for (w in a) n += w.length;")] // the array is seen
    public void OtherSplitsMakeTheArray(string body)
    {
        var natives = NativesOf(body);
        Assert.Contains("rz_string_split", natives);
        Assert.DoesNotContain("rz_string_split_piece", natives);
    }
}
