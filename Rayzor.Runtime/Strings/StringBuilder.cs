using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Strings;

/// `StringBuf`: `{ td (runtime-owned, class `StringBuf`), length, capacity, chars }` with the UTF-16 units in atomic GC memory.
public unsafe struct HStringBuf
{
    public void* Td;
    public int Length;
    public int Capacity;
    public char* Chars;
}

public static unsafe class StringBuilderOps
{
    // runtime-owned descriptor: NativeMemory, never collected (docs/abi.md)
    private static TypeDesc* s_td;

    /// <summary>The descriptor of StringBuf instances: a class named <c>StringBuf</c> that prints
    /// its contents, whose members by name are the program's table (docs/abi.md "Members by name").</summary>
    private static TypeDesc* Td
    {
        get
        {
            if (s_td != null) return s_td;
            var td = RuntimeTypes.Make(TypeKind.Class, sizeof(HStringBuf), "StringBuf"u8);
            td->ToStringFn = &ToStringFn;
            td->Fields = Rt.Builtins->StringBufMembers;
            return s_td = td;
        }
    }

    [UnmanagedCallersOnly]
    private static void* ToStringFn(void* b) => ToHString((HStringBuf*)b);

    public static HStringBuf* New()
    {
        var b = (HStringBuf*)Heap.Alloc((nuint)sizeof(HStringBuf));
        b->Td = Td;
        b->Capacity = 16;
        b->Chars = (char*)Heap.AllocAtomic(16 * sizeof(char));
        return b;
    }

    private static void Reserve(HStringBuf* b, int extra)
    {
        if (b == null) Fail.NullAccess();
        var need = b->Length + extra;
        if (need <= b->Capacity) return;
        var cap = Math.Max(need, b->Capacity * 2);
        var grown = (char*)Heap.AllocAtomic((nuint)cap * sizeof(char));
        Buffer.MemoryCopy(b->Chars, grown, (long)cap * sizeof(char), (long)b->Length * sizeof(char));
        b->Chars = grown;
        b->Capacity = cap;
    }

    public static void Add(HStringBuf* b, HString* s)
    {
        if (s == null) s = StringOps.NullString;
        fixed (char* p = HString.Chars(s)) AddChars(b, p, s->Length);
    }

    private static void AddChars(HStringBuf* b, char* chars, int n)
    {
        Reserve(b, n);
        Buffer.MemoryCopy(chars, b->Chars + b->Length, (long)n * sizeof(char), (long)n * sizeof(char));
        b->Length += n;
    }

    public static void AddChar(HStringBuf* b, int code)
    {
        if (code >= 0x10000)
        {
            Reserve(b, 2);
            code -= 0x10000;
            b->Chars[b->Length++] = (char)(0xD800 + (code >> 10));
            b->Chars[b->Length++] = (char)(0xDC00 + (code & 0x3FF));
            return;
        }
        Reserve(b, 1);
        b->Chars[b->Length++] = (char)code;
    }

    /// `addSub(s, pos, ?len)`: like `substr`.
    public static void AddSub(HStringBuf* b, HString* s, int pos, int len) => Add(b, StringMethods.Substr(s, pos, len));

    public static HString* ToHString(HStringBuf* b)
    {
        if (b == null) Fail.NullAccess();
        return HString.FromChars(new ReadOnlySpan<char>(b->Chars, b->Length));
    }
}
