using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for Std.string, printing and boxing (docs/abi.md).</summary>
public static unsafe class StdExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_std_string")]
    public static HString* StdStringOf(void* value) => StdString.ToString(value);

    [UnmanagedCallersOnly(EntryPoint = "rz_print")]
    public static void Print(HString* s) => Output.Print(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_println")]
    public static void Println(HString* s) => Output.Println(s);

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_args")]
    public static HArray* SysArgs() => Rt.Args();

    [UnmanagedCallersOnly(EntryPoint = "rz_box_int")]
    public static void* BoxInt(int value) => Boxing.BoxInt(value);

    [UnmanagedCallersOnly(EntryPoint = "rz_box_float")]
    public static void* BoxFloat(double value) => Boxing.BoxFloat(value);

    [UnmanagedCallersOnly(EntryPoint = "rz_box_bool")]
    public static void* BoxBool(int value) => Boxing.BoxBool(value != 0);
}
