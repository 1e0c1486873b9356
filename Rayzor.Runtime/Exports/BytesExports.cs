using System.Runtime.InteropServices;
using Rayzor.Runtime.Bytes;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points for <c>haxe.io.Bytes</c> (docs/abi.md, Bytes).</summary>
public static unsafe class BytesExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_bytes_alloc")]
    public static HBytes* Alloc(TypeDesc* td, int length) => BytesOps.Alloc(td, length);

    [UnmanagedCallersOnly(EntryPoint = "rz_bytes_of_string")]
    public static HBytes* OfString(TypeDesc* td, HString* s, int raw) => BytesOps.OfString(td, s, raw != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_bytes_get_string")]
    public static HString* GetString(HBytes* b, int pos, int len, int raw) => BytesOps.GetString(b, pos, len, raw != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_bytes_blit")]
    public static void Blit(HBytes* dst, int dstPos, HBytes* src, int srcPos, int len) => BytesOps.Blit(dst, dstPos, src, srcPos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_bytes_fill")]
    public static void Fill(HBytes* b, int pos, int len, int value) => BytesOps.Fill(b, pos, len, value);
}
