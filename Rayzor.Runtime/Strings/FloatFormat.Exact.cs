using System.Numerics;

namespace Rayzor.Runtime.Strings;

public static partial class FloatFormat
{
    /// <summary>
    /// The general path: the first 15 decimal digits of mantissa * 2^exponent, computed exactly with
    /// big integers (num / den = value / 10^E, then one digit per step), rounded half-to-even on the
    /// exact remainder as glibc does.
    /// </summary>
    private static unsafe void ExactDigits(double magnitude, ulong mantissa, int exponent,
        out ulong digits, out int decimalExponent)
    {
        Big num = default, den = default, tmp;
        Big.Set(&num, mantissa);
        Big.Set(&den, 1);
        if (exponent > 0)
            Big.ShiftLeft(&num, exponent);
        else
            Big.ShiftLeft(&den, -exponent);

        int e = (int)Math.Floor(Math.Log10(magnitude));
        if (e >= 0)
            Big.MulPow10(&den, e);
        else
            Big.MulPow10(&num, -e);

        // The estimate may be one off near powers of ten: bring num / den into [1, 10).
        if (Big.Compare(&num, &den) < 0)
        {
            Big.MulSmall(&num, 10);
            e--;
        }
        else
        {
            tmp = den;
            Big.MulSmall(&tmp, 10);
            if (Big.Compare(&num, &tmp) >= 0)
            {
                den = tmp;
                e++;
            }
        }

        // Normalize so the divisor's top limb has its high bit set: the quotient estimate from the
        // top limbs is then at most one or two too small.
        int shift = BitOperations.LeadingZeroCount(den.Limbs[den.Length - 1]);
        Big.ShiftLeft(&num, shift);
        Big.ShiftLeft(&den, shift);
        int n = den.Length;
        ulong divisorTop = (ulong)den.Limbs[n - 1] + 1;

        ulong result = 0;
        for (int i = 0; i < Precision; i++)
        {
            ulong numTop = num.Length > n ? ((ulong)num.Limbs[n] << 32) | num.Limbs[n - 1]
                         : num.Length == n ? num.Limbs[n - 1] : 0;
            uint q = (uint)(numTop / divisorTop);
            if (q != 0)
                Big.SubMul(&num, &den, q);
            while (Big.Compare(&num, &den) >= 0)
            {
                Big.SubMul(&num, &den, 1);
                q++;
            }
            result = result * 10 + q;
            if (i < Precision - 1)
                Big.MulSmall(&num, 10);
        }

        // Round on the exact remainder: compare 2 * num with den.
        Big.ShiftLeft(&num, 1);
        int c = Big.Compare(&num, &den);
        if (c > 0 || (c == 0 && (result & 1) != 0))
            result++;
        if (result == Pow10Precision)
        {
            result = Pow10PrecisionMinus1;
            e++;
        }
        digits = result;
        decimalExponent = e;
    }

    /// <summary>An unsigned big integer on the stack, little-endian 32-bit limbs, no leading zeros.</summary>
    private unsafe struct Big
    {
        // 2^1074 and 10^324 take 34 limbs; +1 for normalization, +1 for the times-ten headroom.
        private const int Capacity = 40;

        public int Length;
        public fixed uint Limbs[Capacity];

        public static void Set(Big* b, ulong v)
        {
            b->Limbs[0] = (uint)v;
            b->Limbs[1] = (uint)(v >> 32);
            b->Length = v >> 32 != 0 ? 2 : v != 0 ? 1 : 0;
        }

        public static void ShiftLeft(Big* b, int bits)
        {
            if (b->Length == 0 || bits == 0)
                return;
            int limbShift = bits >> 5, bitShift = bits & 31;
            uint* l = b->Limbs;
            int len = b->Length;
            if (bitShift == 0)
            {
                for (int i = len - 1; i >= 0; i--)
                    l[i + limbShift] = l[i];
            }
            else
            {
                l[len + limbShift] = 0;
                for (int i = len - 1; i >= 0; i--)
                {
                    l[i + limbShift + 1] |= l[i] >> (32 - bitShift);
                    l[i + limbShift] = l[i] << bitShift;
                }
            }
            for (int i = 0; i < limbShift; i++)
                l[i] = 0;
            int newLen = len + limbShift + 1;
            while (newLen > 0 && l[newLen - 1] == 0)
                newLen--;
            b->Length = newLen;
        }

        public static void MulSmall(Big* b, uint factor)
        {
            ulong carry = 0;
            uint* l = b->Limbs;
            for (int i = 0; i < b->Length; i++)
            {
                ulong p = (ulong)l[i] * factor + carry;
                l[i] = (uint)p;
                carry = p >> 32;
            }
            if (carry != 0)
                l[b->Length++] = (uint)carry;
        }

        public static void MulPow10(Big* b, int power)
        {
            for (; power >= 9; power -= 9)
                MulSmall(b, 1_000_000_000);
            uint f = 1;
            for (; power > 0; power--)
                f *= 10;
            if (f != 1)
                MulSmall(b, f);
        }

        public static int Compare(Big* a, Big* b)
        {
            if (a->Length != b->Length)
                return a->Length < b->Length ? -1 : 1;
            for (int i = a->Length - 1; i >= 0; i--)
            {
                if (a->Limbs[i] != b->Limbs[i])
                    return a->Limbs[i] < b->Limbs[i] ? -1 : 1;
            }
            return 0;
        }

        /// <summary>a -= b * q; the caller guarantees the result is not negative.</summary>
        public static void SubMul(Big* a, Big* b, uint q)
        {
            ulong carry = 0;
            long borrow = 0;
            uint* al = a->Limbs;
            uint* bl = b->Limbs;
            int len = a->Length;
            for (int i = 0; i < len; i++)
            {
                ulong p = (i < b->Length ? (ulong)bl[i] * q : 0) + carry;
                carry = p >> 32;
                long diff = (long)al[i] - (uint)p + borrow;
                al[i] = (uint)diff;
                borrow = diff >> 32; // 0 or -1
            }
            while (len > 0 && al[len - 1] == 0)
                len--;
            a->Length = len;
        }
    }
}
