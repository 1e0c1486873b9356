using Rayzor.Frontend.Lexing;
using Rayzor.Frontend.Syntax;
using static Rayzor.Frontend.Tests.Parsing.SyntaxTestUtil;

namespace Rayzor.Frontend.Tests.Lexing;

public class LexerTests
{
    [Fact]
    public void IdentifiersAndKeywords()
    {
        var t = Lex("foo _bar Baz9 class function super is from never");
        Assert.Equal([TokenKind.Identifier, TokenKind.Identifier, TokenKind.Identifier, TokenKind.KwClass, TokenKind.KwFunction,
            TokenKind.Identifier, TokenKind.Identifier, TokenKind.Identifier, TokenKind.Identifier], t.Select(x => x.Kind));
        Assert.Equal("Baz9", t[2].Text);
    }

    [Fact]
    public void EveryKeyword()
    {
        const string all = "abstract break case cast catch class continue default do dynamic else enum extends extern false final for " +
                           "function if implements import in inline interface macro new null operator overload override package private " +
                           "public return static switch this throw true try typedef untyped using var while";
        Assert.All(Lex(all), t => Assert.True(t.IsKeyword, t.ToString()));
        Assert.Equal(45, Lex(all).Count);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("123", 123L)]
    [InlineData("1_000_000", 1000000L)]
    [InlineData("0xFF", 255L)]
    [InlineData("0x7fff_ffff", 2147483647L)]
    [InlineData("0xFFFFFFFF", 4294967295L)]
    [InlineData("0b1011", 11L)]
    [InlineData("0b1111_0000", 240L)]
    [InlineData("10i32", 10L)]
    [InlineData("10i64", 10L)]
    [InlineData("3_000_000_000_i64", 3000000000L)]
    [InlineData("7u32", 7L)]
    [InlineData("0xFFFFFFFFFFFFFFFFi64", -1L)]
    public void IntLiterals(string text, long value)
    {
        var t = Lex(text);
        Assert.Single(t);
        Assert.Equal(TokenKind.Int, t[0].Kind);
        Assert.Equal(text, t[0].Text);
        var e = Assert.IsType<IntLiteral>(ParseExpr(text).Expr);
        Assert.Equal(value, e.Value);
        Assert.Equal(text, e.Text);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("1e10", 1e10)]
    [InlineData("1E+3", 1e3)]
    [InlineData("1.5e-3", 1.5e-3)]
    [InlineData("2f64", 2.0)]
    [InlineData("1.25f64", 1.25)]
    [InlineData("1_000.5", 1000.5)]
    [InlineData("0.000_1", 0.0001)]
    public void FloatLiterals(string text, double value)
    {
        var t = Lex(text);
        Assert.Single(t);
        Assert.Equal(TokenKind.Float, t[0].Kind);
        var e = Assert.IsType<FloatLiteral>(ParseExpr(text).Expr);
        Assert.Equal(value, e.Value);
        Assert.Equal(text, e.Text);
    }

    [Fact]
    public void IntervalIsIntEllipsisInt() => Assert.Equal("Int Ellipsis Int", Kinds("1...5"));

    [Fact]
    public void IntFollowedByFieldIsNotFloat() => Assert.Equal("Int Dot Identifier", Kinds("1.foo"));

    [Fact]
    public void QuestionBeforeFloatIsTernary() => Assert.Equal("Identifier Question Float Colon Int", Kinds("a ?.5 : 1"));

    [Fact]
    public void InvalidSuffixIsReported()
    {
        Lex("1i8", out var diags);
        Assert.Equal(["Main.hx:1: characters 1-4 : i8 is not a valid integer suffix"], diags);
    }

    [Fact]
    public void EveryOperator()
    {
        const string ops = "( ) { } [ ] ; , . : ? ?. -> => ... + - * / % & | ^ ~ ! < > <= >= == != && || << >> >>> ?? ++ -- " +
                           "= += -= *= /= %= &= |= ^= <<= >>= >>>= ??= &&= ||=";
        var expected = new[]
        {
            TokenKind.LParen, TokenKind.RParen, TokenKind.LBrace, TokenKind.RBrace, TokenKind.LBracket, TokenKind.RBracket,
            TokenKind.Semicolon, TokenKind.Comma, TokenKind.Dot, TokenKind.Colon, TokenKind.Question, TokenKind.QuestionDot,
            TokenKind.Arrow, TokenKind.FatArrow, TokenKind.Ellipsis, TokenKind.Plus, TokenKind.Minus, TokenKind.Star,
            TokenKind.Slash, TokenKind.Percent, TokenKind.Amp, TokenKind.Pipe, TokenKind.Caret, TokenKind.Tilde, TokenKind.Bang,
            TokenKind.Lt, TokenKind.Gt, TokenKind.LtEq, TokenKind.GtEq, TokenKind.EqEq, TokenKind.BangEq, TokenKind.AmpAmp,
            TokenKind.PipePipe, TokenKind.Shl, TokenKind.Shr, TokenKind.UShr, TokenKind.QuestionQuestion, TokenKind.PlusPlus,
            TokenKind.MinusMinus, TokenKind.Eq, TokenKind.PlusEq, TokenKind.MinusEq, TokenKind.StarEq, TokenKind.SlashEq,
            TokenKind.PercentEq, TokenKind.AmpEq, TokenKind.PipeEq, TokenKind.CaretEq, TokenKind.ShlEq, TokenKind.ShrEq,
            TokenKind.UShrEq, TokenKind.QuestionQuestionEq, TokenKind.AmpAmpEq, TokenKind.PipePipeEq,
        };
        Assert.Equal(expected, Lex(ops).Select(t => t.Kind));
    }

    [Fact]
    public void LongestMatchWithoutSpaces() =>
        Assert.Equal("Identifier UShrEq Identifier QuestionQuestionEq Identifier QuestionDot Identifier Arrow Identifier",
            Kinds("a>>>=b??=c?.d->e"));

    [Theory]
    [InlineData(@"""a\nb""", "a\nb")]
    [InlineData(@"""\t\r\\\""\'""", "\t\r\\\"'")]
    [InlineData(@"""\x41\x7f""", "A\x7f")]
    [InlineData(@"""\101\060""", "A0")]
    [InlineData(@"""\u0041\u00e9""", "Aé")]
    [InlineData(@"""\u{1F600}""", "\U0001F600")]
    [InlineData(@"""\u{41}""", "A")]
    [InlineData(@"""a\$b""", "a$b")]
    [InlineData(@"'it\'s'", "it's")]
    [InlineData("\"héllo wörld\"", "héllo wörld")]
    [InlineData("\"multi\nline\"", "multi\nline")]
    public void StringEscapes(string source, string value)
    {
        var t = Assert.Single(Lex(source));
        Assert.Equal(TokenKind.String, t.Kind);
        Assert.Equal(value, t.Text);
    }

    [Theory]
    [InlineData(@"""\q""", "Main.hx:1: character 2 : Invalid escape sequence \\q")]
    [InlineData(@"""\x80""", "Main.hx:1: character 2 : Invalid escape sequence \\x. Values greater than \\x7f are not allowed. Use \\u0080 instead.")]
    [InlineData(@"""\xZ1""", "Main.hx:1: character 2 : Invalid escape sequence \\x. Must be followed by a hexadecimal sequence.")]
    [InlineData(@"""\u{110000}""", "Main.hx:1: character 2 : Invalid escape sequence \\u. Maximum allowed value for unicode escape sequence is \\u{10FFFF}")]
    [InlineData(@"""\uD800""", "Main.hx:1: character 2 : Invalid escape sequence \\u. UTF-16 surrogates are not allowed in strings.")]
    [InlineData(@"""\377""", "Main.hx:1: character 2 : Invalid escape sequence \\3. Values greater than \\177 are not allowed. Use \\u00ff instead.")]
    public void InvalidEscapes(string source, string diagnostic)
    {
        Lex(source, out var diags);
        Assert.Equal([diagnostic], diags);
    }

    [Fact]
    public void DoubleQuotedStringsDoNotInterpolate()
    {
        var t = Assert.Single(Lex("\"a $b ${c}\""));
        Assert.Equal("a $b ${c}", t.Text);
        Assert.Null(t.Value);
    }

    [Fact]
    public void SingleQuotedInterpolationParts()
    {
        const string src = "'x $name, ${a + {b: 1}.b} $$ $ ${\"}\"} end'";
        var t = Assert.Single(Lex(src));
        var parts = Assert.IsType<StringPart[]>(t.Value);
        Assert.Equal(
            [(StringPartKind.Literal, "x "), (StringPartKind.Ident, "name"), (StringPartKind.Literal, ", "),
             (StringPartKind.Code, ""), (StringPartKind.Literal, " $ $ "), (StringPartKind.Code, ""), (StringPartKind.Literal, " end")],
            parts.Select(p => (p.Kind, p.Text)));
        Assert.Equal("a + {b: 1}.b", src[parts[3].Start..parts[3].End]);
        Assert.Equal("\"}\"", src[parts[5].Start..parts[5].End]);
        Assert.Equal("name", src[parts[1].Start..parts[1].End]);
    }

    [Fact]
    public void SingleQuotedWithoutDollarIsPlain()
    {
        var t = Assert.Single(Lex("'plain $$ text \\$x'"));
        Assert.Equal("plain $ text $x", t.Text);
        Assert.Same(Lexer.SingleQuotedMarker, t.Value);
    }

    [Fact]
    public void InterpolationNestsStringsWithInterpolation()
    {
        const string src = "'a ${f('b ${c}')} d'";
        var parts = Assert.IsType<StringPart[]>(Assert.Single(Lex(src)).Value);
        Assert.Equal("f('b ${c}')", src[parts[1].Start..parts[1].End]);
    }

    [Fact]
    public void RegexLiterals()
    {
        var t = Assert.Single(Lex(@"~/a\/b[0-9]+\.\d/gimsu"));
        Assert.Equal(TokenKind.Regex, t.Kind);
        Assert.Equal(@"a/b[0-9]+\.\d", t.Text);
        Assert.Equal("gimsu", t.Value);
        Assert.Equal("Tilde Identifier", Kinds("~x"));
    }

    [Fact]
    public void RegexErrors()
    {
        Lex("~/abc/q", out var d1);
        Assert.Equal(["Main.hx:1: character 7 : Invalid regular expression option"], d1);
        Lex("~/abc\nx", out var d2);
        Assert.Equal(["Main.hx:1: character 1 : Unterminated regular expression"], d2);
    }

    [Fact]
    public void CommentsAreSkippedAndDocCommentsKept()
    {
        var t = Lex("// line\n/* block */ a /** the doc */ b /***/ c /**/ d");
        Assert.Equal(["a", "b", "c", "d"], t.Select(x => x.Text));
        Assert.Null(t[0].Doc);
        Assert.Equal(" the doc ", t[1].Doc);
        Assert.Equal("", t[2].Doc);
        Assert.Null(t[3].Doc);
    }

    [Fact]
    public void MetadataTokens()
    {
        var t = Lex("@foo @:native @:haxe.warning @ :x");
        Assert.Equal(["foo", ":native", ":haxe.warning"], t.Take(3).Select(x => x.Text));
        Assert.Equal(TokenKind.Meta, t[0].Kind);
        Assert.Equal(TokenKind.At, t[3].Kind);
    }

    [Fact]
    public void DollarAndSharpTokens()
    {
        var t = Lex("$x $ #if");
        Assert.Equal((TokenKind.Dollar, "x"), (t[0].Kind, t[0].Text));
        Assert.Equal((TokenKind.Dollar, ""), (t[1].Kind, t[1].Text));
        Assert.Equal((TokenKind.Sharp, "if"), (t[2].Kind, t[2].Text));
    }

    [Fact]
    public void PositionsAreByteOffsets()
    {
        var t = Lex("\"é\" x");
        Assert.Equal((0, 4), (t[0].Start, t[0].End));
        Assert.Equal((5, 6), (t[1].Start, t[1].End));
    }

    [Fact]
    public void BomAndShebangAreSkipped()
    {
        var t = Lex("\uFEFF#!/usr/bin/env haxe\nclass");
        Assert.Equal(TokenKind.KwClass, Assert.Single(t).Kind);
    }

    [Fact]
    public void UnterminatedStringsAndCommentsAreDiagnostics()
    {
        Lex("a \"abc", out var d1);
        Assert.Equal(["Main.hx:1: character 3 : Unterminated string"], d1);
        Lex("x\n  'abc", out var d2);
        Assert.Equal(["Main.hx:2: character 3 : Unterminated string"], d2);
        Lex("a /* never closed\n", out var d3);
        Assert.Equal(["Main.hx:1: character 3 : Unclosed comment"], d3);
        Lex("'a ${b", out var d4);
        Assert.Equal(["Main.hx:1: character 4 : Unclosed code string"], d4);
    }

    [Fact]
    public void InvalidCharacters()
    {
        var t = Lex("a ` b € c", out var diags);
        Assert.Equal(["a", "b", "c"], t.Where(x => x.Kind == TokenKind.Identifier).Select(x => x.Text));
        Assert.Equal(["Main.hx:1: character 3 : Invalid character '`'", "Main.hx:1: character 7 : Invalid character 0x20AC"], diags);
    }
}
