using Rayzor.Runtime.Std;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>Std.parseInt / Std.parseFloat; expectations from Haxe 4.2.5's reference interpreter
/// (and the shared conformance test conv_parse), except where noted.</summary>
public unsafe class ParseTests
{
    private static string ParseInt(string s)
    {
        void* v = Parse.ParseInt(Str(s));
        return v == null ? "null" : TestArrays.UnboxedInt(v).ToString();
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("-17", "-17")]
    [InlineData("+5", "5")]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("007", "7")]
    [InlineData("  42", "42")]
    [InlineData("\t 9", "9")]
    [InlineData(" \t\n\r\v\f5", "5")]
    [InlineData("12abc", "12")]
    [InlineData("12 34", "12")]
    [InlineData("3.99", "3")]
    [InlineData("-3.99", "-3")]
    [InlineData("1e3", "1")]
    [InlineData("  0x1F", "31")]
    [InlineData("0x1F", "31")]
    [InlineData("0XfF", "255")]
    [InlineData("-0x10", "-16")]
    [InlineData("+0x10", "16")]
    [InlineData("0x1FG", "31")]
    [InlineData("0x7FFFFFFF", "2147483647")]
    [InlineData("0xFFFFFFFF", "-1")]
    [InlineData("-0xFFFFFFFF", "1")]
    [InlineData("0x80000000", "-2147483648")]
    [InlineData("0x00000000000001", "1")]
    [InlineData("00000000000000000000000001", "1")]
    [InlineData("00x10", "0")]
    [InlineData("2147483647", "2147483647")]
    [InlineData("-2147483648", "-2147483648")]
    [InlineData("2147483648", "null")]
    [InlineData("-2147483649", "null")]
    [InlineData("9999999999", "null")]
    [InlineData("123456789012", "null")]
    [InlineData("0x100000000", "null")]
    [InlineData("abc", "null")]
    [InlineData("", "null")]
    [InlineData("-", "null")]
    [InlineData("+", "null")]
    [InlineData("x12", "null")]
    [InlineData("0x", "null")]
    [InlineData("-0x", "null")]
    [InlineData("0xG", "null")]
    [InlineData("0x 10", "null")]
    [InlineData("0x-1", "null")]
    [InlineData("   -  5", "null")]
    [InlineData("--5", "null")]
    [InlineData("-+5", "null")]
    public void ParseIntFollowsHaxe(string s, string expected) => Assert.Equal(expected, ParseInt(s));

    [Fact]
    public void ParseIntOfNullIsNull()
    {
        _ = Builtins;
        Assert.True(Parse.ParseInt(null) == null);
    }

    [Theory]
    [InlineData("3.5", 3.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1e3x", 1000.0)]
    [InlineData("2E-2", 0.02)]
    [InlineData("+1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("-.5", -0.5)]
    [InlineData("+.5", 0.5)]
    [InlineData("-.5e-2", -0.005)]
    [InlineData("5.", 5.0)]
    [InlineData("1.", 1.0)]
    [InlineData("1.e5", 100000.0)]
    [InlineData("1e+5", 100000.0)]
    [InlineData("1E-5x", 1e-5)]
    [InlineData("  7.125", 7.125)]
    [InlineData("123abc", 123.0)]
    [InlineData("4.5xyz", 4.5)]
    [InlineData("100", 100.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("0.1e1", 1.0)]
    [InlineData("1e21", 1e21)]
    [InlineData("1,5", 1.0)]
    [InlineData("0x10", 0.0)]
    [InlineData("1e-400", 0.0)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568e29)]
    [InlineData("2.2250738585072011e-308", 2.2250738585072011e-308)]
    // other targets (HashLink, hxcpp, JS) where the interpreter gives NaN
    [InlineData("1e", 1.0)]
    [InlineData("1e+", 1.0)]
    [InlineData("1e5e", 100000.0)]
    [InlineData("1.5.5", 1.5)]
    [InlineData("1-2", 1.0)]
    [InlineData(" \t\n1.5", 1.5)]
    public void ParseFloatReadsTheLongestNumber(string s, double expected) =>
        Assert.Equal(expected, Parse.ParseFloat(Str(s)));

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("-.e1")]
    [InlineData("e5")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("-inf")]
    [InlineData("  ")]
    public void ParseFloatIsNaNWhenNothingParses(string s) => Assert.True(double.IsNaN(Parse.ParseFloat(Str(s))));

    [Fact]
    public void ParseFloatEdgeValues()
    {
        _ = Builtins;
        Assert.True(double.IsNaN(Parse.ParseFloat((Strings.HString*)null)));
        Assert.True(double.IsNegative(Parse.ParseFloat(Str("-0"))));
        Assert.True(double.IsNegative(Parse.ParseFloat(Str("  -0"))));
        Assert.Equal(double.PositiveInfinity, Parse.ParseFloat(Str("1e400")));
        Assert.Equal(double.NegativeInfinity, Parse.ParseFloat(Str("-1e400")));
    }
}
