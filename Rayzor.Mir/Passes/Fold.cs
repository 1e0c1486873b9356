using Rayzor.Mir.Ir;

namespace Rayzor.Mir.Passes;

/// Evaluates pure operations on constants exactly as the backend and the interpreter do (see the
/// opcode table's docs): Int wraps at 32 bits, shift counts are masked to 0..31, `irem` by 0 or -1
/// is 0, Float operations are IEEE double, `ftoi` truncates and saturates (NaN gives 0). Constants
/// travel as 64 bits: an Int sign-extended, a Float's bit pattern, a Bool 0/1, null 0. Null (no
/// answer) where the result is not certain.
public static class Fold
{
    public static long? Unary(Opcode op, long a) => op switch
    {
        Opcode.INeg => unchecked(-(int)a),
        Opcode.INot => ~(int)a,
        Opcode.BNot => a == 0 ? 1 : 0,
        Opcode.FNeg => F(-D(a)),
        Opcode.FSqrt => F(Math.Sqrt(D(a))),
        Opcode.FFloor => F(Math.Floor(D(a))),
        Opcode.FCeil => F(Math.Ceiling(D(a))),
        Opcode.FAbs => F(Math.Abs(D(a))),
        Opcode.IToF => F((int)a),
        Opcode.FToI => FloatToInt(D(a)),
        _ => null,
    };

    public static long? Binary(Opcode op, long x, long y, Cond cond)
    {
        int a = (int)x, b = (int)y;
        double p = D(x), q = D(y);
        return op switch
        {
            Opcode.IAdd => unchecked(a + b),
            Opcode.ISub => unchecked(a - b),
            Opcode.IMul => unchecked(a * b),
            Opcode.IRem => b is 0 or -1 ? 0 : a % b,
            Opcode.IAnd => a & b,
            Opcode.IOr => a | b,
            Opcode.IXor => a ^ b,
            Opcode.IShl => a << (b & 31),
            Opcode.IShr => a >> (b & 31),
            Opcode.IUShr => (int)((uint)a >> (b & 31)),
            Opcode.FAdd => F(p + q),
            Opcode.FSub => F(p - q),
            Opcode.FMul => F(p * q),
            Opcode.FDiv => F(p / q),
            // C fmod is exact; so is .NET's double remainder, which computes it
            Opcode.FRem => F(p % q),
            Opcode.FMin => MinMax(p, q, max: false),
            Opcode.FMax => MinMax(p, q, max: true),
            Opcode.ICmp => B(cond switch { Cond.Eq => a == b, Cond.Ne => a != b, Cond.Lt => a < b, Cond.Le => a <= b, Cond.Gt => a > b, _ => a >= b }),
            // ordered compares: false with NaN, except ne
            Opcode.FCmp => B(cond switch { Cond.Eq => p == q, Cond.Ne => p != q, Cond.Lt => p < q, Cond.Le => p <= q, Cond.Gt => p > q, _ => p >= q }),
            Opcode.PCmp => cond switch { Cond.Eq => B(x == y), Cond.Ne => B(x != y), _ => null },
            _ => null,
        };
    }

    /// Saturating truncation (LLVM's fptosi.sat).
    private static long FloatToInt(double d) =>
        double.IsNaN(d) ? 0 : d >= 2147483648.0 ? int.MaxValue : d <= -2147483649.0 ? int.MinValue : (int)Math.Truncate(d);

    /// Math.min/max with NaN propagating (llvm.minimum/maximum). Two zeros of different signs are
    /// left alone (-0 orders below +0 there; not worth relying on).
    private static long? MinMax(double p, double q, bool max)
    {
        if (double.IsNaN(p) || double.IsNaN(q)) return F(double.NaN);
        if (p == q) return F(p) == F(q) ? F(p) : null;
        return F(max ? Math.Max(p, q) : Math.Min(p, q));
    }

    public static double D(long bits) => BitConverter.Int64BitsToDouble(bits);

    public static long F(double d) => BitConverter.DoubleToInt64Bits(d);

    private static long B(bool b) => b ? 1 : 0;
}
