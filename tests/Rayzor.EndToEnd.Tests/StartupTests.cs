namespace Rayzor.EndToEnd.Tests;

/// A program that calls no runtime export never starts the NativeAOT runtime: `main` calls
/// `rz_start` only when some runtime export is called, before it runs the Haxe code
/// (`rz_run_main(__rz_start)`; docs/abi.md "Program start").
public class StartupTests
{
    private static async Task<string> LlvmIr(string name, string source)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"rayzor-startup-{name}-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "Main.hx"), source);
            var ll = Path.Combine(dir, "Main.ll");
            var build = await Repo.Build(Path.Combine(dir, "Main.hx"), ll, "--emit", "llvm-ir");
            Assert.True(build.ExitCode == 0, $"build failed:\n{build.StandardError}");
            return File.ReadAllText(ll);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task PrintingLiteralsNeedsNoRuntime()
    {
        var ir = await LlvmIr("literals", "class Main { static function main() { Sys.println(\"Hello\"); Sys.print(\"x\"); } }");
        Assert.DoesNotContain("@rz_start", ir);
        Assert.DoesNotContain("call void @rz_println", ir);
        Assert.Contains("c\"Hello\\0A\"", ir); // the UTF-8 bytes with println's newline
        // still on the guarded stack (Native/faults.c), without the runtime and without Boehm
        Assert.Contains("call void @rz_run_main(ptr nonnull @__rz_start, i32 0)", ir);
    }

    [Fact]
    public async Task AllocatingStartsTheCollector()
    {
        // no runtime call, but an object on the Haxe heap: the thread is registered with Boehm
        var ir = await LlvmIr("alloc", "class P { public var x:Int; public function new(x) this.x = x; } class Main { static var keep:P; static function main() { keep = new P(3); if (keep.x == 3) Sys.println(\"ok\"); } }");
        Assert.Contains("call void @rz_run_main(ptr nonnull @__rz_start, i32 1)", ir);
    }

    [Fact]
    public async Task CallingTheRuntimeStartsItFirst()
    {
        var ir = await LlvmIr("concat", "class Main { static function main() { var n = Sys.args().length; Sys.println(\"n=\" + n); } }");
        var main = ir[ir.IndexOf("@main(", StringComparison.Ordinal)..];
        var start = main.IndexOf("call void @rz_start()", StringComparison.Ordinal);
        Assert.True(start > 0, "main does not call rz_start");
        // the Haxe code (and with it the first runtime call) runs in __rz_start, on rz_run_main's thread
        var run = main.IndexOf("call void @rz_run_main(ptr nonnull @__rz_start, i32 1)", StringComparison.Ordinal);
        Assert.True(run > 0, "main does not run __rz_start through rz_run_main");
        Assert.True(start < run, "rz_start is not called before the program runs");
        Assert.DoesNotContain("@rz_sys_args", main[..main.IndexOf("\n}", StringComparison.Ordinal)]);
    }
}
