namespace Rayzor.Cli.Tests;

/// `.hxml` files and the `--next`/`--each`/`--cwd`/`--run` structure, with Haxe's rules.
public class HxmlTests
{
    [Fact]
    public void OneArgumentPerLineCommentsAndFlagsSplitAtTheFirstSpace()
    {
        var text = "# a comment\r\n-cp src\n\n   -main   pack.Main  \n-D  name=a b\n--cmd echo one two\n\"quoted.hx\"\n-D 'x=y'\nMain.hx\n  # indented comment\n--interp\n";
        Assert.Equal(
            ["-cp", "src", "-main", "pack.Main", "-D", "name=a b", "--cmd", "echo one two", "quoted.hx", "-D", "x=y", "Main.hx", "--interp"],
            Hxml.ParseText(text));
    }

    [Fact]
    public void NestedHxmlIsExpandedInPlaceRelativeToTheWorkingFolderAndArgumentsAreAppended()
    {
        using var t = new TempDir();
        t.Write("common.hxml", "-p src\n-D fromCommon\n");
        // the path of the nested file is relative to the working folder, not to build/app.hxml
        t.Write("build/app.hxml", "common.hxml\n-m Main\n");
        var sections = Hxml.Expand(["build/app.hxml", "-D", "fromCli"], t.Path);
        var s = Assert.Single(sections);
        Assert.Equal(["-p", "src", "-D", "fromCommon", "-m", "Main", "-D", "fromCli"], s.Args);
        Assert.Equal(t.Path, s.WorkingDirectory);
    }

    [Fact]
    public void NextSeparatesBuildsAndEachArgumentsPrefixEveryBuild()
    {
        using var t = new TempDir();
        t.Write("build.hxml", "-p src\n--each\n-m A\n--next\n\n--next\n-m B\n-D b\n--next\n");
        var sections = Hxml.Expand(["build.hxml", "-o", "last"], t.Path);
        Assert.Equal(3, sections.Count);
        Assert.Equal(["-p", "src", "-m", "A"], sections[0].Args);
        Assert.Equal(["-p", "src", "-m", "B", "-D", "b"], sections[1].Args);
        // arguments after the hxml belong to the build after its last --next
        Assert.Equal(["-p", "src", "-o", "last"], sections[2].Args);
    }

    [Fact]
    public void ATrailingNextLeavesNoEmptyBuild()
    {
        using var t = new TempDir();
        t.Write("build.hxml", "-m A\n--next\n-m B\n--next\n");
        var sections = Hxml.Expand(["build.hxml"], t.Path);
        Assert.Equal([["-m", "A"], ["-m", "B"]], sections.Select(s => s.Args.ToArray()));
    }

    [Fact]
    public void RunEndsTheCommandLineAndPassesTheRestToTheProgram()
    {
        var sections = Hxml.Expand(["-p", "src", "--run", "pack.Main", "a", "-D", "b.hxml"], "/");
        var s = Assert.Single(sections);
        Assert.Equal(["-p", "src", "--main", "pack.Main", "--interp"], s.Args);
        Assert.Equal(["a", "-D", "b.hxml"], s.ProgramArgs);
    }

    [Fact]
    public void CwdChangesTheFolderForLaterHxmlFilesUntilTheNextBuild()
    {
        using var t = new TempDir();
        t.Write("sub/inner.hxml", "-m Inner\n");
        var sections = Hxml.Expand(["--cwd", "sub", "inner.hxml", "--next", "-m", "Other"], t.Path);
        Assert.Equal(2, sections.Count);
        Assert.Equal(["-m", "Inner"], sections[0].Args);
        Assert.Equal(Path.Combine(t.Path, "sub"), sections[0].WorkingDirectory);
        Assert.Equal(t.Path, sections[1].WorkingDirectory);
    }

    [Fact]
    public void TheArgumentOfCmdIsNotReadAsAnHxmlFile()
    {
        var s = Assert.Single(Hxml.Expand(["-m", "A", "--cmd", "cat x.hxml"], "/"));
        Assert.Equal(["-m", "A", "--cmd", "cat x.hxml"], s.Args);
    }

    [Fact]
    public void MissingAndSelfIncludingFilesAreUsageErrors()
    {
        using var t = new TempDir();
        t.Write("loop.hxml", "-m A\nloop2.hxml\n");
        t.Write("loop2.hxml", "loop.hxml\n");
        Assert.Contains("file not found: nope.hxml", Assert.Throws<UsageException>(() => Hxml.Expand(["nope.hxml"], t.Path)).Message);
        Assert.Contains("includes itself", Assert.Throws<UsageException>(() => Hxml.Expand(["loop.hxml"], t.Path)).Message);
    }

    [Fact]
    public void AFileIncludedTwiceInARowIsNotACycle()
    {
        using var t = new TempDir();
        t.Write("d.hxml", "-D x\n");
        var s = Assert.Single(Hxml.Expand(["d.hxml", "d.hxml", "-m", "A"], t.Path));
        Assert.Equal(["-D", "x", "-D", "x", "-m", "A"], s.Args);
    }
}
