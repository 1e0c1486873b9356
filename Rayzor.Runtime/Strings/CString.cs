using Rayzor.Runtime.Memory;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace Rayzor.Runtime.Strings;

/// <summary>
/// A NUL-terminated UTF-8 copy of a string in NativeMemory, for libc calls; freed by Dispose.
/// Lone surrogates become U+FFFD, and an embedded NUL ends the C string early, as in C.
/// </summary>
internal readonly unsafe ref struct CString
{
    public byte* Ptr { get; }

    public CString(HString* s) : this(HString.Chars(s)) { }

    public CString(ReadOnlySpan<char> chars)
    {
        int max = Heap.Length((long)chars.Length * 3 + 1);
        Ptr = (byte*)NativeMemory.Alloc((nuint)max);
        Utf8.FromUtf16(chars, new Span<byte>(Ptr, max - 1), out _, out int written, replaceInvalidSequences: true);
        Ptr[written] = 0;
    }

    public void Dispose() => NativeMemory.Free(Ptr);
}
