using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Std;

/// <summary>
/// Buffered stdout: UTF-8 in a native buffer, written with write(1, ...) when it fills and at exit.
/// The buffer is the program block's, which generated code also appends to (string literals), so
/// both keep one order. No System.Console (its start-up cost and size).
/// </summary>
public static unsafe class Output
{
    /// <summary>The capacity the side that writes first gives the buffer (the backend uses the same).</summary>
    public const int DefaultCapacity = 64 * 1024;

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
            OutputBuffer* o = Buffer();
            var status = Utf8.FromUtf16(chars, new Span<byte>(o->Data + o->Length, o->Capacity - o->Length),
                out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            o->Length += written;
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
            OutputBuffer* o = Buffer();
            int n = Math.Min(bytes.Length, o->Capacity - o->Length);
            bytes[..n].CopyTo(new Span<byte>(o->Data + o->Length, n));
            o->Length += n;
            bytes = bytes[n..];
            if (bytes.IsEmpty)
                return;
            Flush();
        }
    }

    /// <summary>Writes out everything buffered.</summary>
    public static void Flush()
    {
        OutputBuffer* o = &Rt.Program->Out;
        if (o->Length == 0)
            return;
        int n = o->Length;
        o->Length = 0;
        LibC.WriteStdout(new ReadOnlySpan<byte>(o->Data, n));
    }

    /// <summary>stdout's reader has gone (EPIPE): ends the process as killed by SIGPIPE, as a C program.</summary>
    public static void BrokenPipe() => LibC.BrokenPipe();

    /// <summary>What is buffered and not yet written (for tests).</summary>
    public static ReadOnlySpan<byte> Pending => new(Rt.Program->Out.Data, Rt.Program->Out.Length);

    /// <summary>Drops what is buffered (for tests).</summary>
    public static void Discard() => Rt.Program->Out.Length = 0;

    // Plain malloc memory (bytes, never GC pointers), never freed: the generated code allocates it
    // the same way when it writes first.
    private static OutputBuffer* Buffer()
    {
        OutputBuffer* o = &Rt.Program->Out;
        if (o->Data == null)
        {
            o->Data = (byte*)NativeMemory.Alloc(DefaultCapacity);
            o->Capacity = DefaultCapacity;
        }
        return o;
    }
}
