using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Regex;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points of <c>EReg</c> (docs/abi.md, EReg); bound by <c>@:rzNative</c> in _std/rayzor/RegexNatives.hx.</summary>
public static unsafe class RegexExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_regex_compile")]
    public static HString* Compile(HString* pattern, HString* options) => RegexOps.Compile(pattern, options);

    [UnmanagedCallersOnly(EntryPoint = "rz_regex_groups")]
    public static int Groups(HString* code) => RegexOps.Groups(code);

    [UnmanagedCallersOnly(EntryPoint = "rz_regex_exec")]
    public static int Exec(HString* code, HString* s, int pos, int len, HArray* caps) =>
        RegexOps.Exec(code, s, pos, len, caps) ? 1 : 0;
}
