using System.Text;

namespace Rayzor.EndToEnd.Tests;

/// `rayzor run --tier auto` with the thresholds forced to 1 (`RAYZOR_TIER_THRESHOLD`): every
/// function the program calls (or that loops) is compiled by the background compiler while the
/// program runs, so calls go from interpreted to compiled code mid-run and back (thunks), and
/// exceptions cross the tiers both ways. Each program must print what its executable prints, and
/// `--stats` must report that no function failed to compile.
public class TieredTests
{
    private const string Threshold = "RAYZOR_TIER_THRESHOLD", Sync = "RAYZOR_TIER_SYNC", Threads = "RAYZOR_TIER_THREADS", Hot = "RAYZOR_TIER_HOT";

    public static TheoryData<string> ConformancePrograms() => RunChecks.Listed("conformance/passing.txt");

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgram(string name) => Conformance(name, null);

    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgramUnderGcStress(string name) => Conformance(name, "1");

    /// <summary>
    /// The interpreter waiting for each compile (`RAYZOR_TIER_SYNC`): every loop entry asked for is
    /// taken at once, so frames move into compiled code at their first back-edge (an inner loop's
    /// header as often as not), whatever the machine's load.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgramSynchronous(string name) => Conformance(name, null, sync: true);

    /// <summary>
    /// Three compiler threads (`RAYZOR_TIER_THREADS`), each with its own JIT: requests and work
    /// ahead compile at once, loop entries are added to the module while other threads emit, and
    /// code lands from any thread.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgramOnThreeCompilerThreads(string name) => Conformance(name, null, threads: 3);

    /// <summary>
    /// Every compiled function compiled again at O3 at its compiled code's first call
    /// (`RAYZOR_TIER_HOT=1`), in a JIT of its own, each compile waited for (`RAYZOR_TIER_SYNC`):
    /// the calls after the first run the O3 code.
    /// </summary>
    [Theory]
    [MemberData(nameof(ConformancePrograms))]
    public Task ConformanceProgramCompiledAgainAtO3(string name) => Conformance(name, null, sync: true, hot: 1);

    private static async Task Conformance(string name, string? gcStress, bool sync = false, int threads = 1, int hot = 0)
    {
        var dir = Path.Combine(RunChecks.ConformanceDir, name);
        var env = new Dictionary<string, string?> { [Threshold] = "1", ["RAYZOR_GC_STRESS"] = gcStress, [Sync] = sync ? "1" : null, [Threads] = threads.ToString(), [Hot] = hot.ToString() };
        var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "auto", "--stats", "Main.hx"], dir, env: env);
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardError}");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "expected.txt")), run.StandardOutput);
        Assert.Contains(" 0 not compilable", run.StandardError);
        Assert.DoesNotContain("(O3):", run.StandardError);
    }

    public static TheoryData<string> E2EPrograms() => RunChecks.AllE2E("e2e/jit-skip.txt");

    [Theory]
    [MemberData(nameof(E2EPrograms))]
    public Task E2EProgram(string name) => RunChecks.E2E(name, ["--tier", "auto"], (Threshold, "1"));

    /// <summary>
    /// An e2e program run with both thresholds 1 and each compile waited for (with `--stats`):
    /// it must end well, print its verified output and enter every loop it asks for.
    /// </summary>
    private static async Task<CliWrap.Buffered.BufferedCommandResult> RunWaitingForCompiles(string program)
    {
        var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "auto", "--stats", "-m", program, program + ".hx"], RunChecks.E2EDir,
            env: new Dictionary<string, string?> { [Threshold] = "1", [Sync] = "1" });
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Equal(File.ReadAllText(Path.Combine(RunChecks.E2EDir, "verified", program + ".stdout")), run.StandardOutput);
        Assert.DoesNotContain("not enterable", run.StandardError);
        return run;
    }

    /// <summary>
    /// tests/e2e/programs/TierInnerLoops.hx with each compile waited for: its functions are entered
    /// once and spend their time in inner loops, so each frame moves into compiled code at an inner
    /// loop's header — with values the outer loop redefines, loop-carried Int, Float, Bool, object,
    /// Null&lt;Int&gt; and String values, an array whose length changes between inner loops, and
    /// exceptions (a throw, a null access) raised inside the loop and caught by the caller.
    /// </summary>
    [Fact]
    public async Task InnerLoopEntries()
    {
        var run = await RunWaitingForCompiles("TierInnerLoops");
        Assert.Contains(" 0 not compilable", run.StandardError);
        // nested, throwing (twice: the second call is compiled whole), nullAccess
        Assert.Matches(@", [3-9] frames entered at a loop", run.StandardError);
        Assert.Contains("TierInnerLoops.nested.$osr", run.StandardError);
    }

    /// <summary>
    /// tests/e2e/programs/TierLoopExits.hx with each compile waited for: frames enter compiled
    /// loops that give them back to the interpreter after the loop (a loop's entry) with values of
    /// every kind live there, left by `break`, by `return` and at the loop's end, a second loop in
    /// the same frame, a `do while` (its back-edge a conditional branch), and an object escape
    /// analysis kept in the frame, made on the heap instead.
    /// </summary>
    [Fact]
    public async Task LoopEntriesGoBackToTheInterpreter()
    {
        var run = await RunWaitingForCompiles("TierLoopExits");
        // kinds (two loops), breaks, returns, nested, rotated; each a loop's entry
        Assert.Matches(@"([0-9]+) loop entries \(\1 of the loop alone\)", run.StandardError);
        Assert.Matches(@", [6-9] frames entered at a loop", run.StandardError);
    }

    /// <summary>
    /// tests/e2e/programs/TierRuntimeThrows.hx with .NET's collector running every millisecond
    /// (`RAYZOR_TIER_GC_STRESS`): exceptions the runtime raises under compiled code (a field of a
    /// Dynamic null, a call of a non-function, a failed cast, a method of a null String) are caught
    /// by compiled code, which then calls deeper than the runtime's frames were. A longjmp out of
    /// the runtime left the thread's transition frame in the dead frames, and the collector's walk
    /// of the stack crashed (four runs of four before the fix).
    /// </summary>
    [Fact]
    public async Task RuntimeThrowsUnderCompiledCodeWhileCollecting()
    {
        for (var round = 0; round < 2; round++)
        {
            var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "auto", "--stats", "-m", "TierRuntimeThrows", "TierRuntimeThrows.hx"], RunChecks.E2EDir,
                env: new Dictionary<string, string?> { [Threshold] = "1", ["RAYZOR_TIER_GC_STRESS"] = "1" });
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}:\n{run.StandardError}");
            Assert.Equal(File.ReadAllText(Path.Combine(RunChecks.E2EDir, "verified", "TierRuntimeThrows.stdout")), run.StandardOutput);
            Assert.Contains(" 0 not compilable", run.StandardError);
        }
    }

    /// <summary>
    /// Many functions tier up while the program keeps calling them (a low threshold, so compiles
    /// finish at arbitrary points of the run), directly and through closures, with exceptions
    /// thrown in compiled and in interpreted code and caught in the other tier. Rayzor has no
    /// sys.thread, so the concurrency is the compiler threads' against the program's (one, or
    /// three compiling at once).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ManyFunctionsTierUpWhileCalled(int threads)
    {
        const int n = 150, rounds = 40, m = 1000003;
        var src = new StringBuilder("class Main {\n");
        for (var k = 0; k < n; k++)
            src.Append($$"""
                  static function f{{k}}(x:Int):Int {
                    var s = {{k}};
                    for (i in 0...x) s = (s * 31 + i * {{k}}) % {{m}};
                    if (x % 17 == {{k % 17}}) throw "e{{k}}";
                    return s;
                  }

                """);
        src.Append("  static function viaClosure(g:Int->Int, x:Int):Int return g(x) + 1;\n");
        src.Append($"  static function main() {{\n    var fs:Array<Int->Int> = [{string.Join(", ", Enumerable.Range(0, n).Select(k => $"f{k}"))}];\n");
        src.Append($"    var total = 0, caught = 0;\n    for (r in 0...{rounds}) {{\n");
        for (var k = 0; k < n; k++)
            src.Append($"      try total = (total + f{k}(r + {k % 5})) % {m} catch (e:String) caught++;\n");
        src.Append($"      for (k in 0...{n}) try total = (total + viaClosure(fs[k], r)) % {m} catch (e:String) caught += 2;\n");
        src.Append("    }\n    Sys.println(total + \" \" + caught);\n  }\n}\n");

        long F(int k, int x)
        {
            long s = k;
            for (var i = 0; i < x; i++) s = (s * 31 + i * k) % m;
            return x % 17 == k % 17 ? -1 : s;
        }
        long total = 0, caught = 0;
        for (var r = 0; r < rounds; r++)
        {
            for (var k = 0; k < n; k++)
                if (F(k, r + k % 5) is var v and >= 0) total = (total + v) % m;
                else caught++;
            for (var k = 0; k < n; k++)
                if (F(k, r) is var v and >= 0) total = (total + v + 1) % m;
                else caught += 2;
        }

        var run = await RunProgram(src.ToString(), $"{total} {caught}\n", (Threshold, "3"), (Threads, threads.ToString()));
        if (threads > 1)
            Assert.True(System.Text.RegularExpressions.Regex.Matches(run.StandardError, @"\[thread ([0-9])\]").Select(m => m.Groups[1].Value).Distinct().Count() > 1,
                "batches compiled on one thread only:\n" + run.StandardError);
        Assert.Contains(" 0 not compilable", run.StandardError);
        Assert.Matches(@"tier auto: (1[5-9][0-9]|[2-9][0-9][0-9]) functions and [0-9]+ loop entries \([0-9]+ of the loop alone\) compiled", run.StandardError);
    }

    /// <summary>
    /// Functions whose compiled code is called often are compiled again at O3 while the program
    /// runs (`RAYZOR_TIER_HOT`: after 1000 calls here), in a JIT of their own, and installed (here
    /// the closure's function: the loop's entry has `step` and the `apply` methods inlined, behind
    /// inline caches). The program's result must not change.
    /// </summary>
    [Fact]
    public async Task HotFunctionsAreCompiledAgainAtO3()
    {
        const string src = """
            interface Op { function apply(x:Int):Int; }
            class Add implements Op { public function new() {} public function apply(x:Int):Int return (x + 3) % 1000003; }
            class Mul implements Op { public function new() {} public function apply(x:Int):Int return (x * 5) % 1000003; }
            class Main {
              static function step(x:Int, ops:Array<Op>, f:Int->Int):Int {
                for (o in ops) x = o.apply(x);
                return f(x);
              }
              static function main() {
                var ops:Array<Op> = [new Add(), new Mul()];
                var f = function(x:Int) return (x * 7 + 1) % 1000003;
                var x = 1;
                for (i in 0...20000000) x = step(x, ops, f);
                Sys.println(x);
              }
            }
            """;
        long x = 1;
        for (var i = 0; i < 20000000; i++) x = (((x + 3) % 1000003 * 5 % 1000003) * 7 + 1) % 1000003;
        var run = await RunProgram(src, $"{x}\n", (Threshold, "100"), (Hot, "1000"));
        Assert.Matches(@"batches, [1-9][0-9]* compiled again at O3", run.StandardError);
        Assert.Matches(@"O3: Main.main.\$lambda1", run.StandardError);
        Assert.DoesNotContain("(O3):", run.StandardError);
    }

    /// <summary>
    /// LLVM starts with the run, loaded while the front end works, not when something gets warm:
    /// a program that never calls anything twice has it started too (`--stats` waits for the
    /// compiler thread's work before it reports).
    /// </summary>
    [Fact]
    public async Task LlvmStartsWithTheRun()
    {
        var run = await RunProgram("class Main { static function main() Sys.println(\"hi\"); }", "hi\n");
        Assert.Matches(@"\(LLVM started\)", run.StandardError);
        Assert.Contains(" 0 functions and 0 loop entries", run.StandardError);
    }

    /// <summary>
    /// A program with a type error: the front end reports it and the run ends with exit code 1,
    /// while the compiler thread may be inside libLLVM's load (exit handlers, LLVM's static
    /// destructors, ran beside its constructors: glibc aborted, "corrupted double-linked list",
    /// in two runs of three). Five runs.
    /// </summary>
    [Fact]
    public async Task FrontEndErrorsEndTheRunCleanly()
    {
        var dir = Directory.CreateTempSubdirectory("rayzor-tier-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Main.hx"), "class Main {\n  static function main() {\n    var x:Int = \"no\";\n  }\n}\n");
            for (var i = 0; i < 5; i++)
            {
                var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "auto", "Main.hx"], dir);
                Assert.Equal(1, run.ExitCode);
                Assert.Equal("Main.hx:3: characters 5-22 : String should be Int\n", run.StandardError);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>
    /// A program that waits before anything gets hot: the idle compiler thread, LLVM started,
    /// warms the whole path up with a loop of its own, and the function compiled afterwards runs
    /// as it should.
    /// </summary>
    [Fact]
    public async Task IdleCompilerWarmsUp()
    {
        var run = await RunProgram(SummingProgram("for (i in 0...400) s = (s + f(i)) % 100000; Sys.sleep(0.3); for (i in 0...5000) s = (s + f(i)) % 100000;"), $"{Sum(400, 5000)}\n");
        Assert.Matches(@"\(LLVM started\)(.|\n)*\(warmed up\)(.|\n)*: Main\.f", run.StandardError);
    }

    /// <summary>
    /// A program in phases (main calls one function after another, each with a loop, one making
    /// closures): once the first is compiled, the compiler thread, with nothing queued, compiles
    /// the next phases and the closures' functions before the program gets to them.
    /// </summary>
    [Fact]
    public async Task LaterPhasesAreCompiledAhead()
    {
        const string src = """
            class Main {
              static function first(n:Int):Int {
                var s = 0;
                for (i in 0...n) s = (s * 31 + i) % 1000003;
                return s;
              }
              static function second(n:Int):Int {
                var s = 1;
                for (i in 0...n) s = (s * 17 + i) % 999983;
                return s;
              }
              static function third(fs:Array<Int->Int>, n:Int):Int {
                var s = 0;
                for (i in 0...n) s = fs[i % fs.length](s) % 1000;
                return s;
              }
              static function main() {
                var k = first(3000000);
                Sys.sleep(0.2);
                var fs:Array<Int->Int> = [function(x) return x + k % 7, function(x) return x * 3 + 1];
                Sys.println(k + " " + second(1000) + " " + third(fs, 1000));
              }
            }
            """;
        long k = Fold(0, 31, 1000003, 3000000), s2 = Fold(1, 17, 999983, 1000), s3 = 0;
        for (var i = 0; i < 1000; i++) s3 = (i % 2 == 0 ? s3 + k % 7 : s3 * 3 + 1) % 1000;
        var run = await RunProgram(src, $"{k} {s2} {s3}\n");
        Assert.Matches(@"ahead: [^\n]*Main\.second", run.StandardError);
        Assert.Matches(@"ahead: [^\n]*Main\.third", run.StandardError);
        Assert.Matches(@"ahead: [^\n]*Main\.main\.\$lambda", run.StandardError);
    }

    /// <summary>
    /// A loop compiled while it calls one implementation of an interface method: the method's
    /// other implementations are compiled ahead first, before the functions the program calls
    /// next (four phases with loops, a batch's worth): compiled code will call them.
    /// </summary>
    [Fact]
    public async Task ImplementationsCalledFromCompiledCodeAreCompiledFirst()
    {
        const string src = """
            interface Op { function apply(x:Int):Int; }
            class Add implements Op { public function new() {} public function apply(x:Int):Int return (x + 7) % 1000003; }
            class Mul implements Op { public function new() {} public function apply(x:Int):Int return (x * 3) % 1000003; }
            class Main {
              static function run(ops:Array<Op>, n:Int):Int {
                var s = 1;
                for (i in 0...n) s = ops[i % ops.length].apply(s);
                return s;
              }
              static function p1(n:Int):Int { var s = 0; for (i in 0...n) s = (s * 31 + i) % 1000003; return s; }
              static function p2(n:Int):Int { var s = 0; for (i in 0...n) s = (s * 17 + i) % 1000003; return s; }
              static function p3(n:Int):Int { var s = 0; for (i in 0...n) s = (s * 13 + i) % 1000003; return s; }
              static function p4(n:Int):Int { var s = 0; for (i in 0...n) s = (s * 11 + i) % 1000003; return s; }
              static function main() {
                var adds:Array<Op> = [new Add(), new Add()];
                var muls:Array<Op> = [new Mul()];
                var a = run(adds, 10000000);
                Sys.sleep(0.3);
                Sys.println(a + " " + run(muls, 1000) + " " + p1(1000) + " " + p2(1000) + " " + p3(1000) + " " + p4(1000));
              }
            }
            """;
        long Run(Func<long, long> op, int n)
        {
            long s = 1;
            for (var i = 0; i < n; i++) s = op(s);
            return s;
        }
        long P(long c) => Fold(0, c, 1000003, 1000);
        var expected = $"{Run(x => (x + 7) % 1000003, 10000000)} {Run(x => x * 3 % 1000003, 1000)} {P(31)} {P(17)} {P(13)} {P(11)}\n";
        var run = await RunProgram(src, expected);
        Assert.Matches(@"^[^\n]*ahead: [^\n]*Mul\.apply", run.StandardError.Split('\n').First(l => l.Contains("ahead: ")));
    }

    /// <summary>
    /// After a batch lands (the entry of `main`'s first loop, entered by its frame), the program
    /// goes on with it and soon asks for its next function: the compiler thread waits a moment
    /// for that before it compiles anything ahead (here with a wide window, so the order is
    /// certain; with none, `RAYZOR_TIER_AHEAD_GRACE=0`, the next loop of `main` is compiled ahead
    /// at once and the request for `f` waits for it).
    /// </summary>
    [Fact]
    public async Task RequestsAfterALandingGoBeforeWorkAhead()
    {
        const string src = """
            class Main {
              static function f(n:Int):Int { var s = 0; for (i in 0...n) s = (s * 7 + i) % 10007; return s; }
              static function main() {
                var s = 0;
                for (i in 0...10000000) s = (s * 31 + i) % 1000003;
                var t = 0;
                for (k in 0...20000) t = (t + f(100)) % 10007;
                Sys.println(s + " " + t);
              }
            }
            """;
        long s = Fold(0, 31, 1000003, 10000000), t = 0;
        for (var k = 0; k < 20000; k++) t = (t + Fold(0, 7, 10007, 100)) % 10007;
        var run = await RunProgram(src, $"{s} {t}\n", ("RAYZOR_TIER_AHEAD_GRACE", "3000"));
        var lines = run.StandardError.Split('\n').Where(l => l.Contains(" ms: ")).ToList();
        var f = lines.FindIndex(l => l.Contains(": Main.f "));
        Assert.True(f >= 0, run.StandardError);
        Assert.DoesNotContain(lines.Take(f), l => l.Contains("ahead: "));
    }

    /// <summary>
    /// A frame that leaves a compiled loop (a loop's entry) and goes on to a nest of loops: the
    /// next loop's entry is compiled ahead at its outermost header, and the frame, counting
    /// back-edges in the inner loop, goes on to that header and enters it there.
    /// </summary>
    [Fact]
    public async Task NextLoopOfTheFrameIsCompiledAhead()
    {
        const string src = """
            class Main {
              static function main() {
                var s = 0;
                for (i in 0...30000000) s = (s * 31 + i) % 1000003;
                var t = 0;
                for (o in 0...4000)
                  for (i in 0...2000) t = (t * 17 + i + o) % 999983;
                Sys.println(s + " " + t);
              }
            }
            """;
        long s = Fold(0, 31, 1000003, 30000000), t = 0;
        for (var o = 0; o < 4000; o++)
            for (var i = 0; i < 2000; i++) t = (t * 17 + i + o) % 999983;
        var run = await RunProgram(src, $"{s} {t}\n");
        Assert.Matches(@"ahead: Main\.main\.\$osr", run.StandardError);
        // (not a third, at the inner loop's header where the frame counted its back-edges)
        Assert.Matches(@" 2 loop entries", run.StandardError);
        Assert.Matches(@", 2 frames entered at a loop", run.StandardError);
    }

    /// <summary>
    /// A function queued for its calls whose loop runs out of back-edges before it is compiled:
    /// they were counted over many short calls, which the compiled function will run, so no loop
    /// entry is compiled for it (thresholds 100: `f` is hot at its 100th call, its 3-iteration
    /// loop runs out some 34 calls later, long before a compile can land; before, `Main.f.$osr3`
    /// was compiled first and delayed `Main.f` by ~17 ms).
    /// </summary>
    [Fact]
    public async Task ShortLoopsOfAQueuedFunctionAskForNoEntry()
    {
        const string src = """
            class Main {
              static function f(n:Int, h:Int):Int {
                if (n < 0) return f(n + 1, h); // (recursive: not inlined)
                for (i in 0...n) h = (h * 31 + i) % 1000003;
                return h;
              }
              static function main() {
                var h = 0;
                for (i in 0...3000000) h = f(i < 100 ? 0 : 3, h);
                Sys.println(h);
              }
            }
            """;
        long h = 0;
        for (var i = 100; i < 3000000; i++) h = Fold(h, 31, 1000003, 3);
        var run = await RunProgram(src, $"{h}\n", (Threshold, "100"));
        Assert.Matches(@"ms: (ahead: )?Main\.f[ ,]", run.StandardError);
        Assert.DoesNotContain("Main.f.$osr", run.StandardError);
    }

    /// <summary>
    /// A loop whose time goes to a compiled callee: each call from the interpreter into compiled
    /// code counts as many back-edges, so the loop asks for its entry long before 50000 of its own
    /// back-edges (10000 iterations here; each compile waited for, so the count is exact).
    /// </summary>
    [Fact]
    public async Task LoopsCallingCompiledCodeGetHotSooner()
    {
        var run = await RunProgram(SummingProgram("for (i in 0...10000) s = (s + f(i)) % 100000;"), $"{Sum(10000)}\n", (Sync, "1"));
        Assert.Matches(@", 1 frames entered at a loop", run.StandardError);
    }

    /// <summary>What the test programs' `for (i in 0...n) s = (s * c + i) % m` leaves in `s`, from <paramref name="s"/>.</summary>
    private static long Fold(long s, long c, long m, int n)
    {
        for (var i = 0; i < n; i++) s = (s * c + i) % m;
        return s;
    }

    /// <summary>A program whose `main` runs <paramref name="body"/>, summing into `s` the results of `f`, a function not inlined.</summary>
    private static string SummingProgram(string body) => $$"""
        class Main {
          // (recursive: not inlined)
          static function f(x:Int):Int return x < 0 ? f(x + 1) : (x * 7 + 3) % 1000;
          static function main() {
            var s = 0;
            {{body}}
            Sys.println(s);
          }
        }
        """;

    /// <summary>What <see cref="SummingProgram"/> prints after loops over `f(0 .. n-1)` for each of <paramref name="loops"/>.</summary>
    private static long Sum(params int[] loops)
    {
        var s = 0L;
        foreach (var n in loops)
            for (var i = 0; i < n; i++) s = (s + (i * 7 + 3) % 1000) % 100000;
        return s;
    }

    /// <summary>
    /// Runs <paramref name="src"/> (as Main.hx in a folder of its own) with `--tier auto --stats`:
    /// it must end well and print <paramref name="expected"/>.
    /// </summary>
    private static async Task<CliWrap.Buffered.BufferedCommandResult> RunProgram(string src, string expected, params (string Name, string Value)[] env)
    {
        var dir = Directory.CreateTempSubdirectory("rayzor-tier-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Main.hx"), src);
            // (one compiler thread unless asked: these programs check what it compiles first)
            var vars = env.ToDictionary(e => e.Name, e => (string?)e.Value);
            vars.TryAdd(Threads, "1");
            vars.TryAdd(Hot, "0");
            var run = await Repo.Run(Repo.Compiler, ["run", "--tier", "auto", "--stats", "Main.hx"], dir, env: vars);
            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Equal(expected, run.StandardOutput);
            return run;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}