using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Diagnostics;
using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Syntax;
using Rayzor.Frontend.Text;
using static Rayzor.Frontend.Tests.Parsing.SyntaxTestUtil;

namespace Rayzor.Frontend.Tests.Parsing;

// Expected messages and positions are those of the reference compiler (haxe 4.2.5), where it reports them.
public class ErrorTests
{
    private static string InMain(string statements) => "class Main {\n static function main() {\n  " + statements + "\n }\n}\n";

    [Theory]
    [InlineData("var x = 1\n  trace(x);", "Main.hx:4: characters 3-8 : Missing ;")]
    [InlineData("var x = (1 + );", "Main.hx:3: characters 16-17 : Expected expression")]
    [InlineData("f(1 2);", "Main.hx:3: characters 7-8 : Expected , or )")]
    [InlineData("var x = ;", "Main.hx:3: characters 11-12 : Expected expression")]
    [InlineData(") ;", "Main.hx:3: characters 3-4 : Expected }")]
    [InlineData("var a = [1, 2;", "Main.hx:3: characters 16-17 : Expected , or ]")]
    [InlineData("if (x y;", "Main.hx:3: characters 9-10 : Expected )")]
    [InlineData("x = a.;", "Main.hx:3: characters 9-10 : Unexpected ;")]
    [InlineData("x = 1 +", "Main.hx:4: characters 2-3 : Expected expression")]
    [InlineData("var x = { 1 };", "Main.hx:3: characters 15-16 : Missing ;")]
    [InlineData("switch (x) { default: 1; default: 2; }", "Main.hx:3: characters 16-23 : Duplicate default")]
    [InlineData("x = y z;", "Main.hx:3: characters 9-10 : Missing ;")]
    [InlineData("new Foo;", "Main.hx:3: characters 10-11 : Expected (")]
    [InlineData("x = cast(a b);", "Main.hx:3: characters 14-15 : Unexpected b")]
    [InlineData("x = (a b);", "Main.hx:3: characters 10-11 : Expected ) or , or :")]
    [InlineData("var class = 1;", "Main.hx:3: characters 3-6 : Missing variable identifier")]
    [InlineData("for (x y) {}", "Main.hx:3: characters 10-11 : Expected )")]
    [InlineData("try {} catch (e:) {}", "Main.hx:3: characters 19-20 : Unexpected )")]
    [InlineData("x = a ? b;", "Main.hx:3: characters 12-13 : Expected :")]
    [InlineData("do x++;", "Main.hx:3: characters 9-10 : Expected while")]
    [InlineData("x = \"abc;", "Main.hx:3: character 7 : Unterminated string")]
    [InlineData("trace(\"\\q\");", "Main.hx:3: character 10 : Invalid escape sequence \\q")]
    [InlineData("var r = ~/abc/q;", "Main.hx:3: character 17 : Invalid regular expression option")]
    public void StatementErrorsMatchHaxe(string statements, string diagnostic) =>
        Assert.Equal([diagnostic], Diags(InMain(statements)));

    [Theory]
    [InlineData("class Main {\n  junk\n static function main() {}\n}\n", "Main.hx:2: characters 3-7 : Expected }")]
    [InlineData("junk class Main {\n}\n", "Main.hx:1: characters 1-5 : Unexpected junk")]
    [InlineData("class Main {\n var x:Int\n}\n", "Main.hx:3: characters 1-2 : Missing ;")]
    [InlineData("class Main {\n function f(a b) {}\n}\n", "Main.hx:2: characters 15-16 : Unexpected b")]
    [InlineData("typedef T = {a:Int b:Int};\n", "Main.hx:1: characters 20-21 : Expected , or }")]
    [InlineData("class Main extends {\n}\n", "Main.hx:1: characters 20-21 : Unexpected {")]
    [InlineData("class main {\n}\n", "Main.hx:1: characters 7-11 : Type name should start with an uppercase letter")]
    [InlineData("class Main {\n var x:foo;\n}\n", "Main.hx:2: characters 8-11 : Type name should start with an uppercase letter")]
    [InlineData("import ;\n", "Main.hx:1: characters 8-9 : Expected identifier")]
    [InlineData("import a.b\nclass Main {}\n", "Main.hx:2: characters 1-6 : Expected . or ; or as")]
    [InlineData("enum E { A B; }\n", "Main.hx:1: characters 12-13 : Missing ;")]
    [InlineData("class Main {\n var g:(a:Int) -> Int -> Void;\n}\n", "Main.hx:2: characters 23-25 : Missing ;")]
    [InlineData("class Main {}\n;\n", "Main.hx:2: characters 1-2 : Unexpected ;")]
    [InlineData("class Main {\n /* abc \n}\n", "Main.hx:2: character 2 : Unclosed comment")]
    [InlineData("class Main {\n static function main() {\n  trace(1);\n }\n", "Main.hx:5: character 1 : Expected }")]
    public void DeclarationErrorsMatchHaxe(string source, string diagnostic) => Assert.Equal([diagnostic], Diags(source));

    [Fact]
    public void AllIndependentErrorsOfAFileAreReported()
    {
        const string src = """
            class Main {
            	static function main() {
            		var x = 1
            		trace(x);
            		foo(1 2);
            		var ok = 3;
            		var y = [1, 2;
            		bar();
            	}

            	function broken(a b) {
            		return a;
            	}

            	var field:Int

            	function good() {
            		var z = (1 + );
            		while (true) { break; }
            	}
            	junk
            	function after() {}
            }

            class Second {
            	function f() {
            		x = a.;
            		y = 1 +;
            	}
            }

            typedef T = {a:Int b:Int};

            enum E { A B; C; }
            """;
        var (module, diags) = ParseModule(src);
        Assert.Equal([
            "Main.hx:4: characters 3-8 : Missing ;",
            "Main.hx:5: characters 9-10 : Expected , or )",
            "Main.hx:7: characters 16-17 : Expected , or ]",
            "Main.hx:11: characters 20-21 : Unexpected b",
            "Main.hx:17: characters 2-10 : Missing ;",
            "Main.hx:18: characters 16-17 : Expected expression",
            "Main.hx:21: characters 2-6 : Expected }",
            "Main.hx:27: characters 9-10 : Unexpected ;",
            "Main.hx:28: characters 10-11 : Expected expression",
            "Main.hx:32: characters 20-21 : Expected , or }",
            "Main.hx:34: characters 12-13 : Missing ;",
        ], diags);
        // the declarations are all still there, with error nodes where the errors were
        Assert.Equal(["Main", "Second", "T", "E"], module.Types.Select(t => t.Name));
        var main = (ClassDecl)module.Types[0];
        Assert.Equal(["main", "broken", "field", "good", "after"], main.Fields.Select(f => f.Name));
        Assert.Equal(["A", "B", "C"], ((EnumDecl)module.Types[3]).Constructors.Select(c => c.Name));
        var body = SyntaxPrinter.Print(((MethodField)main.Fields[0].Kind).Function.Body);
        Assert.Contains("(var (ok 3))", body);
        Assert.Contains("(call bar)", body);
    }

    [Fact]
    public void ErrorNodesReplaceBrokenExpressions()
    {
        var (e, diags) = ParseExpr("f(1 + , 2)");
        Assert.Single(diags);
        Assert.Equal("(call f (+ 1 <error>) 2)", SyntaxPrinter.Print(e));
    }

    [Fact]
    public void TooDeepNestingIsADiagnosticNotACrash()
    {
        var src = InMain("var x = " + new string('(', 5000) + "1" + new string(')', 5000) + ";");
        var diags = Diags(src);
        Assert.Single(diags);
        Assert.EndsWith(": Expression nested too deeply", diags[0]);
        foreach (var open in new[] { "[", "{", "-", "!", "f(", "a = ", "x -> ", "cast " })
        {
            var d = Diags(InMain("var y = " + string.Concat(Enumerable.Repeat(open, 4000)) + "1;"));
            Assert.Contains(d, m => m.EndsWith(": Expression nested too deeply"));
        }
        var types = Diags("class C { var x:" + string.Concat(Enumerable.Repeat("Array<", 3000)) + "Int" + new string('>', 3000) + "; }");
        Assert.Single(types);
        Assert.EndsWith(": Expression nested too deeply", types[0]);
    }

    [Fact]
    public void DeepNestingOnASmallStackFallsBackToALargeOne()
    {
        // 1900 levels exceed a 256 KB thread stack; the parser notices and re-parses on a large stack.
        List<string>? diags = null;
        var t = new Thread(() => diags = Diags(InMain("var x = " + new string('(', 1900) + "1" + new string(')', 1900) + ";")), 256 * 1024);
        t.Start();
        t.Join();
        Assert.Empty(diags!);
    }

    [Fact]
    public void GarbageNeverThrows()
    {
        var rng = new Random(42);
        const string alphabet = "(){}[];,.:?<>=+-*/%&|^!~@#$'\"\\ \nabcXYZ019_ class function var if else switch case default macro cast new #if #end #else ${ */ /* ~/ -> => ...";
        var pieces = alphabet.Split(' ');
        for (var i = 0; i < 2000; i++)
        {
            var n = rng.Next(1, 60);
            var src = string.Concat(Enumerable.Range(0, n).Select(_ => rng.Next(3) == 0 ? pieces[rng.Next(pieces.Length)] + " " : alphabet[rng.Next(alphabet.Length)].ToString()));
            var sources = new SourceManager();
            var file = sources.AddText("G.hx", src);
            var bag = new DiagnosticBag();
            Parser.ParseModule(file, Defines.CreateDefault(), bag);
            foreach (var d in bag.Items) Assert.NotNull(DiagnosticFormatter.Classic(d, sources));
        }
    }
}
