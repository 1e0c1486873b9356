using Rayzor.Frontend.Parsing;
using Rayzor.Frontend.Syntax;
using static Rayzor.Frontend.Tests.Parsing.SyntaxTestUtil;

namespace Rayzor.Frontend.Tests.Parsing;

public class DeclarationTests
{
    [Fact]
    public void PackageImportsAndUsings()
    {
        var m = Module("""
            package a.b.macro;
            import haxe.ds.StringMap;
            import haxe.macro.Expr;
            import haxe.ds.*;
            import Math.sqrt;
            import Lambda.map as lmap;
            import haxe.io.Bytes in B;
            using StringTools;
            using haxe.macro.Tools;
            class C {}
            import late.Import;
            """);
        Assert.Equal(["a", "b", "macro"], m.Package);
        Assert.Equal(["haxe.ds.StringMap", "haxe.macro.Expr", "haxe.ds", "Math.sqrt", "Lambda.map", "haxe.io.Bytes", "late.Import"],
            m.Imports.Select(i => string.Join('.', i.Path)));
        Assert.True(m.Imports[2].Wildcard);
        Assert.Equal([null, null, null, null, "lmap", "B", null], m.Imports.Select(i => i.Alias));
        Assert.Equal(["StringTools", "haxe.macro.Tools"], m.Usings.Select(u => string.Join('.', u.Path)));
        Assert.Equal("C", Assert.Single(m.Types).Name);
    }

    [Fact]
    public void ClassHeader()
    {
        var m = Module("""
            /** Doc of C. */
            @:keep @:native("NC") private final class C<T:Iterable<Int>, U = String> extends p.Base<T> implements I1 implements I2 {}
            extern class E {}
            abstract class A {}
            interface I extends J extends K {}
            interface L extends J, K {}
            """);
        var c = Assert.IsType<ClassDecl>(m.Types[0]);
        Assert.Equal(" Doc of C. ", c.Doc);
        Assert.Equal([":keep", ":native"], c.Meta.Select(x => x.Name));
        Assert.Equal("\"NC\"", SyntaxPrinter.Print(c.Meta[1].Args[0]));
        Assert.Equal(Modifiers.Private | Modifiers.Final, c.Modifiers);
        Assert.Equal(["T", "U"], c.Params.Select(p => p.Name));
        Assert.Equal("Iterable<Int>", SyntaxPrinter.Print(Assert.Single(c.Params[0].Constraints)));
        Assert.Equal("String", SyntaxPrinter.Print(c.Params[1].Default));
        Assert.Equal(["p.Base<T>"], c.Extends.Select(SyntaxPrinter.Print));
        Assert.Equal(["I1", "I2"], c.Implements.Select(SyntaxPrinter.Print));
        Assert.False(c.IsInterface);
        Assert.Equal("C", c.Name);
        Assert.Equal("C", "/** Doc of C. */\n@:keep @:native(\"NC\") private final class C"[c.NameSpan.Start..c.NameSpan.End]);
        Assert.Equal(Modifiers.Extern, m.Types[1].Modifiers);
        Assert.Equal(Modifiers.Abstract, m.Types[2].Modifiers);
        var i = Assert.IsType<ClassDecl>(m.Types[3]);
        Assert.True(i.IsInterface);
        Assert.Equal(["J", "K"], i.Extends.Select(SyntaxPrinter.Print));
        Assert.Equal(["J", "K"], ((ClassDecl)m.Types[4]).Extends.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void ClassFields()
    {
        var m = Module("""
            class C {
                /** the x */
                public static var x:Int = 1;
                var y;
                @:isVar public var p(get, set):Float;
                var q(default, null) = 3;
                var r(never, dynamic):String;
                final f:String = "s";
                public static inline final K = 10;
                public function new() {}
                override public function toString():String return "C";
                static function g<T>(a:T, ?b:Int = 2, ...rest:String):Array<T> { return [a]; }
                @:overload(function(x:Int):Void {}) extern function h(x:String):Void;
                dynamic function d() {}
                macro static function m(e:haxe.macro.Expr) return e;
                final inline function fi() {}
                abstract function abs():Void;
                overload function o() {}
            }
            """);
        var f = ((ClassDecl)m.Types[0]).Fields;
        Assert.Equal(["x", "y", "p", "q", "r", "f", "K", "new", "toString", "g", "h", "d", "m", "fi", "abs", "o"], f.Select(x => x.Name));
        Assert.Equal(" the x ", f[0].Doc);
        Assert.Equal(Modifiers.Public | Modifiers.Static, f[0].Modifiers);
        var x = Assert.IsType<VarField>(f[0].Kind);
        Assert.Equal(("Int", "1"), (SyntaxPrinter.Print(x.Type), SyntaxPrinter.Print(x.Init)));
        Assert.Null(((VarField)f[1].Kind).Type);
        var p = Assert.IsType<PropertyField>(f[2].Kind);
        Assert.Equal(("get", "set", "Float"), (p.Get, p.Set, SyntaxPrinter.Print(p.Type)));
        Assert.Equal(":isVar", f[2].Meta[0].Name);
        Assert.Equal(("default", "null", "3"), (((PropertyField)f[3].Kind).Get, ((PropertyField)f[3].Kind).Set, SyntaxPrinter.Print(((PropertyField)f[3].Kind).Init)));
        Assert.Equal(("never", "dynamic"), (((PropertyField)f[4].Kind).Get, ((PropertyField)f[4].Kind).Set));
        Assert.True(((VarField)f[5].Kind).IsFinal);
        Assert.Equal(Modifiers.Final, f[5].Modifiers);
        Assert.Equal(Modifiers.Public | Modifiers.Static | Modifiers.Inline | Modifiers.Final, f[6].Modifiers);
        Assert.Equal("(block)", SyntaxPrinter.Print(((MethodField)f[7].Kind).Function.Body));
        Assert.Equal(Modifiers.Override | Modifiers.Public, f[8].Modifiers);
        Assert.Equal("(return \"C\")", SyntaxPrinter.Print(((MethodField)f[8].Kind).Function.Body));
        var g = ((MethodField)f[9].Kind).Function;
        Assert.Equal(["T"], g.Params.Select(t => t.Name));
        Assert.Equal(["a", "b", "rest"], g.Args.Select(a => a.Name));
        Assert.True(g.Args[1].Optional);
        Assert.Equal("2", SyntaxPrinter.Print(g.Args[1].Default));
        Assert.True(g.Args[2].IsRest);
        Assert.Equal("Array<T>", SyntaxPrinter.Print(g.Return));
        Assert.Null(((MethodField)f[10].Kind).Function.Body);
        Assert.Equal(Modifiers.Extern, f[10].Modifiers);
        Assert.Equal("(function (x:Int):Void (block))", SyntaxPrinter.Print(f[10].Meta[0].Args[0]));
        Assert.Equal(Modifiers.Dynamic, f[11].Modifiers);
        Assert.Equal(Modifiers.Macro | Modifiers.Static, f[12].Modifiers);
        Assert.Equal(Modifiers.Final | Modifiers.Inline, f[13].Modifiers);
        Assert.Equal(Modifiers.Abstract, f[14].Modifiers);
        Assert.Equal(Modifiers.Overload, f[15].Modifiers);
    }

    [Fact]
    public void FieldSpansStartAtModifiers()
    {
        const string src = "class C {\n  @:m public var x:Int = 1;\n}";
        var f = ((ClassDecl)Module(src).Types[0]).Fields[0];
        Assert.Equal("public var x:Int = 1;", src[f.Span.Start..f.Span.End]);
        Assert.Equal("x", src[f.NameSpan.Start..f.NameSpan.End]);
    }

    [Fact]
    public void Enums()
    {
        var m = Module("""
            enum Color { Red; Green; /** custom */ @:m Rgb(r:Int, g:Int, ?b:Int); }
            enum Tree<T> { Leaf; Node<U>(l:Tree<T>, r:Tree<U>); }
            private enum E { A; }
            """);
        var e = Assert.IsType<EnumDecl>(m.Types[0]);
        Assert.Equal(["Red", "Green", "Rgb"], e.Constructors.Select(c => c.Name));
        Assert.Null(e.Constructors[0].Args);
        var rgb = e.Constructors[2];
        Assert.Equal(["r", "g", "b"], rgb.Args!.Select(a => a.Name));
        Assert.True(rgb.Args![2].Optional);
        Assert.Equal(" custom ", rgb.Doc);
        Assert.Equal(":m", rgb.Meta[0].Name);
        var t = Assert.IsType<EnumDecl>(m.Types[1]);
        Assert.Equal(["T"], t.Params.Select(p => p.Name));
        Assert.Equal(["U"], t.Constructors[1].Params.Select(p => p.Name));
        Assert.Equal(Modifiers.Private, m.Types[2].Modifiers);
    }

    [Fact]
    public void Abstracts()
    {
        var m = Module("""
            abstract Meters(Float) from Float to Float {
                public inline function new(v:Float) this = v;
                @:op(A + B) static function add(a:Meters, b:Meters):Meters;
                @:from static function fromInt(i:Int):Meters return new Meters(i);
                @:arrayAccess function get(i:Int):Float return this;
            }
            enum abstract Kind(Int) to Int { var A = 1; var B; final C = 3; }
            @:enum abstract Old(String) { var X = "x"; }
            abstract Int8 to Int {}
            abstract Pair<A, B>(Array<Dynamic>) from Array<Dynamic> to Array<Dynamic> from Map<A, B> {}
            """);
        var a = Assert.IsType<AbstractDecl>(m.Types[0]);
        Assert.False(a.IsEnum);
        Assert.Equal("Float", SyntaxPrinter.Print(a.Underlying));
        Assert.Equal(["Float"], a.From.Select(SyntaxPrinter.Print));
        Assert.Equal(["Float"], a.To.Select(SyntaxPrinter.Print));
        Assert.Equal(["new", "add", "fromInt", "get"], a.Fields.Select(f => f.Name));
        Assert.Equal("(+ A B)", SyntaxPrinter.Print(a.Fields[1].Meta[0].Args[0]));
        Assert.Equal("(= this v)", SyntaxPrinter.Print(((MethodField)a.Fields[0].Kind).Function.Body));
        var k = Assert.IsType<AbstractDecl>(m.Types[1]);
        Assert.True(k.IsEnum);
        Assert.Equal(["A", "B", "C"], k.Fields.Select(f => f.Name));
        Assert.Null(((VarField)k.Fields[1].Kind).Init);
        Assert.False(((AbstractDecl)m.Types[2]).IsEnum);
        Assert.Equal(":enum", m.Types[2].Meta[0].Name);
        var core = Assert.IsType<AbstractDecl>(m.Types[3]);
        Assert.Null(core.Underlying);
        Assert.Equal(["Int"], core.To.Select(SyntaxPrinter.Print));
        var pair = Assert.IsType<AbstractDecl>(m.Types[4]);
        Assert.Equal(["Array<Dynamic>", "Map<A,B>"], pair.From.Select(SyntaxPrinter.Print));
    }

    [Fact]
    public void Typedefs()
    {
        var m = Module("""
            typedef Point = { x:Int, y:Int };
            typedef P3 = { > Point, z:Int }
            typedef Both<T> = A<T> & { extra:T };
            typedef Fn = Int -> String -> Void
            typedef Cls = { var a:Int; @:optional var b:String; function f(x:Int):Void; }
            """);
        Assert.Equal(["Point", "P3", "Both", "Fn", "Cls"], m.Types.Select(t => t.Name));
        Assert.Equal("{x:Int, y:Int}", SyntaxPrinter.Print(((TypedefDecl)m.Types[0]).Type));
        Assert.Equal("{>Point, z:Int}", SyntaxPrinter.Print(((TypedefDecl)m.Types[1]).Type));
        Assert.Equal("A<T> & {extra:T}", SyntaxPrinter.Print(((TypedefDecl)m.Types[2]).Type));
        Assert.Equal("fn(Int,String):Void", SyntaxPrinter.Print(((TypedefDecl)m.Types[3]).Type));
        var cls = Assert.IsType<AnonTypeHint>(((TypedefDecl)m.Types[4]).Type);
        Assert.Equal(["a", "b", "f"], cls.Fields.Select(f => f.Name));
        Assert.Equal(":optional", cls.Fields[1].Meta[0].Name);
        Assert.IsType<MethodField>(cls.Fields[2].Kind);
    }

    [Fact]
    public void ModuleLevelFields()
    {
        var m = Module("""
            function main() trace("hi");
            /** Doubles. */
            private inline function helper(x:Int):Int { return x * 2; }
            var counter = 0;
            final LIMIT:Int = 10;
            var prop(get, never):Int;
            class Other {}
            """);
        Assert.Equal(["main", "helper", "counter", "LIMIT", "prop"], m.ModuleFields.Select(f => f.Name));
        Assert.Equal(Modifiers.Private | Modifiers.Inline, m.ModuleFields[1].Modifiers);
        Assert.Equal(" Doubles. ", m.ModuleFields[1].Doc);
        Assert.Null(m.ModuleFields[0].Doc);
        Assert.True(((VarField)m.ModuleFields[3].Kind).IsFinal);
        Assert.IsType<PropertyField>(m.ModuleFields[4].Kind);
        Assert.Equal("Other", Assert.Single(m.Types).Name);
    }

    [Fact]
    public void TypeParameterForms()
    {
        var m = Module("""
            class C<@:const N, T:(Iterable<Int>, Measurable), U:A & B, V:{function f():Void;} = Dynamic> {
                function f<K:haxe.Constraints.IMap<String, Int>>() {}
            }
            """);
        var c = (ClassDecl)m.Types[0];
        Assert.Equal(":const", c.Params[0].Meta[0].Name);
        Assert.Equal(["Iterable<Int>", "Measurable"], c.Params[1].Constraints.Select(SyntaxPrinter.Print));
        Assert.Equal(["A & B"], c.Params[2].Constraints.Select(SyntaxPrinter.Print));
        Assert.Equal("Dynamic", SyntaxPrinter.Print(c.Params[3].Default));
        Assert.Equal("haxe.Constraints.IMap<String,Int>", SyntaxPrinter.Print(((MethodField)c.Fields[0].Kind).Function.Params[0].Constraints[0]));
    }

    [Fact]
    public void MetadataEverywhere()
    {
        var m = Module("""
            @:build(Macro.build()) @author("me") class C {
                @:keep @:native("n") var x:Int;
                function f(@:optional a:Int) {
                    var @:meta v = 1;
                    return @:privateAccess Other.secret;
                }
            }
            """);
        var c = (ClassDecl)m.Types[0];
        Assert.Equal([":build", "author"], c.Meta.Select(x => x.Name));
        Assert.Equal("(call (. Macro build))", SyntaxPrinter.Print(c.Meta[0].Args[0]));
        Assert.Equal([":keep", ":native"], c.Fields[0].Meta.Select(x => x.Name));
        var fn = ((MethodField)c.Fields[1].Kind).Function;
        Assert.Equal(":optional", fn.Args[0].Meta[0].Name);
        Assert.Equal("(block (var (@:meta v 1)) (return (@:privateAccess (. Other secret))))", SyntaxPrinter.Print(fn.Body));
    }

    [Fact]
    public void MetaArgumentsNeedAnAdjacentParenthesis()
    {
        Assert.Equal("(@:m (paren x))", Expr("@:m (x)"));
        Assert.Equal("(@:m(x) y)", Expr("@:m(x) y"));
    }
}
