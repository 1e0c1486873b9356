using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Bytes;
using Rayzor.Runtime.Memory;
using static Rayzor.Runtime.Tests.TestArrays;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>The logic behind rz_bytes_* and rz_array_blit (docs/abi.md, Bytes), called directly;
/// expectations from Haxe 4.2.5's reference interpreter.</summary>
public unsafe class BytesOpsTests
{
    private static readonly TypeDesc* BytesTd = Descriptor(TypeKind.Class, 16, "haxe.io.Bytes");

    private static string Hex(HBytes* b) => Convert.ToHexStringLower(HBytes.Data(b));

    [Fact]
    public void AllocHasTheAbiLayoutAndZeroes()
    {
        _ = Builtins;
        Assert.Equal(HBytes.DataOffset, sizeof(HBytes));
        HBytes* b = BytesOps.Alloc(BytesTd, 5);
        Assert.True(b->Td == BytesTd);
        Assert.Equal(8, (int)((byte*)&b->Length - (byte*)b));
        Assert.Equal("0000000000", Hex(b));
        Assert.Equal(0, BytesOps.Alloc(BytesTd, -3)->Length);
    }

    [Theory]
    [InlineData("Hello", "48656c6c6f")]
    [InlineData("é€", "c3a9e282ac")]
    [InlineData("\U0001F600x", "f09f988078")]
    [InlineData("", "")]
    public void OfStringIsUtf8(string text, string hex)
    {
        HBytes* b = BytesOps.OfString(BytesTd, Str(text), raw: false);
        Assert.Equal(hex, Hex(b));
        Assert.Equal(text, Text(BytesOps.GetString(b, 0, b->Length, raw: false)));
    }

    [Fact]
    public void OfStringReplacesLoneSurrogates()
    {
        string text = "a" + (char)0xD800 + "b";
        Assert.Equal("61efbfbd62", Hex(BytesOps.OfString(BytesTd, Str(text), raw: false)));
    }

    [Fact]
    public void RawNativeIsUtf16LittleEndian()
    {
        HBytes* b = BytesOps.OfString(BytesTd, Str("hé"), raw: true);
        Assert.Equal("6800e900", Hex(b));
        Assert.Equal("é", Text(BytesOps.GetString(b, 2, 2, raw: true)));
        Assert.Equal("h", Text(BytesOps.GetString(b, 0, 3, raw: true))); // an odd last byte is dropped
    }

    [Fact]
    public void GetStringReplacesInvalidUtf8()
    {
        HBytes* b = BytesOps.Alloc(BytesTd, 4);
        new byte[] { 0x41, 0xFF, 0x42, 0xC3 }.CopyTo(HBytes.Data(b));
        Assert.Equal("A\uFFFDB\uFFFD", Text(BytesOps.GetString(b, 0, 4, raw: false)));
        Assert.Equal("B", Text(BytesOps.GetString(b, 2, 1, raw: false)));
    }

    [Fact]
    public void BlitMovesOverlappingRangesAndFillUsesTheLowByte()
    {
        HBytes* b = BytesOps.OfString(BytesTd, Str("abcdefgh"), raw: false);
        BytesOps.Blit(b, 2, b, 0, 4);
        Assert.Equal("ababcdgh", Text(BytesOps.GetString(b, 0, 8, raw: false)));
        BytesOps.Blit(b, 0, b, 2, 4);
        Assert.Equal("abcdcdgh", Text(BytesOps.GetString(b, 0, 8, raw: false)));
        BytesOps.Fill(b, 6, 2, 0x12E);
        Assert.Equal("abcdcd..", Text(BytesOps.GetString(b, 0, 8, raw: false)));
    }

    [Fact]
    public void ArrayBlitCopiesLikeVectorBlit()
    {
        HArray* v = Ints(1, 2, 3, 4, 5);
        ArrayOps.Blit(v, 0, v, 1, 4);
        Assert.Equal("[1,1,2,3,4]", Show(v));
        ArrayOps.Blit(v, 1, v, 0, 4);
        Assert.Equal("[1,2,3,4,4]", Show(v));
        HArray* floats = Floats(0, 0);
        ArrayOps.Blit(v, 3, floats, 0, 2); // another kind: element by element through boxes
        Assert.Equal("[4,4]", Show(floats));
        HArray* small = Ints(9);
        ArrayOps.Blit(v, 0, small, 1, 2); // past the end: grows, as the std's Array fallback does
        Assert.Equal("[9,1,2]", Show(small));
    }
}
