using System.Runtime.InteropServices;
using Rayzor.Runtime.Dynamic;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// Calls and comparisons of Dynamic values (docs/abi.md): numbers by value, strings by content, other
/// values by identity; ordering of non-numbers and non-strings is by address (unspecified in Haxe).
public static unsafe class DynamicExports
{
    private static bool IsNumber(void* v) => Reflection.KindOf(v) is TypeKind.Int or TypeKind.Float;

    private static bool IsString(void* v) => Reflection.KindOf(v) == TypeKind.String;

    /// <summary>The adapter the generated code calls as <c>adapter(f, args)</c> (docs/abi.md "Dynamic calls"); throws when <c>f</c> is not a function.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_entry")]
    public static void* Entry(void* f) => DynCall.Entry(f);

    /// <summary>A Dynamic used where a String is expected: a String or null as is, any other value
    /// as <c>Std.string</c> gives it (what hxcpp's Dynamic-to-String conversion does), so a boxed
    /// number never reaches code that reads it as a String.</summary>
    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_to_string")]
    public static HString* ToStringValue(void* v) => v == null || IsString(v) ? (HString*)v : StdString.ToString(v);

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_equals")]
    public static int EqualsExport(void* a, void* b) => DynEquals(a, b) ? 1 : 0;

    public static bool DynEquals(void* a, void* b)
    {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (IsNumber(a) && IsNumber(b)) return Unboxing.UnboxFloat(a) == Unboxing.UnboxFloat(b);
        if (IsString(a) && IsString(b)) return StringOps.Equals((HString*)a, (HString*)b);
        if (Reflection.KindOf(a) == TypeKind.Bool && Reflection.KindOf(b) == TypeKind.Bool) return Unboxing.UnboxBool(a) == Unboxing.UnboxBool(b);
        return false;
    }

    /// `a op b` on Dynamic values (op: 0 +, 1 -, 2 *, 3 /, 4 %): Int results stay Int except `/`;
    /// `+` with a String concatenates.
    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_arith")]
    public static void* Arith(int op, void* a, void* b)
    {
        if (op == 0 && (IsString(a) || IsString(b)))
            return StringOps.Concat(StdString.ToString(a), StdString.ToString(b));
        var ints = Reflection.KindOf(a) == TypeKind.Int && Reflection.KindOf(b) == TypeKind.Int;
        if (ints && op != 3)
        {
            int x = Unboxing.UnboxInt(a), y = Unboxing.UnboxInt(b);
            return Boxing.BoxInt(op switch { 0 => x + y, 1 => x - y, 2 => x * y, _ => y == 0 || y == -1 ? 0 : x % y });
        }
        double fx = Unboxing.UnboxFloat(a), fy = Unboxing.UnboxFloat(b);
        return Boxing.BoxFloat(op switch { 0 => fx + fy, 1 => fx - fy, 2 => fx * fy, 3 => fx / fy, _ => fx % fy });
    }

    [UnmanagedCallersOnly(EntryPoint = "rz_dyn_compare")]
    public static int Compare(void* a, void* b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            double x = Unboxing.UnboxFloat(a), y = Unboxing.UnboxFloat(b);
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (IsString(a) && IsString(b)) return StringOps.Compare((HString*)a, (HString*)b);
        return ((nint)a).CompareTo((nint)b);
    }
}
