using Rayzor.Frontend.Syntax;
using static Rayzor.Frontend.Tests.Parsing.SyntaxTestUtil;

namespace Rayzor.Frontend.Tests.Parsing;

public class TypeHintTests
{
    [Theory]
    [InlineData("Int", "Int")]
    [InlineData("haxe.ds.StringMap<Int>", "haxe.ds.StringMap<Int>")]
    [InlineData("haxe.macro.Expr.ExprDef", "haxe.macro.Expr.ExprDef")]
    [InlineData("Array<Array<Int>>", "Array<Array<Int>>")]
    [InlineData("Map<String, Array<Array<Int>>>", "Map<String,Array<Array<Int>>>")]
    [InlineData("Null<Int>", "Null<Int>")]
    [InlineData("Int -> Void", "fn(Int):Void")]
    [InlineData("Int -> String -> Bool", "fn(Int,String):Bool")]
    [InlineData("(Int -> Int) -> Int", "fn((fn(Int):Int)):Int")]
    [InlineData("?Int -> Void", "fn(?Int):Void")]
    [InlineData("() -> Void", "fn():Void")]
    [InlineData("(Int) -> Void", "fn((Int)):Void")]
    [InlineData("(a:Int, ?b:String) -> Bool", "fn(a:Int,?b:String):Bool")]
    [InlineData("(Int, String) -> Bool", "fn(Int,String):Bool")]
    [InlineData("(a:Int) -> ((b:Int) -> Int)", "fn(a:Int):(fn(b:Int):Int)")]
    [InlineData("{}", "{}")]
    [InlineData("{ a:Int, ?b:String, }", "{a:Int, ?b:String}")]
    [InlineData("{ var a:Int; final b:Int; var ?c:Int; }", "{a:Int, b:Int, ?c:Int}")]
    [InlineData("{ > A, > B, c:Int }", "{>A, >B, c:Int}")]
    [InlineData("{ > A, }", "{>A, }")]
    [InlineData("{ > A, var c:Int; }", "{>A, c:Int}")]
    [InlineData("A & B & { c:Int }", "A & B & {c:Int}")]
    [InlineData("(Int)", "(Int)")]
    [InlineData("Vector<3>", "Vector<#3>")]
    [InlineData("Const<\"s\", -1, [1, 2]>", "Const<#\"s\",#-1,#(array 1 2)>")]
    [InlineData("haxe.extern.EitherType<Int, String>", "haxe.extern.EitherType<Int,String>")]
    [InlineData("{ a:{ b:Array<{ c:Int }> } }", "{a:{b:Array<{c:Int}>}}")]
    public void Types(string type, string printed) => Assert.Equal(printed, Type(type));

    [Fact]
    public void TypeCloseSplitsCompoundTokens()
    {
        // `>=` after type parameters: the `=` starts the default value
        var m = Module("class C { function f(?x:Null<Int>=5, y:Array<Int>=null) {} var z:Array<Int>= []; }");
        var f = ((MethodField)((ClassDecl)m.Types[0]).Fields[0].Kind).Function;
        Assert.Equal(["5", "null"], f.Args.Select(a => Rayzor.Frontend.Parsing.SyntaxPrinter.Print(a.Default)));
        Assert.Equal("(cast x Array<Array<Int>>)", Expr("cast(x, Array<Array<Int>>)"));
        Assert.Equal("(>>= a 1)", Expr("a>>=1"));
    }

    [Fact]
    public void FunctionTypeArgumentsCarryNamesAndOptionality()
    {
        var m = Module("class C { var f:(a:Int, ?b:String) -> Void; }");
        var t = Assert.IsType<FunctionTypeHint>(((VarField)((ClassDecl)m.Types[0]).Fields[0].Kind).Type);
        Assert.Equal([("a", false), ("b", true)], t.Args.Select(a => (a.Name, a.Optional)));
    }

    [Fact]
    public void RestTypes()
    {
        var m = Module("class C { var f:(...args:Int) -> Void; var g:...Int -> Void; }");
        var f = (FunctionTypeHint)((VarField)((ClassDecl)m.Types[0]).Fields[0].Kind).Type!;
        Assert.Equal(("args", "haxe.Rest<Int>"), (f.Args[0].Name, Rayzor.Frontend.Parsing.SyntaxPrinter.Print(f.Args[0].Type)));
    }
}
