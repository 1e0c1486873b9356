using CliWrap;
using CliWrap.Buffered;

namespace Rayzor.EndToEnd.Tests;

/// The Haxe-compatible driver end to end: .hxml builds, `rayzor run` arguments, haxelib
/// libraries and the diagnostics modes, with the published compiler.
public sealed class DriverTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rayzor-driver-{Guid.NewGuid():N}");

    public DriverTests()
    {
        Write("src/app/Main.hx", """
            package app;

            class Main {
                static function main() {
                    #if (greeting == "hi") Sys.println("Main: greeting hi"); #end
                    #if extra Sys.println("Main: extra"); #else Sys.println("Main: no extra"); #end
                }
            }
            """);
        Write("src/app/Other.hx", """
            package app;

            class Other {
                static function main() {
                    #if (greeting == "hi") Sys.println("Other: greeting hi"); #end
                    #if extra Sys.println("Other: extra"); #else Sys.println("Other: no extra"); #end
                }
            }
            """);
        // Haxe's own rules: comments, blank lines, `-flag value` lines, --each and --next
        Write("build.hxml", """
            # shared by both builds
            -p src
            -D greeting=hi
            --each

            -main app.Main
            --interp

            --next
            -m app.Other
            --define extra
            --interp
            """);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }

    private Task<BufferedCommandResult> Rayzor(params string[] args) => Repo.Run(Repo.Compiler, args, _dir);

    private const string BothBuilds = "Main: greeting hi\nMain: no extra\nOther: greeting hi\nOther: extra\n";

    [Fact]
    public async Task AnHxmlWithClassPathMainDefinesAndNextBuildsLikeHaxe()
    {
        var result = await Rayzor("build.hxml");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(BothBuilds, result.StandardOutput);
        Assert.Equal(result.StandardOutput, (await Rayzor("build", "build.hxml")).StandardOutput);
        if (await HaxeOutput("build.hxml") is { } haxe) Assert.Equal(haxe, result.StandardOutput);
    }

    /// A shell that reached the folder through a symbolic link names it so in `$PWD` (and in the
    /// paths it passes), while the process's working directory is the real one: positions are
    /// still relative to the working directory (conformance's run.sh, with ../shared a link).
    [Fact]
    public async Task PositionsAreRelativeUnderALinkedWorkingDirectory()
    {
        Write("real/Main.hx", "class Main {\n\tstatic function main() {\n\t\ttrace(\"hi\");\n\t}\n}");
        var link = Path.Combine(_dir, "link");
        Directory.CreateSymbolicLink(link, Path.Combine(_dir, "real"));
        foreach (var mode in new[] { "--interp", "--aot" })
        {
            var result = await Repo.Run(Repo.Compiler, ["run", mode, Path.Combine(link, "Main.hx")], link,
                env: new Dictionary<string, string?> { ["PWD"] = link, ["RAYZOR_CACHE_DIR"] = Path.Combine(_dir, "cache") });
            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal("Main.hx:3: hi\n", result.StandardOutput);
        }
    }

    /// What `haxe ARGS` prints in the test folder, or null when haxe is not installed.
    private async Task<string?> HaxeOutput(params string[] args)
    {
        try
        {
            var r = await Cli.Wrap("haxe").WithArguments(args).WithWorkingDirectory(_dir)
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();
            return r.ExitCode == 0 ? r.StandardOutput : throw new InvalidOperationException("haxe failed: " + r.StandardError);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [Fact]
    public async Task EachBuildWritesItsOwnExecutableAndCommandLineArgumentsGoToTheLastBuild()
    {
        Write("out.hxml", "-p src\n-D greeting=hi\n--each\n-m app.Main\n--hl bin/main.hl\n--next\n-m app.Other\n-cpp bin");
        var result = await Rayzor("out.hxml", "-D", "extra");
        Assert.True(result.ExitCode == 0, result.StandardError);
        var main = await Repo.Run(Path.Combine(_dir, "bin", "main"), [], _dir);
        var other = await Repo.Run(Path.Combine(_dir, "bin", "Other"), [], _dir);
        Assert.Equal(BothBuilds, main.StandardOutput + other.StandardOutput);
    }

    [Fact]
    public async Task RunPassesTheRemainingArgumentsToTheProgram()
    {
        Write("src/Args.hx", """class Args { static function main() { Sys.println(Sys.args().length + ": " + Sys.args().join("|")); } }""");
        Write("args.hxml", "-p src\n-m Args");
        var viaHxml = await Rayzor("run", "args.hxml", "a", "b c", "-v");
        Assert.True(viaHxml.ExitCode == 0, viaHxml.StandardError);
        Assert.Equal("3: a|b c|-v\n", viaHxml.StandardOutput);
        var viaFile = await Rayzor("run", "src/Args.hx");
        Assert.Equal("0: \n", viaFile.StandardOutput);
        var viaRunFlag = await Rayzor("-p", "src", "--run", "Args", "x", "--next");
        Assert.Equal("2: x|--next\n", viaRunFlag.StandardOutput);
    }

    [Fact]
    public async Task LibrariesComeFromALocalHaxelibRepository()
    {
        Write(".haxelib/greet/.current", "1.0.0");
        Write(".haxelib/greet/1,0,0/haxelib.json", """{ "name": "greet", "version": "1.0.0", "classPath": "src", "dependencies": { "punct": "" } }""");
        Write(".haxelib/greet/1,0,0/src/greet/Greeter.hx", """
            package greet;

            class Greeter {
                public static function greet(who:String):String return "hello " + who + punct.Mark.BANG;
            }
            """);
        Write(".haxelib/greet/1,0,0/extraParams.hxml", "-D greet_extra");
        Write(".haxelib/punct/.dev", Path.Combine(_dir, "punct-dev"));
        Write("punct-dev/punct/Mark.hx", """package punct; class Mark { public static inline var BANG = "!"; }""");
        Write("src/UsesLib.hx", """
            class UsesLib {
                static function main() {
                    Sys.println(greet.Greeter.greet("lib"));
                    #if (greet == "1.0.0" && greet_extra) Sys.println("greet 1.0.0 with its extra params"); #end
                }
            }
            """);
        var result = await Rayzor("run", "-L", "greet", "src/UsesLib.hx");
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("hello lib!\ngreet 1.0.0 with its extra params\n", result.StandardOutput);
        var missing = await Rayzor("build", "-lib", "absent", "src/UsesLib.hx");
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("rayzor: Library absent is not installed", missing.StandardError);
    }

    [Fact]
    public async Task DiagnosticsModes()
    {
        Write("bad/Bad.hx", "class Bad {\n\tstatic function main() {\n\t\tvar x:Int = \"text\";\n\t}\n}");
        var classic = await Rayzor("check", "bad/Bad.hx");
        Assert.Equal(1, classic.ExitCode);
        Assert.Equal("bad/Bad.hx:3: characters 3-22 : String should be Int\n", classic.StandardError);
        // not a terminal: no colour, no progress line
        var pretty = await Rayzor("check", "bad/Bad.hx", "--diagnostics", "pretty");
        Assert.Equal("""
            error[RZ0200]: String should be Int
             --> bad/Bad.hx:3:3
              |
            3 | 		var x:Int = "text";
              | 		^^^^^^^^^^^^^^^^^^^

            """, pretty.StandardError);
        var msbuild = await Rayzor("build", "bad/Bad.hx", "--diagnostics", "msbuild");
        Assert.Equal($"{Path.Combine(_dir, "bad", "Bad.hx")}(3,3,3,22): error RZ0200: String should be Int\n", msbuild.StandardError);
        var driver = await Rayzor("build", "nope.hx", "--diagnostics", "msbuild");
        Assert.Equal("rayzor : error RZ1000: file not found: nope.hx\n", driver.StandardError);
    }

    [Fact]
    public async Task TimesPrintsATableAndHelpDefinesListsTheDefines()
    {
        var times = await Rayzor("check", "-p", "src", "-m", "app.Main", "--times");
        Assert.Equal(0, times.ExitCode);
        Assert.Matches(@"(?m)^parse\+typing +\d+\.\d +\d+\.\d%$", times.StandardError);
        Assert.Matches(@"(?m)^total +\d+\.\d +100\.0%$", times.StandardError);
        var defines = await Rayzor("--help-defines");
        Assert.Contains("target.name=rayzor", defines.StandardOutput);
    }
}
