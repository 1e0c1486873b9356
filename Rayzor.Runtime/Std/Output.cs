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

    /// <summary>The buffer and how much of it is filled, in NativeMemory so that the native fault
    /// handlers (Native/faults.c, through <c>rz_output_state</c>) can write it out before the
    /// process ends on a stack overflow or out of memory.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct State
    {
        public byte* Buffer;
        public int Length;
    }

    // Bytes, never GC pointers: fine in NativeMemory.
    private static State* s_state;

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
            State* st = Current;
            var status = Utf8.FromUtf16(chars, new Span<byte>(st->Buffer + st->Length, Capacity - st->Length),
                out int read, out int written, replaceInvalidSequences: true, isFinalBlock: true);
            st->Length += written;
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
            State* st = Current;
            int n = Math.Min(bytes.Length, Capacity - st->Length);
            bytes[..n].CopyTo(new Span<byte>(st->Buffer + st->Length, n));
            st->Length += n;
            bytes = bytes[n..];
            if (bytes.IsEmpty)
                return;
            Flush();
        }
    }

    /// <summary>Writes out everything buffered.</summary>
    public static void Flush()
    {
        State* st = s_state;
        if (st == null || st->Length == 0)
            return;
        int n = st->Length;
        st->Length = 0;
        LibC.WriteStdout(new ReadOnlySpan<byte>(st->Buffer, n));
    }

    /// <summary>What is buffered and not yet written (for tests).</summary>
    public static ReadOnlySpan<byte> Pending => s_state == null ? default : new(s_state->Buffer, s_state->Length);

    /// <summary>Drops what is buffered (for tests).</summary>
    public static void Discard()
    {
        if (s_state != null)
            s_state->Length = 0;
    }

    /// <summary>The buffer's state, allocated on first use (<c>rz_output_state</c>).</summary>
    public static State* Current
    {
        get
        {
            State* st = s_state;
            if (st == null)
            {
                st = (State*)NativeMemory.AllocZeroed((nuint)sizeof(State));
                st->Buffer = (byte*)NativeMemory.Alloc(Capacity);
                s_state = st;
            }
            return st;
        }
    }
}
