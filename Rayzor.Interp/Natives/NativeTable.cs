namespace Rayzor.Interp.Natives;

/// <summary>
/// Natives by C symbol: every runtime export (NativeTable.g.cs, generated from
/// Rayzor.Runtime/Exports) and the libm functions the lowering calls. A wrapper takes its
/// arguments as 64-bit slots (Int sign-extended, Bool 0/1, Float by its bits) and returns its result
/// the same way.
/// </summary>
internal static unsafe partial class NativeTable
{
    /// <summary>One native: its symbol and its wrapper.</summary>
    private readonly struct Entry(string name, delegate*<long*, long> fn)
    {
        public readonly string Name = name;
        public readonly delegate*<long*, long> Fn = fn;
    }

    private static readonly Entry[] LibM =
    [
        new("sin", &Sin), new("cos", &Cos), new("tan", &Tan), new("asin", &Asin), new("acos", &Acos), new("atan", &Atan),
        new("exp", &Exp), new("log", &Log), new("pow", &Pow), new("atan2", &Atan2),
    ];

    private static double F(long* a, int i) => ((double*)a)[i];
    private static long R(double d) => BitConverter.DoubleToInt64Bits(d);
    private static long Sin(long* a) => R(Math.Sin(F(a, 0)));
    private static long Cos(long* a) => R(Math.Cos(F(a, 0)));
    private static long Tan(long* a) => R(Math.Tan(F(a, 0)));
    private static long Asin(long* a) => R(Math.Asin(F(a, 0)));
    private static long Acos(long* a) => R(Math.Acos(F(a, 0)));
    private static long Atan(long* a) => R(Math.Atan(F(a, 0)));
    private static long Exp(long* a) => R(Math.Exp(F(a, 0)));
    private static long Log(long* a) => R(Math.Log(F(a, 0)));
    private static long Pow(long* a) => R(Math.Pow(F(a, 0), F(a, 1)));
    private static long Atan2(long* a) => R(Math.Atan2(F(a, 0), F(a, 1)));

    private static readonly Dictionary<string, int> s_index = new();
    private static readonly List<string> s_missing = [];

    /// <summary>The wrappers by index (<see cref="IndexOf"/>).</summary>
    public static readonly nint[] Functions;

    // in the constructor: the tables of the partial declarations are all initialized by then
    static NativeTable()
    {
        var all = Exports.Concat(LibM).ToArray();
        Functions = new nint[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            s_index[all[i].Name] = i;
            Functions[i] = (nint)all[i].Fn;
        }
    }

    /// <summary>The index of a native's wrapper, or -1 when the interpreter has none.</summary>
    public static int IndexOf(string name) => s_index.GetValueOrDefault(name, -1);

    /// <summary>An index for a native without a wrapper, for the error raised when it is called.</summary>
    public static int MissingName(string name)
    {
        s_missing.Add(name);
        return s_missing.Count - 1;
    }

    public static string Missing(int index) => s_missing[index];
}
