using System.Runtime.Versioning;
using TaskItem = Microsoft.Build.Utilities.TaskItem;

namespace Rayzor.Sdk.Tests;

/// The RayzorCompile task run directly (no MSBuild), against the checkout's compiler.
public sealed class RayzorCompileTests : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose() => _folders.ForEach(TestEnv.TryDelete);

    private string NewFolder(string name)
    {
        var dir = TestEnv.NewFolder(name);
        _folders.Add(dir);
        return dir;
    }

    private const string Program = """
        class Main {
        	static function main() {
        		Sys.println("task ok");
        	}
        }
        """;

    private (RayzorCompile Task, FakeBuildEngine Engine, string Dir) NewTask(string name, string source, string? home = null)
    {
        var dir = NewFolder("task-" + name);
        Directory.CreateDirectory(Path.Combine(dir, "src"));
        File.WriteAllText(Path.Combine(dir, "src", "Main.hx"), source);
        var engine = new FakeBuildEngine();
        var task = new RayzorCompile
        {
            BuildEngine = engine,
            RayzorHome = home ?? TestEnv.Root,
            MainClass = "Main",
            ClassPaths = [new TaskItem(Path.Combine(dir, "src"))],
            OutputFile = Path.Combine(dir, "bin", "app"),
            OptimizationLevel = "0",
        };
        Directory.CreateDirectory(Path.Combine(dir, "bin"));
        return (task, engine, dir);
    }

    [Theory]
    [InlineData("linux-x64", "x86_64-linux-gnu")]
    [InlineData("linux-arm64", "aarch64-linux-gnu")]
    [InlineData("win-x64", null)]
    [InlineData("linux-musl-x64", null)]
    public void RuntimeIdentifierToTriple(string rid, string? triple) => Assert.Equal(triple, RayzorCompile.TripleFor(rid));

    [Fact]
    public async Task CompilesForTheHostWithDefinesAndClassPaths()
    {
        var (task, engine, dir) = NewTask("host", """
            import util.Twice;

            class Main {
            	static function main() {
            		#if task_flag
            		Sys.println("flag " + Twice.of(21));
            		#end
            	}
            }
            """);
        var lib = Path.Combine(dir, "lib");
        Directory.CreateDirectory(Path.Combine(lib, "util"));
        File.WriteAllText(Path.Combine(lib, "util", "Twice.hx"), "package util;\nclass Twice {\n\tpublic static function of(n:Int):Int return n * 2;\n}\n");
        task.ClassPaths = [.. task.ClassPaths, new TaskItem(lib)];
        task.Defines = ["task_flag", " "];
        task.RuntimeIdentifier = "linux-x64";
        Assert.True(task.Execute(), engine.ToString());
        Assert.Equal("x86_64-linux-gnu", task.ResolvedTargetTriple);
        Assert.Equal(TestEnv.ElfX86_64, TestEnv.ElfMachine(task.OutputFile));
        var run = await TestEnv.Run(task.OutputFile, [], dir);
        Assert.Equal("flag 42\n", run.StandardOutput);
    }

    [Fact]
    public async Task CompilesForArm64()
    {
        var (task, engine, dir) = NewTask("arm64", Program);
        task.RuntimeIdentifier = "linux-arm64";
        Assert.True(task.Execute(), engine.ToString());
        Assert.Equal("aarch64-linux-gnu", task.ResolvedTargetTriple);
        Assert.Equal(TestEnv.ElfAArch64, TestEnv.ElfMachine(task.OutputFile));
        if (TestEnv.Qemu() is { } qemu)
            Assert.Equal("task ok\n", (await TestEnv.RunArm64(qemu, task.OutputFile, dir)).StandardOutput);
    }

    [Fact]
    public void TypeErrorIsLoggedWithFileAndPosition()
    {
        var (task, engine, dir) = NewTask("typeerror", """
            class Main {
            	static function main() {
            		var n:Int = "text";
            	}
            }
            """);
        Assert.False(task.Execute());
        var e = Assert.Single(engine.Errors);
        Assert.Equal(Path.Combine(dir, "src", "Main.hx"), e.File);
        Assert.Equal((3, 3), (e.LineNumber, e.ColumnNumber));
        Assert.Equal(3, e.EndLineNumber);
        Assert.StartsWith("RZ", e.Code);
        Assert.Contains("String should be Int", e.Message);
        Assert.False(File.Exists(task.OutputFile));
    }

    [Fact]
    public void UnsupportedRuntimeIdentifierIsAnError()
    {
        var (task, engine, _) = NewTask("rid", Program);
        task.RuntimeIdentifier = "win-x64";
        Assert.False(task.Execute());
        Assert.Equal("RZ9001", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void MissingCompilerIsAnError()
    {
        var (task, engine, dir) = NewTask("nohome", Program, home: Path.Combine(TestEnv.Scratch, "no-such-home"));
        Assert.False(task.Execute());
        var e = Assert.Single(engine.Errors);
        Assert.Equal("RZ9003", e.Code);
        Assert.Contains("no-such-home", e.Message);
    }

    /// NuGet may extract the compiler without its executable bit; the task sets it.
    [Fact]
    [SupportedOSPlatform("linux")]
    public void CompilerWithoutExecutableBitIsMadeExecutable()
    {
        var home = NewFolder("home-noexec");
        Directory.CreateDirectory(Path.Combine(home, "artifacts", "rayzor"));
        Directory.CreateSymbolicLink(Path.Combine(home, "artifacts", "runtime"), Path.Combine(TestEnv.Root, "artifacts", "runtime"));
        Directory.CreateSymbolicLink(Path.Combine(home, "Rayzor.Runtime"), Path.Combine(TestEnv.Root, "Rayzor.Runtime"));
        var compiler = RayzorCompile.CompilerPath(home);
        File.Copy(TestEnv.Compiler, compiler);
        File.SetUnixFileMode(compiler, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var (task, engine, _) = NewTask("noexec", Program, home);
        Assert.True(task.Execute(), engine.ToString());
        Assert.True(File.Exists(task.OutputFile));
        Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(compiler) & UnixFileMode.UserExecute);
    }
}
