using Rayzor.Frontend.Typed;

namespace Rayzor.Frontend.Tests.Typing;

/// `rayzor dump --typed`: each `cases/NAME.hx` is typed and its own functions printed; the text
/// must equal `verified/NAME.typed`.
public class TypedPrinterTests
{
    private static readonly string Dir = Path.Combine(TypingTestUtil.Root, "tests", "Rayzor.Frontend.Tests", "Typing");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Dir, "cases"), "*.hx").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrintsTypedTree(string name)
    {
        var cases = Path.Combine(Dir, "cases");
        var (program, diags) = TypingTestUtil.TypeDirectory(cases, name);
        Assert.Empty(diags);
        Assert.NotNull(program);
        var own = TypedPrinter.Print(program, t => Path.GetFullPath(t.Module.File.Path).StartsWith(cases + "/", StringComparison.Ordinal));
        TypingTestUtil.MatchSnapshot(Path.Combine(Dir, "verified", name + ".typed"), own);
    }
}
