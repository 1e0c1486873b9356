using Rayzor.Frontend.Conditional;

namespace Rayzor.Cli.Tests;

/// The flags of one build: Haxe's spellings, defaults, and the output name.
public class OptionTests
{
    private static readonly Haxelib NoRepositories = new([]);

    private static Options Parse(params string[] args) => OptionParser.Parse(args, "build", "/", NoRepositories);

    [Fact]
    public void HaxeSpellingsOfTheCommonFlags()
    {
        var o = Parse("-cp", "a", "--class-path", "b", "-p", "c", "-main", "pack.Main", "-D", "x=1", "--define", "y", "-debug", "-dce", "full");
        Assert.Equal(["a", "b", "c"], o.ClassPaths);
        Assert.Equal("pack.Main", o.MainClass);
        Assert.Equal(["debug", "dce=full", "x=1", "y"], o.AllDefines());
        Assert.Equal(0, o.OptLevel); // --debug builds at -O0 ...
        Assert.Equal(3, Parse("--debug", "-O3").OptLevel); // ... unless an -O flag says otherwise
        Assert.Equal(["dce=std"], Parse().AllDefines());
    }

    [Fact]
    public void MirPassFlags()
    {
        var o = Parse("-O3", "--after", "dce", "--verify-mir", "--times");
        Assert.Equal((3, "dce", true, true), (o.OptLevel, o.After, o.VerifyMir, o.Times));
        Assert.Equal((null, false), (Parse().After, Parse().VerifyMir));
    }

    [Fact]
    public void TargetFlagsNameTheOutput()
    {
        Assert.Equal("bin/app", Program.DefaultOutput(Parse("-m", "pack.Main", "--hl", "bin/app.hl")));
        Assert.Equal("main", Program.DefaultOutput(Parse("-m", "Main", "-js", "main.js")));
        Assert.Equal("out/Main", Program.DefaultOutput(Parse("-m", "pack.Main", "-cpp", "out")));
        Assert.Equal("Main", Program.DefaultOutput(Parse("-m", "pack.Main", "--interp")));
        Assert.Equal("given", Program.DefaultOutput(Parse("-m", "pack.Main", "--hl", "x.hl", "-o", "given")));
        Assert.Equal("Tool.ll", Program.DefaultOutput(Parse("src/Tool.hx", "--emit", "llvm-ir")));
    }

    [Fact]
    public void IgnoredHaxeFlagsWarnAndUnknownFlagsFail()
    {
        var o = Parse("-m", "A", "--macro", "include('x')", "-resource", "a.txt@a", "--no-traces", "--flash-strict");
        Assert.Equal(2, o.Warnings.Count);
        Assert.Contains("--macro", o.Warnings[0]);
        Assert.Contains("no_traces", o.Defines);
        Assert.Contains("unknown option --frobnicate", Assert.Throws<UsageException>(() => Parse("--frobnicate")).Message);
        Assert.Contains("--dce takes", Assert.Throws<UsageException>(() => Parse("--dce", "some")).Message);
        Assert.Contains("-m needs a value", Assert.Throws<UsageException>(() => Parse("-m")).Message);
    }

    [Fact]
    public void RunSplitsTheProgramArgumentsAfterTheFile()
    {
        var (c, p) = OptionParser.SplitRunArguments(["-D", "x", "-p", "src", "build.hxml", "-v", "a.hx"]);
        Assert.Equal(["-D", "x", "-p", "src", "build.hxml"], c);
        Assert.Equal(["-v", "a.hx"], p);
        (c, p) = OptionParser.SplitRunArguments(["-m", "Main", "first", "second"]);
        Assert.Equal(["-m", "Main"], c);
        Assert.Equal(["first", "second"], p);
        (c, p) = OptionParser.SplitRunArguments(["Main.hx", "--", "x"]);
        Assert.Equal(["Main.hx"], c);
        Assert.Equal(["--", "x"], p);
        (c, p) = OptionParser.SplitRunArguments(["-m", "Main", "--", "-v"]);
        Assert.Equal(["-m", "Main"], c);
        Assert.Equal(["-v"], p);
    }

    [Fact]
    public void EveryDefaultDefineIsDocumentedInHelpDefines()
    {
        var documented = DefineHelp.Always.Select(d => d.Name).ToHashSet();
        foreach (var name in Defines.CreateDefault().Values.Keys) Assert.Contains(name, documented);
        Assert.Contains("haxe_ver=4.205", DefineHelp.Text());
    }

    [Fact]
    public void HelpListsEveryDocumentedFlag()
    {
        var usage = Program.Usage();
        foreach (var f in OptionParser.Flags.Where(f => f.Help.Length > 0)) Assert.Contains(f.Names[0], usage);
    }
}
