using Rayzor.Frontend.Conditional;
using Rayzor.Frontend.Syntax;
using static Rayzor.Frontend.Tests.Parsing.SyntaxTestUtil;

namespace Rayzor.Frontend.Tests.Conditional;

public class ConditionalTests
{
    private static Defines With(params string[] defines)
    {
        var d = Defines.CreateDefault();
        foreach (var x in defines) d.DefineArgument(x);
        return d;
    }

    [Theory]
    [InlineData("#if sys 1 #else 2 #end", "1")]
    [InlineData("#if js 1 #else 2 #end", "2")]
    [InlineData("#if !js 1 #else 2 #end", "1")]
    [InlineData("#if js 1 #elseif rayzor 2 #else 3 #end", "2")]
    [InlineData("#if js 1 #elseif cpp 2 #else 3 #end", "3")]
    [InlineData("#if (sys && !js) 1 #else 2 #end", "1")]
    [InlineData("#if (js || rayzor) 1 #else 2 #end", "1")]
    [InlineData("#if (js || (cpp && sys)) 1 #else 2 #end", "2")]
    [InlineData("#if !(js || cpp) 1 #else 2 #end", "1")]
    [InlineData("#if target.sys 1 #else 2 #end", "1")]
    [InlineData("#if (target.name == \"rayzor\") 1 #else 2 #end", "1")]
    [InlineData("#if (target.name != \"js\") 1 #else 2 #end", "1")]
    [InlineData("#if (haxe_ver >= 4.2) 1 #else 2 #end", "1")]
    [InlineData("#if (haxe_ver < 4) 1 #else 2 #end", "2")]
    [InlineData("#if (haxe_ver > \"4.1\") 1 #else 2 #end", "1")]
    [InlineData("#if (haxe >= version(\"4.2.0\")) 1 #else 2 #end", "1")]
    [InlineData("#if (haxe < version(\"4.3.0-rc.1\")) 1 #else 2 #end", "1")]
    [InlineData("#if (undefined_thing == null) 1 #else 2 #end", "2")]
    [InlineData("#if (undefined_thing != \"x\") 1 #else 2 #end", "1")]
    [InlineData("#if true 1 #else 2 #end", "1")]
    [InlineData("#if macro 1 #else 2 #end", "2")]
    [InlineData("#if (js) 1 #elseif (sys) 2 #elseif (rayzor) 3 #end", "2")]
    [InlineData("#if sys #if js 1 #else 2 #end #else 3 #end", "2")]
    [InlineData("#if js #if sys 1 #else 2 #end #else 3 #end", "3")]
    [InlineData("#if js #if sys 1 #elseif rayzor 4 #else 2 #end #elseif sys 5 #else 3 #end", "5")]
    [InlineData("#if (haxe_ver >= 4.2 && (target.static || flash)) 1 #else 2 #end", "1")]
    public void Conditions(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Fact]
    public void CustomDefines()
    {
        Assert.Equal("1", Expr("#if foo 1 #else 2 #end", With("foo")));
        Assert.Equal("1", Expr("#if (level > 2) 1 #else 2 #end", With("level=3")));
        Assert.Equal("2", Expr("#if (level > 2) 1 #else 2 #end", With("level=1")));
        // `-D no-traces` is spelled `no_traces` in conditions, as in Haxe
        Assert.Equal("1", Expr("#if no_traces 1 #else 2 #end", With("no-traces")));
        Assert.Equal("1", Expr("#if (mode == \"fast\") 1 #else 2 #end", With("mode=fast")));
        var d = Defines.CreateDefault();
        Assert.True(d.Undefine("sys"));
        Assert.Equal("2", Expr("#if sys 1 #else 2 #end", d));
    }

    [Fact]
    public void DefaultDefines()
    {
        var d = Defines.CreateDefault();
        foreach (var name in new[] { "sys", "rayzor", "target.sys", "target.static", "target.utf16", "haxe4", "true" })
            Assert.True(d.IsDefined(name), name);
        Assert.True(d.TryGetValue("target.name", out var t) && t == "rayzor");
        Assert.True(d.TryGetValue("haxe_ver", out var v) && v == "4.205");
        Assert.True(d.TryGetValue("haxe", out var h) && h == "4.2.5");
    }

    [Fact]
    public void ConditionalsInsideExpressions()
    {
        Assert.Equal("(call f a c)", Expr("f(a, #if js b, #end c)"));
        Assert.Equal("(call f a b)", Expr("f(a #if sys , b #end)"));
        Assert.Equal("(+ 1 3)", Expr("1 + #if js 2 #else 3 #end"));
        Assert.Equal("(array 1 3)", Expr("[1, #if js 2, #end 3]"));
        Assert.Equal("(object (a 1))", Expr("{a: 1 #if js , b: 2 #end}"));
        Assert.Equal("(call (. x sysMethod))", Expr("x.#if js jsMethod #else sysMethod #end()"));
        Assert.Equal("(block (var (x 1)) (call g))", Body("var x = #if js 0 #else 1 #end; #if !sys f(); #end g();"));
    }

    [Fact]
    public void ConditionalsBetweenDeclarationsAndInsideThem()
    {
        var m = Module("""
            #if js
            import js.Browser;
            #else
            import sys.io.File;
            #end
            /** Doc survives the directive. */
            #if sys @:keep #end
            class A #if sys extends Base #end {
                #if js
                var jsOnly:Int;
                #elseif sys
                var sysOnly:Int;
                #end
                function f(#if sys a:Int #else b:String #end) {}
                @:meta(#if sys 1 #else 2 #end) var g:Int;
            }
            #if (!sys)
            class NotCompiled { this is not even valid Haxe ) ( }
            #end
            """);
        Assert.Equal("sys.io.File", string.Join('.', Assert.Single(m.Imports).Path));
        var a = Assert.IsType<ClassDecl>(Assert.Single(m.Types));
        Assert.Equal(" Doc survives the directive. ", a.Doc);
        Assert.Equal(":keep", Assert.Single(a.Meta).Name);
        Assert.Single(a.Extends);
        Assert.Equal(["sysOnly", "f", "g"], a.Fields.Select(f => f.Name));
        Assert.Equal("a", ((MethodField)a.Fields[1].Kind).Function.Args[0].Name);
        Assert.Equal("1", Rayzor.Frontend.Parsing.SyntaxPrinter.Print(a.Fields[2].Meta[0].Args[0]));
    }

    [Fact]
    public void ErrorDirective()
    {
        Assert.Equal(["Main.hx:1: characters 16-22 : boom"], Diags("#if sys #error \"boom\" #end"));
        Assert.Empty(Diags("#if js #error \"boom\" #end"));
        Assert.Equal(["Main.hx:1: characters 1-7 : Not implemented for current platform"], Diags("#error\nclass A {}"));
    }

    [Fact]
    public void DirectiveErrors()
    {
        Assert.Equal(["Main.hx:1: characters 1-4 : Unclosed conditional compilation block"], Diags("#if sys\nclass A {}\n"));
        Assert.Equal(["Main.hx:2: characters 1-4 : Unclosed conditional compilation block"], Diags("class A {}\n#if js\nclass B {}\n"));
        Assert.Equal(["Main.hx:1: characters 12-16 : Invalid #end"], Diags("class A {} #end"));
        Assert.Equal(["Main.hx:1: characters 12-17 : Invalid #else"], Diags("class A {} #else"));
        Assert.Equal(["Main.hx:1: characters 26-31 : Invalid #else"], Diags("#if sys class A {} #else #else #end"));
        Assert.Equal(["Main.hx:1: characters 1-5 : Unknown token"], Diags("#foo class A {}"));
        Assert.Equal(["Main.hx:1: characters 8-9 : Unexpected b"], Diags("#if (a b) class A {} #end"));
        Assert.Equal(["Main.hx:1: characters 5-34 : Invalid version string \"4.205\". Should follow SemVer."],
            Diags("#if (haxe_ver > version(\"4.2.0\")) #end"));
        Assert.Equal(["Main.hx:1: characters 5-29 : Cannot compare float 4.2 and version 4.2.0"],
            Diags("#if (4.2 < version(\"4.2.0\")) #end"));
        // found by the fuzzer: an empty #error message gave an empty diagnostic
        Assert.Equal(["Main.hx:1: characters 1-7 : Not implemented for current platform"], Diags("#error \"\" class A {}"));
    }

    [Fact]
    public void LineDirectiveIsAccepted()
    {
        Assert.Empty(Diags("#line 42\nclass A {}"));
    }

    [Fact]
    public void DeadCodeIsStillLexed()
    {
        // as in Haxe, inactive branches are tokenized, so an unterminated string there is still an error
        Assert.Equal(["Main.hx:1: character 8 : Unterminated string"], Diags("#if js \"abc #end"));
    }
}
