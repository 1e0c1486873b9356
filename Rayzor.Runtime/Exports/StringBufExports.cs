using System.Runtime.InteropServices;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// `StringBuf` (docs/abi.md).
public static unsafe class StringBufExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_sb_new")]
    public static HStringBuf* New() => StringBuilderOps.New();

    [UnmanagedCallersOnly(EntryPoint = "rz_sb_add")]
    public static void Add(HStringBuf* b, HString* s) => StringBuilderOps.Add(b, s);

    [UnmanagedCallersOnly(EntryPoint = "rz_sb_add_char")]
    public static void AddChar(HStringBuf* b, int c) => StringBuilderOps.AddChar(b, c);

    [UnmanagedCallersOnly(EntryPoint = "rz_sb_add_sub")]
    public static void AddSub(HStringBuf* b, HString* s, int pos, int len) => StringBuilderOps.AddSub(b, s, pos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_sb_to_string")]
    public static HString* ToStringExport(HStringBuf* b) => StringBuilderOps.ToHString(b);

    [UnmanagedCallersOnly(EntryPoint = "rz_sb_length")]
    public static int Length(HStringBuf* b) => b->Length;
}
