using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>Descriptors owned by the runtime (maps, StringBuf, built-in methods): NativeMemory, never collected.</summary>
public static unsafe class RuntimeTypes
{
    /// <summary>A zeroed descriptor of <paramref name="kind"/> named <paramref name="name"/> (UTF-8).</summary>
    public static TypeDesc* Make(int kind, int size, ReadOnlySpan<byte> name)
    {
        var td = (TypeDesc*)NativeMemory.AllocZeroed((nuint)sizeof(TypeDesc) + 8);
        var n = (byte*)NativeMemory.AllocZeroed((nuint)name.Length + 1);
        name.CopyTo(new Span<byte>(n, name.Length));
        td->Kind = kind;
        td->Size = size;
        td->Name = n;
        return td;
    }
}
