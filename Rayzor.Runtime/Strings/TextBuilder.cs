using System.Buffers;

namespace Rayzor.Runtime.Strings;

/// <summary>
/// A growable UTF-16 buffer for building one string (join, toString): a stack buffer first, then
/// pooled managed arrays. It holds characters only, never GC-heap pointers, so managed memory is fine.
/// </summary>
internal unsafe ref struct TextBuilder
{
    private char[]? _rented;
    private Span<char> _chars;
    private int _length;

    public TextBuilder(Span<char> initial)
    {
        _rented = null;
        _chars = initial;
        _length = 0;
    }

    public void Append(char c)
    {
        if (_length == _chars.Length)
            Grow(1);
        _chars[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length - _length)
            Grow(text.Length);
        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    public void Append(HString* s) => Append(s == null ? "null" : HString.Chars(s));

    /// <summary>Appends <c>Std.string(Int)</c>.</summary>
    public void AppendInt(int value)
    {
        Span<char> buffer = stackalloc char[11];
        Append(buffer[StringOps.FormatInt(value, buffer)..]);
    }

    /// <summary>Appends <c>Std.string(Float)</c> (<see cref="FloatFormat"/>).</summary>
    public void AppendFloat(double value)
    {
        Span<char> buffer = stackalloc char[FloatFormat.MaxLength];
        Append(buffer[..FloatFormat.Format(value, buffer)]);
    }

    public void AppendBool(bool value) => Append(value ? "true" : "false");

    /// <summary>What was appended so far (valid until the next append).</summary>
    public readonly ReadOnlySpan<char> Written => _chars[.._length];

    /// <summary>A new runtime string holding what was appended; releases the buffer.</summary>
    public HString* ToHString()
    {
        HString* s = _length == 0 ? StringOps.Empty : HString.FromChars(_chars[.._length]);
        Dispose();
        return s;
    }

    public void Dispose()
    {
        char[]? rented = _rented;
        _rented = null;
        _chars = default;
        _length = 0;
        if (rented != null)
            ArrayPool<char>.Shared.Return(rented);
    }

    private void Grow(int extra)
    {
        long needed = (long)_length + extra;
        if (needed > int.MaxValue / 2)
            Std.Rt.Fatal("string too long"u8);
        char[] bigger = ArrayPool<char>.Shared.Rent((int)Math.Max(needed, Math.Max(_chars.Length * 2L, 256)));
        _chars[.._length].CopyTo(bigger);
        char[]? old = _rented;
        _rented = bigger;
        _chars = bigger;
        if (old != null)
            ArrayPool<char>.Shared.Return(old);
    }
}
