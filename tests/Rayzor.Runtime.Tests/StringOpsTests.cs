using System.Text;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>The string, Std.string and boxing logic behind the rz_ exports, called directly.</summary>
public unsafe class StringOpsTests
{
    [Fact]
    public void ConcatJoinsCodeUnits()
    {
        HString* s = StringOps.Concat(Str("Hello, "), Str("world"));
        Assert.Equal("Hello, world", Text(s));
        Assert.Equal(12, s->Length);
        Assert.Equal(0, s->Hash);
        Assert.True(s->Td == Builtins->String);
    }

    [Fact]
    public void ConcatReadsNullAsNull()
    {
        Assert.Equal("nullx", Text(StringOps.Concat(null, Str("x"))));
        Assert.Equal("xnull", Text(StringOps.Concat(Str("x"), null)));
        Assert.Equal("nullnull", Text(StringOps.Concat(null, null)));
    }

    [Fact]
    public void ConcatWithEmptyReturnsTheOtherOperand()
    {
        HString* a = Str("abc");
        Assert.True(StringOps.Concat(a, Str("")) == a);
        Assert.True(StringOps.Concat(Str(""), a) == a);
    }

    [Fact]
    public void EqualsComparesContentAndIsNullSafe()
    {
        Assert.True(StringOps.Equals(Str("abc"), Str("abc")));
        Assert.False(StringOps.Equals(Str("abc"), Str("abd")));
        Assert.False(StringOps.Equals(Str("abc"), Str("ab")));
        Assert.True(StringOps.Equals(null, null));
        Assert.False(StringOps.Equals(Str("null"), null));
        Assert.False(StringOps.Equals(null, Str("")));
    }

    [Fact]
    public void CompareOrdersByUtf16CodeUnits()
    {
        Assert.True(StringOps.Compare(Str("abc"), Str("abd")) < 0);
        Assert.True(StringOps.Compare(Str("abd"), Str("abc")) > 0);
        Assert.Equal(0, StringOps.Compare(Str("abc"), Str("abc")));
        Assert.True(StringOps.Compare(Str("ab"), Str("abc")) < 0);
        Assert.True(StringOps.Compare(Str("Z"), Str("a")) < 0); // ordinal, not culture
        // U+FF21 sorts after a surrogate pair's first unit U+D83D by code unit, not by code point.
        Assert.True(StringOps.Compare(Str("\uFF21"), Str("\U0001F600")) > 0);
        Assert.True(StringOps.Compare(null, Str("")) < 0);
        Assert.Equal(0, StringOps.Compare(null, null));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7")]
    [InlineData(-42, "-42")]
    [InlineData(int.MaxValue, "2147483647")]
    [InlineData(int.MinValue, "-2147483648")]
    public void FromIntIsPlainDecimal(int value, string expected)
    {
        _ = Builtins;
        Assert.Equal(expected, Text(StringOps.FromInt(value)));
    }

    [Fact]
    public void FromFloatAndBool()
    {
        _ = Builtins;
        Assert.Equal("0.3", Text(StringOps.FromFloat(0.1 + 0.2)));
        Assert.Equal("-0", Text(StringOps.FromFloat(-0.0)));
        Assert.Equal("true", Text(StringOps.FromBool(true)));
        Assert.Equal("false", Text(StringOps.FromBool(false)));
    }

    [Fact]
    public void FromUtf8DecodesAndReplacesInvalidBytes()
    {
        _ = Builtins;
        HString* s = StringOps.FromUtf8("h\u00e9 \U0001F600"u8);
        Assert.Equal("h\u00e9 \U0001F600", Text(s));
        Assert.Equal(5, s->Length); // the emoji is two UTF-16 code units
        Assert.Equal("a\uFFFDb", Text(StringOps.FromUtf8([(byte)'a', 0xFF, (byte)'b'])));
    }

    [Fact]
    public void StdStringOfDynamicValues()
    {
        _ = Builtins;
        Assert.Equal("null", Text(StdString.ToString(null)));
        HString* s = Str("text");
        Assert.True(StdString.ToString(s) == s);
        Assert.Equal("12", Text(StdString.ToString(Boxing.BoxInt(12))));
        Assert.Equal("-100000", Text(StdString.ToString(Boxing.BoxInt(-100000))));
        Assert.Equal("2.5", Text(StdString.ToString(Boxing.BoxFloat(2.5))));
        Assert.Equal("true", Text(StdString.ToString(Boxing.BoxBool(true))));
        var obj = stackalloc nint[1];
        obj[0] = (nint)Descriptor(Memory.TypeKind.Class, 8, "Main");
        Assert.Equal("Main", Text(StdString.ToString(obj)));
    }

    [Fact]
    public void SmallIntBoxesAreShared()
    {
        _ = Builtins;
        Assert.True(Boxing.BoxInt(5) == Boxing.BoxInt(5));
        Assert.True(Boxing.BoxBool(false) == Boxing.BoxBool(false));
        Assert.Equal(5, ((BoxInt*)Boxing.BoxInt(5))->Value);
        Assert.Equal(1_000_000, ((BoxInt*)Boxing.BoxInt(1_000_000))->Value);
    }

    [Fact]
    public void PrintEncodesUtf8AndLoneSurrogatesAsReplacement()
    {
        _ = Builtins;
        Output.Discard();
        Output.Println(Str("h\u00e9 \U0001F600 \uD800!"));
        Output.Print(null);
        string printed = Encoding.UTF8.GetString(Output.Pending);
        Output.Discard();
        Assert.Equal("h\u00e9 \U0001F600 \uFFFD!\nnull", printed);
    }
}
