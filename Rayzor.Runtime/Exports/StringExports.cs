using System.Runtime.InteropServices;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for strings (docs/abi.md). Bools cross the C ABI as i32 0/1.</summary>
public static unsafe class StringExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_string_concat")]
    public static HString* Concat(HString* a, HString* b) => StringOps.Concat(a, b);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_from_int")]
    public static HString* FromInt(int value) => StringOps.FromInt(value);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_from_float")]
    public static HString* FromFloat(double value) => StringOps.FromFloat(value);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_from_bool")]
    public static HString* FromBool(int value) => StringOps.FromBool(value != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_string_equals")]
    public static int Equals(HString* a, HString* b) => StringOps.Equals(a, b) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_string_compare")]
    public static int Compare(HString* a, HString* b) => StringOps.Compare(a, b);
}
