using System.Runtime.InteropServices;
using Rayzor.Runtime.Memory;

namespace Rayzor.Runtime.Maps;

/// <summary>How a map stores its keys (<c>RZ_KEY_*</c> in docs/abi.md).</summary>
public static class KeyKind
{
    /// <summary>Pointers: strings by content, boxed numbers by value, enum values by constructor and
    /// arguments (bitwise), anything else by identity.</summary>
    public const int Ptr = 0;
    /// <summary>Int keys, unboxed.</summary>
    public const int I32 = 1;
    /// <summary>At creation only: String keys, stored as <see cref="Ptr"/> (the map is a <c>haxe.ds.StringMap</c>).</summary>
    public const int String = 2;
    /// <summary>At creation only: enum keys, stored as <see cref="Ptr"/> (the map is a <c>haxe.ds.EnumValueMap</c>).</summary>
    public const int Enum = 3;
}

/// <summary>
/// One slot of a map's entry table: key and value each in 8 bytes (an Int in the low 4 bytes, a
/// Float as its bits, a Bool as 0/1, or a pointer), the key's hash, the next entry of the same
/// bucket (index + 1, 0 = end) and whether the entry is live (removed entries stay as holes until
/// the table is rebuilt, so iteration by index survives removals).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MapEntry
{
    public long Key;
    public long Value;
    public int Hash;
    public int Next;
    public int Alive;
    public int Reserved;
}

/// <summary>
/// A pointer key's image beside its entry: a String key of up to <see cref="MaxUnits"/> code units
/// as its units (zero-padded) then its length; any other key as <see cref="Opaque"/>. Two images of
/// short strings are equal exactly when the strings are, so a lookup of a short String key compares
/// images and never reads the stored key (another cache miss, after the entry's).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct KeyImage
{
    public const int MaxUnits = 15;
    /// <summary>The image of a key that is not a short String (its last unit is no length).</summary>
    public static KeyImage Opaque => new() { W3 = 0xFFFFUL << 48 };

    /// <summary>Units 0-3, 4-7, 8-11, then 12-14 and the length in the top 16 bits.</summary>
    public ulong W0, W1, W2, W3;

    public readonly bool SameAs(in KeyImage o) => ((W0 ^ o.W0) | (W1 ^ o.W1) | (W2 ^ o.W2) | (W3 ^ o.W3)) == 0;
}

/// <summary>
/// A Haxe <c>Map</c> (64 bytes, GC_malloc): a hash table with chaining whose entries are kept in
/// insertion order in <see cref="Entries"/>. Buckets hold entry index + 1 (0 = empty).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HMap
{
    public TypeDesc* Td;
    /// <summary>Live entries.</summary>
    public int Count;
    /// <summary>Entry slots used, live or removed.</summary>
    public int Used;
    /// <summary>Entry slots allocated (a power of two, or 0); the bucket count equals it.</summary>
    public int Capacity;
    public int KeyKind;
    /// <summary>An <c>RZ_ELEM_*</c> kind.</summary>
    public int ValueKind;
    /// <summary>Index + 1 of the entry found or added last, 0 = none; with <see cref="LastKey"/>, a
    /// lookup cache (keys are immutable values or compared by identity, and entries move only when
    /// the table is rebuilt or cleared, which reset it).</summary>
    public int LastFound;
    /// <summary>GC_malloc_atomic, <see cref="Capacity"/> ints.</summary>
    public int* Buckets;
    /// <summary>GC_malloc (scanned) unless neither keys nor values are pointers.</summary>
    public MapEntry* Entries;
    /// <summary>Pointer keys: the image of each entry's key (GC_malloc_atomic, <see cref="Capacity"/>
    /// images); null for Int keys.</summary>
    public KeyImage* Images;
    /// <summary>The key slot that found (or added) entry <see cref="LastFound"/> - 1.</summary>
    public long LastKey;
}

/// <summary>An iterator over a map's live entries in insertion order (24 bytes, GC_malloc).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HMapIter
{
    public TypeDesc* Td;
    public HMap* Map;
    /// <summary>The next entry index to look at.</summary>
    public int Index;
    /// <summary>0: <c>next</c> gives keys; 1: values (and <c>key</c> reads the current key).</summary>
    public int Mode;
}

/// <summary>A <c>{key, value}</c> pair given by a key-value iterator (32 bytes, GC_malloc).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HMapEntry
{
    public TypeDesc* Td;
    public long Key;
    public long Value;
    public int KeyKind;
    public int ValueKind;
}
