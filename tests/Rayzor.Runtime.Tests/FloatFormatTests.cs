using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Tests;

/// <summary>Std.string(Float) must print exactly what C's printf("%.15g") prints (glibc).</summary>
public class FloatFormatTests
{
    private static string Format(double value)
    {
        Span<char> buffer = stackalloc char[FloatFormat.MaxLength];
        return new string(buffer[..FloatFormat.Format(value, buffer)]);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1 / 3.0, "0.333333333333333")]
    [InlineData(2 / 3.0, "0.666666666666667")]
    [InlineData(100.0, "100")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(3.141592653589793, "3.14159265358979")]
    [InlineData(1e14, "100000000000000")]
    [InlineData(999999999999999.0, "999999999999999")]
    [InlineData(9999999999999998.0, "1e+16")]
    [InlineData(1e15, "1e+15")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e100, "1e+100")]
    [InlineData(123456789012345678.0, "1.23456789012346e+17")]
    [InlineData(1.7976931348623157e308, "1.79769313486232e+308")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00012345, "0.00012345")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e-100, "1e-100")]
    [InlineData(2.2250738585072014e-308, "2.2250738585072e-308")]
    [InlineData(5e-324, "4.94065645841247e-324")]
    [InlineData(-2147483648.0, "-2147483648")]
    [InlineData(4294967296.5, "4294967296.5")]
    [InlineData(1.0000000000000002, "1")]
    public void MatchesPrintfG15(double value, string expected) => Assert.Equal(expected, Format(value));

    [Theory]
    // Exact ties at the 16th digit round half to even, as glibc does on the exact binary value.
    [InlineData(1000000000000005.0, "1e+15")]
    [InlineData(1000000000000015.0, "1.00000000000002e+15")]
    [InlineData(1000000000000025.0, "1.00000000000002e+15")]
    // Not a tie: 0.15 is slightly below, 0.35 slightly above its decimal in binary.
    [InlineData(0.000000000000015, "1.5e-14")]
    [InlineData(12345678901234.25, "12345678901234.2")]
    [InlineData(12345678901234.75, "12345678901234.8")]
    public void RoundsTheExactValueHalfToEven(double value, string expected) => Assert.Equal(expected, Format(value));

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal("NaN", Format(double.NaN));
        Assert.Equal("NaN", Format(-double.NaN));
        Assert.Equal("inf", Format(double.PositiveInfinity));
        Assert.Equal("-inf", Format(double.NegativeInfinity));
    }

    [Fact]
    public void EveryResultFitsMaxLength()
    {
        // The longest shapes: negative, 15 digits, three-digit negative exponent.
        Assert.Equal("-1.23456789012346e-300", Format(-1.2345678901234567e-300));
        Assert.True(Format(-1.2345678901234567e-300).Length <= FloatFormat.MaxLength);
    }
}
