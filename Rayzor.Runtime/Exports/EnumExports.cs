using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// Enum values: `{ td, int32 index (offset 8), arguments }`; an enum descriptor's table at
/// offset 40 holds the constructor names (docs/abi.md).
public static unsafe class EnumExports
{
    /// `Type.enumConstructor(e)`.
    [UnmanagedCallersOnly(EntryPoint = "rz_enum_name")]
    public static HString* Name(void* value) => EnumName(value);

    public static HString* EnumName(void* value)
    {
        if (value == null) return StringOps.NullString;
        var td = *(TypeDesc**)value;
        var index = *(int*)((byte*)value + 8);
        return ((HString**)td->Itable)[index];
    }

    /// `Math.random()`: a xorshift generator seeded from the clock.
    [UnmanagedCallersOnly(EntryPoint = "rz_math_random")]
    public static double Random() => NextDouble();

    /// `Std.random(x)`: an Int in [0, x), 0 when x <= 0 (as HashLink and hxcpp).
    [UnmanagedCallersOnly(EntryPoint = "rz_std_random")]
    public static int StdRandom(int x) => x <= 0 ? 0 : (int)(NextDouble() * x);

    private static double NextDouble()
    {
        if (s_state == 0) s_state = (ulong)Environment.TickCount64 * 0x9E3779B97F4A7C15UL | 1;
        s_state ^= s_state << 13;
        s_state ^= s_state >> 7;
        s_state ^= s_state << 17;
        return (s_state >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong s_state;
}
