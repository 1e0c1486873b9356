using System.Runtime.CompilerServices;

namespace Rayzor.Runtime.Strings;

/// <summary>
/// <c>Std.string(Float)</c>: exactly C's <c>printf("%.15g")</c> as glibc prints it (the exact binary
/// value rounded half-to-even to 15 significant digits, trailing zeros stripped, exponent form below
/// 1e-4 and from 1e15 with at least two exponent digits), except <c>NaN</c> for every NaN.
/// </summary>
public static partial class FloatFormat
{
    /// <summary>Enough room for any result ("-1.23456789012346e-308" is 22).</summary>
    public const int MaxLength = 24;

    private const int Precision = 15;
    private const ulong Pow10Precision = 1_000_000_000_000_000; // 10^15
    private const ulong Pow10PrecisionMinus1 = 100_000_000_000_000; // 10^14

    /// <summary>Writes <paramref name="value"/> into <paramref name="dest"/> (at least
    /// <see cref="MaxLength"/> long) and returns the number of chars written.</summary>
    public static int Format(double value, Span<char> dest)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        bool negative = (long)bits < 0;
        int biasedExponent = (int)(bits >> 52) & 0x7FF;
        ulong fraction = bits & 0xF_FFFF_FFFF_FFFF;

        int pos = 0;
        if (biasedExponent == 0x7FF)
        {
            if (fraction != 0)
                return Write(dest, 0, "NaN");
            if (negative)
                dest[pos++] = '-';
            return Write(dest, pos, "inf");
        }
        if (negative)
            dest[pos++] = '-';
        if (biasedExponent == 0 && fraction == 0)
        {
            dest[pos++] = '0';
            return pos;
        }

        // value = mantissa * 2^exponent exactly
        ulong mantissa = biasedExponent == 0 ? fraction : fraction | (1UL << 52);
        int exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075;

        ulong digits; // 15 significant digits: 10^14 <= digits < 10^15
        int decimalExponent; // value = digits * 10^(decimalExponent - 14), rounded
        if (!TryIntegerDigits(mantissa, exponent, out digits, out decimalExponent))
            ExactDigits(Math.Abs(value), mantissa, exponent, out digits, out decimalExponent);
        return WriteG(dest, pos, digits, decimalExponent);
    }

    /// <summary>Fast exact path for whole numbers below 2^64.</summary>
    private static bool TryIntegerDigits(ulong mantissa, int exponent, out ulong digits, out int decimalExponent)
    {
        digits = 0;
        decimalExponent = 0;
        ulong n;
        if (exponent >= 0)
        {
            if (exponent > 63 - 52) // a normal mantissa has 53 bits
                return false;
            n = mantissa << exponent;
        }
        else
        {
            if (exponent < -52 || (mantissa & ((1UL << -exponent) - 1)) != 0)
                return false;
            n = mantissa >> -exponent;
        }

        int count = DigitCount(n);
        decimalExponent = count - 1;
        if (count <= Precision)
        {
            digits = n * Pow10(Precision - count);
            return true;
        }
        ulong divisor = Pow10(count - Precision);
        digits = n / divisor;
        ulong remainder = n - digits * divisor;
        ulong half = divisor / 2; // divisor is even
        if (remainder > half || (remainder == half && (digits & 1) != 0))
            digits++;
        if (digits == Pow10Precision)
        {
            digits = Pow10PrecisionMinus1;
            decimalExponent++;
        }
        return true;
    }

    /// <summary>
    /// Lays out 15 digits the way %g does: fixed notation when -4 &lt;= exponent &lt; 15, otherwise
    /// d.ddde±XX; trailing zeros of the fraction and a bare point are dropped.
    /// </summary>
    private static int WriteG(Span<char> dest, int pos, ulong digits, int decimalExponent)
    {
        Span<char> d = stackalloc char[Precision];
        for (int i = Precision - 1; i >= 0; i--)
        {
            d[i] = (char)('0' + (int)(digits % 10));
            digits /= 10;
        }
        int significant = Precision;
        while (significant > 1 && d[significant - 1] == '0')
            significant--;

        if (decimalExponent < -4 || decimalExponent >= Precision)
        {
            dest[pos++] = d[0];
            if (significant > 1)
            {
                dest[pos++] = '.';
                for (int i = 1; i < significant; i++)
                    dest[pos++] = d[i];
            }
            dest[pos++] = 'e';
            int e = decimalExponent;
            dest[pos++] = e < 0 ? '-' : '+';
            if (e < 0)
                e = -e;
            if (e >= 100)
                dest[pos++] = (char)('0' + e / 100);
            dest[pos++] = (char)('0' + e / 10 % 10);
            dest[pos++] = (char)('0' + e % 10);
            return pos;
        }

        if (decimalExponent < 0)
        {
            dest[pos++] = '0';
            dest[pos++] = '.';
            for (int i = -1; i > decimalExponent; i--)
                dest[pos++] = '0';
            for (int i = 0; i < significant; i++)
                dest[pos++] = d[i];
            return pos;
        }

        int integerDigits = decimalExponent + 1;
        for (int i = 0; i < integerDigits; i++)
            dest[pos++] = d[i];
        if (significant > integerDigits)
        {
            dest[pos++] = '.';
            for (int i = integerDigits; i < significant; i++)
                dest[pos++] = d[i];
        }
        return pos;
    }

    private static int Write(Span<char> dest, int pos, string text)
    {
        text.CopyTo(dest[pos..]);
        return pos + text.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pow10(int n)
    {
        ulong r = 1;
        while (n-- > 0)
            r *= 10;
        return r;
    }

    private static int DigitCount(ulong n)
    {
        int count = 1;
        while (n >= 10)
        {
            n /= 10;
            count++;
        }
        return count;
    }
}
