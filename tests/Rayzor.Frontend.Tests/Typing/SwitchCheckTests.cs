namespace Rayzor.Frontend.Tests.Typing;

/// Switch exhaustiveness and unused cases; the expected lines are what Haxe 4.2.5 prints for the same programs.
public class SwitchCheckTests
{
    private const string Decls = "import haxe.ds.Option;\nenum Color { Red; Green; Blue; }\nenum abstract Kind(Int) { var A = 1; var B = 2; var C = 3; }\n";

    private static List<string> Diags(string body) => TypingTestUtil.Diags(body, Decls);

    [Fact]
    public void StatementOnEnumMustCoverEveryConstructor() =>
        Assert.Equal(["Main.hx:8: characters 11-12 : Unmatched patterns: Blue"],
            Diags("\t\tvar c = Red;\n\t\tswitch (c) { case Red: case Green: }"));

    [Fact]
    public void StatementOnIntNeedsNoDefault() =>
        Assert.Empty(Diags("\t\tvar i = 1;\n\t\tswitch (i) { case 1: trace(1); }"));

    [Fact]
    public void ValueOnIntNeedsADefault() =>
        Assert.Equal(["Main.hx:8: characters 19-20 : Unmatched patterns: _"],
            Diags("\t\tvar i = 1;\n\t\tvar v = switch (i) { case 1: \"a\"; };"));

    [Fact]
    public void GuardedCaseDoesNotCover() =>
        Assert.Equal(["Main.hx:8: characters 19-20 : Unmatched patterns: Red"],
            Diags("\t\tvar c = Red;\n\t\tvar v = switch (c) { case Red if (true): 1; case Green: 2; case Blue: 3; };"));

    [Fact]
    public void NestedPatternsNameTheMissingValue() =>
        Assert.Equal(["Main.hx:8: characters 26-37 : Unmatched patterns: Some(Blue)"],
            Diags("\t\tvar o:Option<Color> = None;\n\t\tswitch (o) { case Some(Red | Green): case None: }"));

    [Fact]
    public void BoolAndEnumAbstract() =>
        Assert.Equal(["Main.hx:8: characters 11-12 : Unmatched patterns: false", "Main.hx:10: characters 11-12 : Unmatched patterns: C"],
            Diags("\t\tvar b = true;\n\t\tswitch (b) { case true: }\n\t\tvar k:Kind = A;\n\t\tswitch (k) { case A | B: }"));

    [Fact]
    public void UnusedCaseAndPatternAreWarnings() =>
        Assert.Equal(["Main.hx:8: characters 34-43 : Warning : This case is unused", "Main.hx:9: characters 27-30 : Warning : This pattern is unused"],
            Diags("\t\tvar c = Red;\n\t\tswitch (c) { case _: trace(1); case Red: }\n\t\tswitch (c) { case Red | Red: case _: }"));
}
