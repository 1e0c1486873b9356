using Rayzor.Frontend.Syntax;
using static Rayzor.Frontend.Tests.Parsing.SyntaxTestUtil;

namespace Rayzor.Frontend.Tests.Parsing;

public class ExpressionTests
{
    // Haxe's precedence (parser.ml): % tighter than * /, bitwise ops one level above comparisons,
    // `??` between bitwise and comparisons (4.3), `...` above &&, `=>` and assignments right-associative.
    [Theory]
    [InlineData("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [InlineData("1 * 2 + 3", "(+ (* 1 2) 3)")]
    [InlineData("a * b % c", "(* a (% b c))")]
    [InlineData("a % b * c", "(* (% a b) c)")]
    [InlineData("a * b / c % d", "(/ (* a b) (% c d))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a / b / c", "(/ (/ a b) c)")]
    [InlineData("a << b + c", "(<< a (+ b c))")]
    [InlineData("a >> b >>> c", "(>>> (>> a b) c)")]
    [InlineData("a | b & c ^ d", "(^ (& (| a b) c) d)")]
    [InlineData("a | b == c", "(== (| a b) c)")]
    [InlineData("a & b < c", "(< (& a b) c)")]
    [InlineData("a << b & c", "(& (<< a b) c)")]
    [InlineData("a == b != c", "(!= (== a b) c)")]
    [InlineData("a < b > c", "(> (< a b) c)")]
    [InlineData("a ?? b == c", "(== (?? a b) c)")]
    [InlineData("a | b ?? c", "(?? (| a b) c)")]
    [InlineData("a ?? b ?? c", "(?? (?? a b) c)")]
    [InlineData("a == b ... c", "(... (== a b) c)")]
    [InlineData("a...b+1", "(... a (+ b 1))")]
    [InlineData("a ... b && c", "(&& (... a b) c)")]
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a && b || c", "(|| (&& a b) c)")]
    [InlineData("a => b || c", "(=> a (|| b c))")]
    [InlineData("a => b => c", "(=> a (=> b c))")]
    [InlineData("a => b = c", "(=> a (= b c))")]
    [InlineData("a = b = c", "(= a (= b c))")]
    [InlineData("a += b -= c", "(+= a (-= b c))")]
    [InlineData("a = b || c", "(= a (|| b c))")]
    [InlineData("a || b = c", "(= (|| a b) c)")]
    [InlineData("a + b = c", "(= (+ a b) c)")]
    [InlineData("a ? b : c", "(? a b c)")]
    [InlineData("a ? b : c ? d : e", "(? a b (? c d e))")]
    [InlineData("a || b ? c : d", "(? (|| a b) c d)")]
    [InlineData("a + b ? c : d", "(? (+ a b) c d)")]
    [InlineData("x = a ? b : c", "(= x (? a b c))")]
    [InlineData("a => b ? c : d", "(=> a (? b c d))")]
    [InlineData("a ? b = 1 : c = 2", "(? a (= b 1) (= c 2))")]
    [InlineData("-a * b", "(* (- a) b)")]
    [InlineData("-a.b", "(- (. a b))")]
    [InlineData("!a && b", "(&& (! a) b)")]
    [InlineData("!a == b", "(== (! a) b)")]
    [InlineData("~a & b", "(& (~ a) b)")]
    [InlineData("- -a", "(- (- a))")]
    [InlineData("-1", "-1")]
    [InlineData("- 2.5", "-2.5")]
    [InlineData("-1 + 2", "(+ -1 2)")]
    [InlineData("a++ + ++b", "(+ (post++ a) (++ b))")]
    [InlineData("a-- - --b", "(- (post-- a) (-- b))")]
    [InlineData("x is Int", "(is x Int)")]
    [InlineData("-x is Int", "(is (- x) Int)")]
    [InlineData("a + b is T", "(+ a (is b T))")]
    [InlineData("a.b is haxe.ds.StringMap<Int> && c", "(&& (is (. a b) haxe.ds.StringMap<Int>) c)")]
    [InlineData("a ??= b", "(??= a b)")]
    [InlineData("a ||= b", "(||= a b)")]
    [InlineData("a &&= b", "(&&= a b)")]
    [InlineData("a %= b", "(%= a b)")]
    [InlineData("a <<= b", "(<<= a b)")]
    [InlineData("a >>= b", "(>>= a b)")]
    [InlineData("a >>>= b", "(>>>= a b)")]
    [InlineData("a &= b |= c ^= d", "(&= a (|= b (^= c d)))")]
    [InlineData("a >= b", "(>= a b)")]
    public void PrecedenceAndAssociativity(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Theory]
    [InlineData("a.b.c", "(. (. a b) c)")]
    [InlineData("a?.b?.c()", "(call (?. (?. a b) c))")]
    [InlineData("f(a, b)(c)", "(call (call f a b) c)")]
    [InlineData("f(a, b,)", "(call f a b)")]
    [InlineData("f()", "(call f)")]
    [InlineData("a[i + 1][j]", "(index (index a (+ i 1)) j)")]
    [InlineData("a.new", "(. a new)")]
    [InlineData("haxe.macro.Context.getType", "(. (. (. haxe macro) Context) getType)")]
    [InlineData("a.$b", "(. a $b)")]
    [InlineData("f(...args)", "(call f (... args))")]
    [InlineData("new Foo()", "(new Foo)")]
    [InlineData("new pack.Foo<Int>(1, 2).x", "(. (new pack.Foo<Int> 1 2) x)")]
    [InlineData("new Map<String, Array<Int>>()", "(new Map<String,Array<Int>>)")]
    [InlineData("\"abc\".length", "(. \"abc\" length)")]
    [InlineData("[1, 2].map(f)", "(call (. (array 1 2) map) f)")]
    [InlineData("{a: 1}.a", "(. (object (a 1)) a)")]
    public void PostfixChains(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Theory]
    [InlineData("x -> x + 1", "(-> (x) (+ x 1))")]
    [InlineData("(x) -> x", "(-> (x) x)")]
    [InlineData("(a, b) -> a + b", "(-> (a b) (+ a b))")]
    [InlineData("(a:Int) -> a", "(-> (a:Int) a)")]
    [InlineData("(a:Int, b:String) -> a", "(-> (a:Int b:String) a)")]
    [InlineData("(a = 1) -> a", "(-> (?a=1) a)")]
    [InlineData("(a:Int = 1) -> a", "(-> (?a:Int=1) a)")]
    [InlineData("(?a, b) -> a", "(-> (?a b) a)")]
    [InlineData("() -> 1", "(-> () 1)")]
    [InlineData("() -> {}", "(-> () (block))")]
    [InlineData("x -> y -> x + y", "(-> (x) (-> (y) (+ x y)))")]
    [InlineData("f(x -> x * 2, 3)", "(call f (-> (x) (* x 2)) 3)")]
    [InlineData("a = () -> b = c", "(= a (-> () (= b c)))")]
    [InlineData("(e : Int)", "(: e Int)")]
    [InlineData("(e : Int).foo", "(. (: e Int) foo)")]
    [InlineData("(e)", "(paren e)")]
    [InlineData("(a + b) * c", "(* (paren (+ a b)) c)")]
    public void ArrowFunctionsAndParentheses(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Theory]
    [InlineData("cast x", "(cast x)")]
    [InlineData("cast x + 1", "(cast (+ x 1))")]
    [InlineData("cast(x, Int)", "(cast x Int)")]
    [InlineData("cast(x, Int).foo", "(. (cast x Int) foo)")]
    [InlineData("cast(x : Int)", "(cast (: x Int))")]
    [InlineData("cast (x).foo + 1", "(cast (+ (. (paren x) foo) 1))")]
    [InlineData("untyped x + 1", "(untyped (+ x 1))")]
    [InlineData("untyped __js__('x')", "(untyped (call __js__ \"x\"))")]
    [InlineData("@:m a + b", "(+ (@:m a) b)")]
    [InlineData("@:m a = b", "(@:m (= a b))")]
    [InlineData("@:privateAccess x.y()", "(@:privateAccess (call (. x y)))")]
    [InlineData("@:a(1, \"s\") @b x", "(@:a(1, \"s\") (@b x))")]
    [InlineData("x * @:m a + b", "(+ (* x (@:m a)) b)")]
    [InlineData("inline f(x)", "(@:inline (call f x))")]
    [InlineData("inline new Foo()", "(@:inline (new Foo))")]
    [InlineData("macro $i{name} + 1", "(macro (+ ($i name) 1))")]
    [InlineData("macro : Array<Int>", "(macro : Array<Int>)")]
    [InlineData("macro var x = 1", "(macro (var (x 1)))")]
    [InlineData("macro class Foo { }", "(macro class Foo)")]
    [InlineData("macro.foo", "(. macro foo)")]
    [InlineData("$type(x)", "(call $type x)")]
    [InlineData("${x}", "($ x)")]
    [InlineData("$v{1 + 2}", "($v (+ 1 2))")]
    [InlineData("this.x = super.y", "(= (. this x) (. super y))")]
    [InlineData("null == true || false", "(|| (== null true) false)")]
    public void PrefixForms(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Theory]
    [InlineData("[1, 2, 3]", "(array 1 2 3)")]
    [InlineData("[1, 2,]", "(array 1 2)")]
    [InlineData("[]", "(array)")]
    [InlineData("[a => 1, b => 2]", "(array (=> a 1) (=> b 2))")]
    [InlineData("[for (i in 0...10) i * 2]", "(array (for i (... 0 10) (* i 2)))")]
    [InlineData("[for (k => v in m) k => v]", "(array (for k=>v m (=> k v)))")]
    [InlineData("[while (i < 3) i++]", "(array (while (< i 3) (post++ i)))")]
    [InlineData("[for (x in xs) if (x > 0) x]", "(array (for x xs (if (> x 0) x)))")]
    [InlineData("{a: 1, \"b c\": 2, d: {e: [3]}}", "(object (a 1) (\"b c\" 2) (d (object (e (array 3)))))")]
    [InlineData("{a: 1,}", "(object (a 1))")]
    [InlineData("{}", "(block)")]
    [InlineData("{ a; b; }", "(block a b)")]
    [InlineData("~/a+b/g", "~/a+b/g")]
    [InlineData("'a $b ${c + 1} $$ d'", "(interp \"a \" b \" \" (+ c 1) \" $ d\")")]
    [InlineData("'${a}${b}'", "(interp a b)")]
    [InlineData("'x${ {y: 1}.y }z'", "(interp \"x\" (. (object (y 1)) y) \"z\")")]
    [InlineData("'plain'", "\"plain\"")]
    public void Literals(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Theory]
    [InlineData("if (a) b", "(if a b)")]
    [InlineData("if (a) b else c", "(if a b c)")]
    [InlineData("if (a) b; else c", "(if a b c)")]
    [InlineData("if (a) b else if (c) d else e", "(if a b (if c d e))")]
    [InlineData("x = if (a) 1 else 2", "(= x (if a 1 2))")]
    [InlineData("while (a) b()", "(while a (call b))")]
    [InlineData("do x++ while (x < 3)", "(do (post++ x) (< x 3))")]
    [InlineData("for (i in 0...n) trace(i)", "(for i (... 0 n) (call trace i))")]
    [InlineData("for (k => v in m) {}", "(for k=>v m (block))")]
    [InlineData("return", "(return)")]
    [InlineData("return a + b", "(return (+ a b))")]
    [InlineData("throw new Error('x')", "(throw (new Error \"x\"))")]
    [InlineData("try f() catch (e:String) g() catch (e) h()", "(try (call f) (catch e:String (call g)) (catch e (call h)))")]
    [InlineData("try { f(); } catch (e:haxe.Exception) {}", "(try (block (call f)) (catch e:haxe.Exception (block)))")]
    [InlineData("var a = 1", "(var (a 1))")]
    [InlineData("var a:Int", "(var (a:Int))")]
    [InlineData("final a:Array<Int> = []", "(final (a:Array<Int> (array)))")]
    [InlineData("function(a:Int, ?b = 2):Int return a + b", "(function (a:Int ?b=2):Int (return (+ a b)))")]
    [InlineData("function f<T>(x:T) {}", "(function f <T>(x:T) (block))")]
    [InlineData("function(...rest:Int) {}", "(function (...rest:Int) (block))")]
    [InlineData("function(@:meta a) {}", "(function (@:meta a) (block))")]
    public void KeywordExpressions(string source, string tree) => Assert.Equal(tree, Expr(source));

    [Fact]
    public void SwitchCases()
    {
        const string src = "switch (x) { case 1, 2: a; case y if (y > 0): b; c; case _: default: d; }";
        Assert.Equal("(switch (paren x) (case (1 2) a) (case (y) if (> y 0) (block b c)) (case (_) null) (default d))", Expr(src));
        Assert.Equal("(switch x (case ((| A B)) x) (default null))", Expr("switch x { case A | B: x; default: }"));
        Assert.Equal("(switch e (case ((call Some (var (v)))) v) (case ((=> _ (call f 1))) 0) (case ((array a b)) 1) (case ((object (x 0))) 2))",
            Expr("switch e { case Some(var v): v; case _ => f(1): 0; case [a, b]: 1; case {x: 0}: 2; }").Replace("(var (v))", "(var (v))"));
        Assert.Equal("(switch e (case ((: x Int)) x))", Expr("switch e { case (x : Int): x; }"));
        Assert.Equal("(switch e)", Expr("switch e {}"));
    }

    [Fact]
    public void SwitchCaseVar()
    {
        var s = Assert.IsType<SwitchExpr>(ParseExpr("switch e { case var v: v; }").Expr);
        var v = Assert.IsType<VarExpr>(Assert.Single(s.Cases[0].Patterns));
        Assert.Equal("v", v.Vars[0].Name);
    }

    [Fact]
    public void StatementsAndSemicolons()
    {
        Assert.Equal("(block (var (a 1) (b) (c:Int 2)) (call f a))", Body("var a = 1, b, c:Int = 2; f(a);"));
        // after a closing brace the semicolon is optional
        Assert.Equal("(block (if a (block (call b))) (array 1 2) (call f))", Body("if (a) { b(); } [1, 2]; f();"));
        Assert.Equal("(block (var (o (object (x 1)))) (call f))", Body("var o = {x: 1} f();"));
        Assert.Equal("(block (function g () (block)) (paren x))", Body("function g() {} (x);"));
        Assert.Equal("(block (inline-function g () (block)))", Body("inline function g() {}"));
        Assert.Equal("(block (switch x (case (1) (block (call a) (call b)))) (call c))", Body("switch x { case 1: a(); b(); } c();"));
    }

    [Fact]
    public void SpansAreByteRanges()
    {
        var (e, _) = ParseExpr("foo(bar, \"é\") + 1");
        var b = Assert.IsType<BinaryExpr>(e);
        Assert.Equal((0, 18), (b.Span.Start, b.Span.End));
        var call = Assert.IsType<CallExpr>(b.Left);
        Assert.Equal((0, 14), (call.Span.Start, call.Span.End));
        Assert.Equal((9, 13), (call.Args[1].Span.Start, call.Args[1].Span.End));
        var f = Assert.IsType<FieldExpr>(ParseExpr("a.bc").Expr);
        Assert.Equal((2, 4), (f.NameSpan.Start, f.NameSpan.End));
    }

    [Fact]
    public void InterpolationPartsHaveFilePositions()
    {
        var s = Assert.IsType<InterpolatedString>(ParseExpr("'ab$x ${y + 1}'").Expr);
        Assert.Equal((1, 3), (s.Parts[0].Span.Start, s.Parts[0].Span.End));
        Assert.Equal((4, 5), (s.Parts[1].Span.Start, s.Parts[1].Span.End));
        var sum = Assert.IsType<BinaryExpr>(s.Parts[3]);
        Assert.Equal((8, 13), (sum.Span.Start, sum.Span.End));
    }

    [Fact]
    public void NegativeLiteralsFold()
    {
        var i = Assert.IsType<IntLiteral>(ParseExpr("-0x10").Expr);
        Assert.Equal((-16L, "-0x10"), (i.Value, i.Text));
        var f = Assert.IsType<FloatLiteral>(ParseExpr("-.5").Expr);
        Assert.Equal(-0.5, f.Value);
    }

    [Fact]
    public void StringQuoteKindIsKept()
    {
        Assert.False(Assert.IsType<StringLiteral>(ParseExpr("\"a\"").Expr).SingleQuoted);
        Assert.True(Assert.IsType<StringLiteral>(ParseExpr("'a'").Expr).SingleQuoted);
    }

    [Fact]
    public void DeepNestingWithinTheLimitParses()
    {
        var src = new string('(', 1500) + "1" + new string(')', 1500);
        var (e, diags) = ParseExpr(src);
        Assert.Empty(diags);
        Assert.IsType<ParenExpr>(e);
        var chain = "a" + string.Concat(Enumerable.Repeat(" = a", 1500));
        Assert.Empty(ParseExpr(chain).Diagnostics);
        var sum = string.Join(" + ", Enumerable.Range(0, 20000));
        Assert.Empty(ParseExpr(sum).Diagnostics);
    }
}
