namespace Rayzor.Cli.Tests;

/// `-L` resolved through fake haxelib repositories built in temp folders.
public class HaxelibTests
{
    /// A library version folder `repo/name/1,2,3` with its haxelib.json, made current.
    private static string Install(TempDir t, string repo, string name, string version, string json = "", bool current = true)
    {
        var dir = t.Dir(Path.Combine(repo, name.ToLowerInvariant(), version.Replace('.', ',')));
        if (json.Length > 0) File.WriteAllText(Path.Combine(dir, "haxelib.json"), json);
        if (current) File.WriteAllText(Path.Combine(t.Path, repo, name.ToLowerInvariant(), ".current"), version + "\n");
        return dir;
    }

    [Fact]
    public void CurrentVersionClassPathAndDefine()
    {
        using var t = new TempDir();
        var root = Install(t, "repo", "MyLib", "1.2.3", """{ "name": "MyLib", "version": "1.2.3", "classPath": "src" }""");
        Install(t, "repo", "mylib", "1.0.0", current: false);
        var o = OptionParser.Parse(["-m", "Main", "-lib", "MyLib"], "build", t.Path, new Haxelib([Path.Combine(t.Path, "repo")]));
        var lib = Assert.Single(o.ResolvedLibraries);
        Assert.Equal(Path.Combine(root, "src"), lib.ClassPath);
        Assert.Equal([Path.Combine(root, "src")], o.ClassPaths);
        Assert.Contains("MyLib=1.2.3", o.Defines);
    }

    [Fact]
    public void ExplicitVersionDevFolderAndTheFolderVersionWithoutJson()
    {
        using var t = new TempDir();
        var repo = Path.Combine(t.Path, "repo");
        var old = Install(t, "repo", "tool", "0.9.0");
        Install(t, "repo", "tool", "1.0.0");
        var h = new Haxelib([repo]);
        var pinned = h.Find("tool", "0.9.0");
        Assert.Equal(old, pinned.ClassPath);
        Assert.Equal("0.9.0", pinned.Version); // no haxelib.json: the version of the folder
        var dev = t.Write("work/tool/haxelib.json", """{ "name": "tool", "version": "2.0.0-dev", "classPath": "" }""");
        File.WriteAllText(Path.Combine(repo, "tool", ".dev"), Path.GetDirectoryName(dev));
        var d = h.Find("tool", null);
        Assert.Equal(Path.GetDirectoryName(dev), d.ClassPath);
        Assert.Equal("2.0.0-dev", d.Version);
        Assert.Contains("version 3.0.0 is not installed", Assert.Throws<UsageException>(() => h.Find("tool", "3.0.0")).Message);
    }

    [Fact]
    public void DependenciesAreResolvedDepthFirstOnceEach()
    {
        using var t = new TempDir();
        Install(t, "repo", "app", "1.0.0", """{ "name": "app", "version": "1.0.0", "dependencies": { "mid": "", "base": "2.0.0" } }""");
        Install(t, "repo", "mid", "1.0.0", """{ "name": "mid", "version": "1.0.0", "dependencies": { "base": "" } }""");
        Install(t, "repo", "base", "2.0.0", """{ "name": "base", "version": "2.0.0" }""");
        Install(t, "repo", "other", "0.1.0", """{ "name": "other", "version": "0.1.0", "dependencies": { "app": "" } }""");
        var libs = new Haxelib([Path.Combine(t.Path, "repo")]).Resolve(["app", "other"]);
        Assert.Equal(["app", "mid", "base", "other"], libs.Select(l => l.Name));
    }

    [Fact]
    public void ExtraParamsAreReadAsArgumentsAndMayNameMoreLibraries()
    {
        using var t = new TempDir();
        var root = Install(t, "repo", "withparams", "1.0.0", """{ "name": "withparams", "version": "1.0.0" }""");
        File.WriteAllText(Path.Combine(root, "extraParams.hxml"), "# extra\n-D from_extra=yes\n-lib helper\n--macro keep('x')\n");
        Install(t, "repo", "helper", "3.1.0", """{ "name": "helper", "version": "3.1.0", "classPath": "lib" }""");
        var o = OptionParser.Parse(["-m", "Main", "-L", "withparams"], "build", t.Path, new Haxelib([Path.Combine(t.Path, "repo")]));
        Assert.Equal(["withparams", "helper"], o.ResolvedLibraries.Select(l => l.Name));
        Assert.Contains("from_extra=yes", o.Defines);
        Assert.Contains("helper=3.1.0", o.Defines);
        Assert.Single(o.Warnings); // the --macro
    }

    [Fact]
    public void RepositoriesLocalFirstThenHaxelibPathThenTheHomeConfiguration()
    {
        using var t = new TempDir();
        var local = t.Dir("project/.haxelib");
        var nested = t.Dir("project/src/deep");
        var env = t.Dir("env-repo");
        var configured = t.Dir("configured-repo");
        var home = t.Write("home/.haxelib", configured + "\n");
        var repos = Haxelib.FindRepositories(nested, env, Path.GetDirectoryName(home));
        Assert.Equal([local, env, configured], repos.Take(3));
        Assert.DoesNotContain(local, Haxelib.FindRepositories(nested, env, Path.GetDirectoryName(home), globalOnly: true));
        // a ~/.haxelib folder is used as the repository itself
        var homeDir = t.Dir("home2");
        var repoInHome = t.Dir("home2/.haxelib");
        Assert.Contains(repoInHome, Haxelib.FindRepositories(t.Path, null, homeDir));
    }

    [Fact]
    public void TheFirstRepositoryHoldingTheLibraryWinsAndMissingLibrariesAreNamed()
    {
        using var t = new TempDir();
        Install(t, "local", "shared", "1.0.0");
        Install(t, "global", "shared", "9.0.0");
        Install(t, "global", "onlyglobal", "1.0.0");
        var h = new Haxelib([Path.Combine(t.Path, "local"), Path.Combine(t.Path, "global")]);
        Assert.Equal("1.0.0", h.Find("shared", null).Version);
        Assert.Equal("1.0.0", h.Find("OnlyGlobal", null).Version);
        var e = Assert.Throws<UsageException>(() => h.Find("absent", null));
        Assert.Contains("Library absent is not installed", e.Message);
        Assert.Contains(Path.Combine(t.Path, "global"), e.Message);
    }

    [Fact]
    public void TwoVersionsOfOneLibraryAskedForAtTopLevelConflict()
    {
        using var t = new TempDir();
        Install(t, "repo", "lib", "1.0.0");
        Install(t, "repo", "lib", "2.0.0");
        var h = new Haxelib([Path.Combine(t.Path, "repo")]);
        Assert.Contains("two versions", Assert.Throws<UsageException>(() => h.Resolve(["lib:1.0.0", "lib:2.0.0"])).Message);
    }
}
