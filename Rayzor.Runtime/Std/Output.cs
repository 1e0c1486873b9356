using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary>
/// Buffered stdout: UTF-8 in a native buffer, written with write(1, ...) when it fills and by
/// <c>rz_exit</c>. No System.Console (its start-up cost and size).
/// </summary>
public static unsafe class Output
{
    private const int Capacity = 64 * 1024;

    // Bytes, never GC pointers: fine in NativeMemory.
    private static byte* s_buffer;
    private static int s_length;

    /// <summary>Appends <paramref name="s"/> as UTF-8 (lone surrogates become U+FFFD); null prints "null".</summary>
    public static void Print(HString* s)
    {
        if (s == null)
        {
            Write("null"u8);
            return;
        }
        ReadOnlySpan<char> chars = HString.Chars(s);
        while (true)
        {
            byte* buffer = Buffer();
            var status = Utf8.FromUtf16(chars, new Span<byte>(buffer + s_length, Capacity - s_length),
                out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            s_length += written;
            if (status != OperationStatus.DestinationTooSmall)
                return;
            chars = chars[read..];
            Flush();
        }
    }

    /// <summary>Appends <paramref name="s"/> and a newline.</summary>
    public static void Println(HString* s)
    {
        Print(s);
        Write("\n"u8);
    }

    /// <summary>Appends raw UTF-8 bytes.</summary>
    public static void Write(ReadOnlySpan<byte> bytes)
    {
        while (true)
        {
            byte* buffer = Buffer();
            int n = Math.Min(bytes.Length, Capacity - s_length);
            bytes[..n].CopyTo(new Span<byte>(buffer + s_length, n));
            s_length += n;
            bytes = bytes[n..];
            if (bytes.IsEmpty)
                return;
            Flush();
        }
    }

    /// <summary>Writes out everything buffered.</summary>
    public static void Flush()
    {
        if (s_length == 0)
            return;
        int n = s_length;
        s_length = 0;
        LibC.WriteAll(1, new ReadOnlySpan<byte>(s_buffer, n));
    }

    /// <summary>What is buffered and not yet written (for tests).</summary>
    public static ReadOnlySpan<byte> Pending => new(s_buffer, s_length);

    /// <summary>Drops what is buffered (for tests).</summary>
    public static void Discard() => s_length = 0;

    private static byte* Buffer()
    {
        byte* b = s_buffer;
        if (b == null)
            s_buffer = b = (byte*)NativeMemory.Alloc(Capacity);
        return b;
    }
}
