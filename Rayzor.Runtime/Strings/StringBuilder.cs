using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Strings;

/// `StringBuf` (docs/abi.md): `{ td (runtime-owned, class `StringBuf`), length, capacity, block }`;
/// the units live in `block`, atomic GC memory shaped like a String (16 header bytes, then
/// `capacity` units), so `toString` can hand the block over as the String itself.
public unsafe struct HStringBuf
{
    public void* Td;
    public int Length;
    /// <summary>Units the block holds; 0 once the block was handed over (the next add copies).</summary>
    public int Capacity;
    public HString* Block;
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

    private const int InitialCapacity = 16;
    /// <summary>toString copies shorter contents (cheap) and buffers less than 3/4 full (so a
    /// String never holds much more memory than its units).</summary>
    private const int HandOverMin = 64;

    public static HStringBuf* New()
    {
        var b = (HStringBuf*)Heap.Alloc((nuint)sizeof(HStringBuf));
        b->Td = Td;
        b->Capacity = InitialCapacity;
        b->Block = NewBlock(InitialCapacity);
        return b;
    }

    private static HString* NewBlock(int capacity) => (HString*)Heap.AllocAtomic((nuint)HString.CharsOffset + (nuint)capacity * sizeof(char));

    private static char* Chars(HStringBuf* b) => HString.Units(b->Block);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reserve(HStringBuf* b, int extra)
    {
        if (b == null) Fail.NullAccess();
        // (in 64 bits: near 2^31 units the sum would wrap and skip the growth)
        if ((long)b->Length + extra > b->Capacity) Grow(b, extra);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Grow(HStringBuf* b, int extra)
    {
        var need = Heap.Length((long)b->Length + extra);
        var cap = (int)Math.Max(need, Math.Min((long)Math.Max(b->Capacity, b->Length) * 2, Array.MaxLength));
        var grown = NewBlock(cap);
        Buffer.MemoryCopy(Chars(b), HString.Units(grown), (long)cap * sizeof(char), (long)b->Length * sizeof(char));
        b->Block = grown;
        b->Capacity = cap;
    }

    public static void Add(HStringBuf* b, HString* s)
    {
        if (s == null) s = StringOps.NullString;
        int n = s->Length;
        Reserve(b, n);
        HString.CopyUnits(HString.Units(s), Chars(b) + b->Length, n);
        b->Length += n;
    }

    public static void AddChar(HStringBuf* b, int code)
    {
        if (code >= 0x10000)
        {
            Reserve(b, 2);
            code -= 0x10000;
            Chars(b)[b->Length++] = (char)(0xD800 + (code >> 10));
            Chars(b)[b->Length++] = (char)(0xDC00 + (code & 0x3FF));
            return;
        }
        Reserve(b, 1);
        Chars(b)[b->Length++] = (char)code;
    }

    /// `addSub(s, pos, ?len)`: like `substr`.
    public static void AddSub(HStringBuf* b, HString* s, int pos, int len) => Add(b, StringMethods.Substr(s, pos, len));

    /// `toString()`: a full enough buffer becomes the String (no copy; the next add starts a new
    /// block), else a copy.
    public static HString* ToHString(HStringBuf* b)
    {
        if (b == null) Fail.NullAccess();
        int n = b->Length;
        if (b->Capacity == 0)
            return b->Block; // handed over already, nothing added since
        if (n >= HandOverMin && (long)n * 4 >= (long)b->Capacity * 3)
        {
            HString* s = b->Block;
            s->Td = Rt.Builtins->String;
            s->Length = n;
            s->Hash = 0;
            b->Capacity = 0;
            return s;
        }
        return HString.FromChars(new ReadOnlySpan<char>(Chars(b), n));
    }
}
