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
/// A Haxe <c>Map</c> (48 bytes, GC_malloc): a hash table with chaining whose entries are kept in
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
    public int Reserved;
    /// <summary>GC_malloc_atomic, <see cref="Capacity"/> ints.</summary>
    public int* Buckets;
    /// <summary>GC_malloc (scanned) unless neither keys nor values are pointers.</summary>
    public MapEntry* Entries;
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
