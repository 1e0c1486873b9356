using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Maps;

/// <summary>
/// Operations of <c>Map&lt;K,V&gt;</c> (docs/abi.md, Maps). Keys and values travel as 8-byte slots
/// in the map's own kinds; the typed entry points convert (boxing or unboxing) when the caller's
/// representation differs, as for arrays whose element type was erased.
/// </summary>
public static unsafe class MapOps
{
    private const int InitialCapacity = 8;

    // runtime-owned descriptors: NativeMemory, never collected (docs/abi.md)
    private static TypeDesc* s_objectMapTd, s_intMapTd, s_stringMapTd, s_enumMapTd, s_iterTd, s_entryTd;

    /// <summary>The descriptor of a new map: its class by the key kind it was created with
    /// (<c>RZ_KEY_*</c>, where 2 and 3 are pointer keys that are Strings or enum values).</summary>
    public static TypeDesc* MapTd(int keyKind) => keyKind switch
    {
        KeyKind.I32 => s_intMapTd != null ? s_intMapTd : s_intMapTd = RuntimeTypes.Make(TypeKind.Map, sizeof(HMap), "haxe.ds.IntMap"u8),
        KeyKind.String => s_stringMapTd != null ? s_stringMapTd : s_stringMapTd = RuntimeTypes.Make(TypeKind.Map, sizeof(HMap), "haxe.ds.StringMap"u8),
        KeyKind.Enum => s_enumMapTd != null ? s_enumMapTd : s_enumMapTd = RuntimeTypes.Make(TypeKind.Map, sizeof(HMap), "haxe.ds.EnumValueMap"u8),
        _ => s_objectMapTd != null ? s_objectMapTd : s_objectMapTd = RuntimeTypes.Make(TypeKind.Map, sizeof(HMap), "haxe.ds.ObjectMap"u8),
    };
    /// <summary>The descriptor of map iterators, whose members by name are the program's table (an
    /// iterator seen as an <c>Iterator&lt;T&gt;</c> structure: docs/abi.md "Members by name").</summary>
    public static TypeDesc* IterTd
    {
        get
        {
            if (s_iterTd != null) return s_iterTd;
            var td = RuntimeTypes.Make(TypeKind.Class, sizeof(HMapIter), "haxe.iterators.MapIterator"u8);
            td->Fields = Rt.Builtins->MapIteratorMembers;
            return s_iterTd = td;
        }
    }
    public static TypeDesc* EntryTd => s_entryTd != null ? s_entryTd : s_entryTd = RuntimeTypes.Make(TypeKind.Class, sizeof(HMapEntry), "haxe.iterators.MapEntry"u8);

    public static HMap* New(int keyKind, int valueKind)
    {
        var m = (HMap*)Heap.Alloc((nuint)sizeof(HMap));
        m->Td = MapTd(keyKind);
        m->KeyKind = keyKind == KeyKind.I32 ? KeyKind.I32 : KeyKind.Ptr;
        m->ValueKind = ElemKind.IsValid(valueKind) ? valueKind : ElemKind.Ptr;
        return m;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void NullAccess() => Fail.NullAccess();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(HMap* m)
    {
        if (m == null)
            NullAccess();
    }

    // ---- slots ----

    /// <summary>A slot of <paramref name="kind"/> (an <c>RZ_ELEM_*</c>) as a Dynamic value.</summary>
    public static void* SlotToDyn(int kind, long slot) => kind switch
    {
        ElemKind.I32 => Boxing.BoxInt((int)slot),
        ElemKind.F64 => Boxing.BoxFloat(BitConverter.Int64BitsToDouble(slot)),
        ElemKind.Bool => Boxing.BoxBool(slot != 0),
        _ => (void*)slot,
    };

    /// <summary>A Dynamic value as a slot of <paramref name="kind"/> (null gives the default).</summary>
    public static long DynToSlot(int kind, void* v) => kind switch
    {
        ElemKind.I32 => (uint)Unboxing.UnboxInt(v),
        ElemKind.F64 => BitConverter.DoubleToInt64Bits(Unboxing.UnboxFloat(v)),
        ElemKind.Bool => Unboxing.UnboxBool(v) ? 1 : 0,
        _ => (long)v,
    };

    public static long I32Slot(int kind, int v) => kind switch
    {
        ElemKind.I32 => (uint)v,
        ElemKind.F64 => BitConverter.DoubleToInt64Bits(v),
        _ => DynToSlot(kind, Boxing.BoxInt(v)),
    };

    public static long F64Slot(int kind, double v) => kind == ElemKind.F64 ? BitConverter.DoubleToInt64Bits(v) : DynToSlot(kind, Boxing.BoxFloat(v));

    public static long BoolSlot(int kind, bool v) => kind == ElemKind.Bool ? (v ? 1 : 0) : DynToSlot(kind, Boxing.BoxBool(v));

    public static long PtrSlot(int kind, void* v) => kind == ElemKind.Ptr ? (long)v : DynToSlot(kind, v);

    public static int SlotI32(int kind, long s) => kind == ElemKind.I32 ? (int)s : kind == ElemKind.F64 ? (int)BitConverter.Int64BitsToDouble(s) : Unboxing.UnboxInt(SlotToDyn(kind, s));

    public static double SlotF64(int kind, long s) => kind switch
    {
        ElemKind.F64 => BitConverter.Int64BitsToDouble(s),
        ElemKind.I32 => (int)s,
        _ => Unboxing.UnboxFloat(SlotToDyn(kind, s)),
    };

    public static bool SlotBool(int kind, long s) => kind == ElemKind.Bool ? s != 0 : Unboxing.UnboxBool(SlotToDyn(kind, s));

    public static void* SlotPtr(int kind, long s) => SlotToDyn(kind, s);

    /// <summary>The key kind as an element kind.</summary>
    private static int KeyElem(HMap* m) => m->KeyKind == KeyKind.I32 ? ElemKind.I32 : ElemKind.Ptr;

    public static long KeyFromI32(HMap* m, int k)
    {
        Check(m);
        return m->KeyKind == KeyKind.I32 ? (uint)k : (long)Boxing.BoxInt(k);
    }

    public static long KeyFromPtr(HMap* m, void* k)
    {
        Check(m);
        return m->KeyKind == KeyKind.I32 ? (uint)Unboxing.UnboxInt(k) : (long)k;
    }

    // ---- hashing and equality of keys ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return (int)h;
    }

    private static int HashKey(HMap* m, long key)
    {
        if (m->KeyKind == KeyKind.I32)
            return Mix((uint)(int)key);
        return HashPtr((void*)key);
    }

    /// <summary>Hash of a pointer key, consistent with <see cref="PtrKeyEquals"/>.</summary>
    public static int HashPtr(void* p)
    {
        if (p == null)
            return 0;
        TypeDesc* td = *(TypeDesc**)p;
        switch (td->Kind)
        {
            case TypeKind.String: return StringMethods.Hash((HString*)p);
            case TypeKind.Int: return Mix((uint)((BoxInt*)p)->Value);
            case TypeKind.Bool: return Mix((uint)((BoxBool*)p)->Value + 7);
            case TypeKind.Float:
            {
                long bits = BitConverter.DoubleToInt64Bits(((BoxFloat*)p)->Value);
                return Mix((uint)bits ^ (uint)(bits >> 32));
            }
            case TypeKind.Enum:
            {
                uint h = 2166136261;
                byte* b = (byte*)p + 8;
                for (int i = 0; i < td->Size - 8; i++)
                {
                    h ^= b[i];
                    h *= 16777619;
                }
                return Mix(h ^ (uint)(nuint)td);
            }
            default:
                return Mix((uint)((nuint)p >> 3) ^ (uint)((ulong)(nuint)p >> 35));
        }
    }

    /// <summary>Key equality of pointer keys: identity, strings by content, boxes by value, enum
    /// values of one enum by their bytes (constructor index and arguments, pointers by identity).</summary>
    public static bool PtrKeyEquals(void* a, void* b)
    {
        if (a == b)
            return true;
        if (a == null || b == null)
            return false;
        TypeDesc* ta = *(TypeDesc**)a, tb = *(TypeDesc**)b;
        if (ta->Kind != tb->Kind)
            return false;
        switch (ta->Kind)
        {
            case TypeKind.String: return StringOps.Equals((HString*)a, (HString*)b);
            case TypeKind.Int: return ((BoxInt*)a)->Value == ((BoxInt*)b)->Value;
            case TypeKind.Bool: return ((BoxBool*)a)->Value == ((BoxBool*)b)->Value;
            case TypeKind.Float: return ((BoxFloat*)a)->Value == ((BoxFloat*)b)->Value;
            case TypeKind.Enum:
                return ta == tb && new ReadOnlySpan<byte>((byte*)a + 8, ta->Size - 8).SequenceEqual(new ReadOnlySpan<byte>((byte*)b + 8, ta->Size - 8));
            default: return false;
        }
    }

    /// <summary>The entry index of <paramref name="key"/>, or -1.</summary>
    public static int Find(HMap* m, long key) => Find(m, key, out _);

    /// <summary>The entry index of <paramref name="key"/>, or -1; <paramref name="hash"/> is the key's
    /// hash when the table was searched (0 when the answer came without it).</summary>
    private static int Find(HMap* m, long key, out int hash)
    {
        Check(m);
        hash = 0;
        if (m->Count == 0)
            return -1;
        // the entry found or added last, by the same key: `get` then `set` of one key (or `exists`
        // then `get`) searches once
        int last = m->LastFound - 1;
        if (last >= 0 && m->LastKey == key && m->Entries[last].Alive != 0)
            return last;
        int found;
        if (m->KeyKind == KeyKind.I32)
            found = FindI32(m, (int)key, hash = Mix((uint)(int)key));
        else if (key != 0 && (*(TypeDesc**)key)->Kind == TypeKind.String)
            found = FindString(m, (HString*)key, hash = StringMethods.Hash((HString*)key));
        else
            found = FindPtr(m, (void*)key, hash = HashPtr((void*)key));
        if (found >= 0)
            Remember(m, key, found);
        return found;
    }

    private static void Remember(HMap* m, long key, int index)
    {
        m->LastKey = key;
        m->LastFound = index + 1;
    }

    private static int FindI32(HMap* m, int key, int h)
    {
        for (int i = m->Buckets[h & (m->Capacity - 1)]; i != 0;)
        {
            MapEntry* e = &m->Entries[i - 1];
            if (e->Hash == h && (int)e->Key == key)
                return i - 1;
            i = e->Next;
        }
        return -1;
    }

    /// <summary>A String key (the common case) compared without the kind dispatch of <see cref="PtrKeyEquals"/>;
    /// a short one by the key images alone.</summary>
    private static int FindString(HMap* m, HString* key, int h)
    {
        if (key->Length <= KeyImage.MaxUnits)
        {
            KeyImage image = ImageOf(key);
            KeyImage* images = m->Images;
            for (int i = m->Buckets[h & (m->Capacity - 1)]; i != 0;)
            {
                MapEntry* e = &m->Entries[i - 1];
                if (e->Hash == h && images[i - 1].SameAs(image))
                    return i - 1;
                i = e->Next;
            }
            return -1;
        }
        for (int i = m->Buckets[h & (m->Capacity - 1)]; i != 0;)
        {
            MapEntry* e = &m->Entries[i - 1];
            if (e->Hash == h)
            {
                var other = (HString*)e->Key;
                if (other == key)
                    return i - 1;
                if (other != null && other->Td->Kind == TypeKind.String && other->Length == key->Length
                    && new ReadOnlySpan<char>(HString.Units(other), key->Length).SequenceEqual(new ReadOnlySpan<char>(HString.Units(key), key->Length)))
                    return i - 1;
            }
            i = e->Next;
        }
        return -1;
    }

    /// <summary>The image of a pointer key (see <see cref="KeyImage"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static KeyImage ImageOf(void* key)
    {
        if (key == null || (*(TypeDesc**)key)->Kind != TypeKind.String || ((HString*)key)->Length > KeyImage.MaxUnits)
            return KeyImage.Opaque;
        return ImageOf((HString*)key);
    }

    private static KeyImage ImageOf(HString* s)
    {
        // whole 4-unit words, then the 1-3 units left, in registers (never past the string's end)
        int n = s->Length;
        char* from = HString.Units(s);
        char* rest = from + (n & ~3);
        ulong tail = (n & 3) switch
        {
            0 => 0,
            1 => rest[0],
            2 => Unsafe.ReadUnaligned<uint>(rest),
            _ => Unsafe.ReadUnaligned<uint>(rest) | (ulong)rest[2] << 32,
        };
        var image = new KeyImage();
        switch (n >> 2)
        {
            case 0: image.W0 = tail; break;
            case 1: image.W0 = Word(from, 0); image.W1 = tail; break;
            case 2: image.W0 = Word(from, 0); image.W1 = Word(from, 1); image.W2 = tail; break;
            default: image.W0 = Word(from, 0); image.W1 = Word(from, 1); image.W2 = Word(from, 2); image.W3 = tail; break;
        }
        image.W3 |= (ulong)n << 48;
        return image;
    }

    private static ulong Word(char* units, int k) => Unsafe.ReadUnaligned<ulong>(units + 4 * k);

    private static int FindPtr(HMap* m, void* key, int h)
    {
        for (int i = m->Buckets[h & (m->Capacity - 1)]; i != 0;)
        {
            MapEntry* e = &m->Entries[i - 1];
            if (e->Hash == h && PtrKeyEquals((void*)e->Key, key))
                return i - 1;
            i = e->Next;
        }
        return -1;
    }

    public static void Set(HMap* m, long key, long value)
    {
        int at = Find(m, key, out int h);
        if (at >= 0)
        {
            m->Entries[at].Value = value;
            return;
        }
        if (m->Count == 0)
            h = HashKey(m, key);
        if (m->Used == m->Capacity)
            Rebuild(m, m->Count < m->Used / 2 ? m->Capacity : Math.Max(InitialCapacity, m->Capacity * 2));
        int idx = m->Used++;
        MapEntry* e = &m->Entries[idx];
        e->Key = key;
        e->Value = value;
        e->Hash = h;
        e->Alive = 1;
        int b = h & (m->Capacity - 1);
        e->Next = m->Buckets[b];
        m->Buckets[b] = idx + 1;
        if (m->Images != null)
            m->Images[idx] = ImageOf((void*)key);
        m->Count++;
        Remember(m, key, idx);
    }

    /// <summary>New tables of <paramref name="capacity"/> slots holding the live entries, in order.</summary>
    private static void Rebuild(HMap* m, int capacity)
    {
        bool atomic = m->KeyKind == KeyKind.I32 && m->ValueKind != ElemKind.Ptr;
        nuint bytes = (nuint)capacity * (nuint)sizeof(MapEntry);
        var entries = (MapEntry*)(atomic ? Heap.AllocAtomicZeroed(bytes) : Heap.Alloc(bytes));
        var buckets = (int*)Heap.AllocAtomicZeroed((nuint)capacity * sizeof(int));
        KeyImage* images = m->KeyKind == KeyKind.Ptr ? (KeyImage*)Heap.AllocAtomic((nuint)capacity * (nuint)sizeof(KeyImage)) : null;
        int n = 0;
        MapEntry* old = m->Entries;
        for (int i = 0; i < m->Used; i++)
        {
            if (old[i].Alive == 0)
                continue;
            MapEntry* e = &entries[n];
            *e = old[i];
            if (images != null)
                images[n] = m->Images[i];
            int b = e->Hash & (capacity - 1);
            e->Next = buckets[b];
            buckets[b] = n + 1;
            n++;
        }
        Heap.KeepAlive(old);
        m->LastFound = 0;
        m->Entries = entries;
        m->Images = images;
        m->Buckets = buckets;
        m->Capacity = capacity;
        m->Used = n;
        m->Count = n;
    }

    public static bool Remove(HMap* m, long key)
    {
        int at = Find(m, key);
        if (at < 0)
            return false;
        MapEntry* e = &m->Entries[at];
        int* link = &m->Buckets[e->Hash & (m->Capacity - 1)];
        while (*link != at + 1)
            link = &m->Entries[*link - 1].Next;
        *link = e->Next;
        if (m->Images != null)
            m->Images[at] = KeyImage.Opaque;
        e->Alive = 0;
        e->Key = 0;
        e->Value = 0;
        e->Next = 0;
        m->Count--;
        return true;
    }

    /// <summary><c>get</c>: the value as <c>Null&lt;V&gt;</c> (boxed for Int/Float/Bool), null when absent.</summary>
    public static void* Get(HMap* m, long key)
    {
        int at = Find(m, key);
        return at < 0 ? null : SlotToDyn(m->ValueKind, m->Entries[at].Value);
    }

    /// <summary>The value slot of <paramref name="key"/>, or 0 (the default of every kind) when absent.</summary>
    public static long GetSlot(HMap* m, long key)
    {
        int at = Find(m, key);
        return at < 0 ? 0 : m->Entries[at].Value;
    }

    public static HMap* Copy(HMap* m)
    {
        Check(m);
        HMap* c = New(m->KeyKind, m->ValueKind);
        c->Td = m->Td;
        for (int i = 0; i < m->Used; i++)
            if (m->Entries[i].Alive != 0)
                Set(c, m->Entries[i].Key, m->Entries[i].Value);
        return c;
    }

    public static void Clear(HMap* m)
    {
        Check(m);
        m->Entries = null;
        m->Buckets = null;
        m->Images = null;
        m->LastFound = 0;
        m->Capacity = 0;
        m->Used = 0;
        m->Count = 0;
    }

    /// <summary><c>{k1 => v1,k2 => v2}</c> in insertion order, as the reference interpreter prints.</summary>
    public static HString* ToString(HMap* m)
    {
        Check(m);
        var b = new TextBuilder(stackalloc char[256]);
        b.Append('{');
        bool first = true;
        for (int i = 0; i < m->Used; i++)
        {
            MapEntry e = m->Entries[i];
            if (e.Alive == 0)
                continue;
            if (!first)
                b.Append(',');
            first = false;
            ArrayOps.AppendValue(ref b, SlotToDyn(KeyElem(m), e.Key), 1);
            b.Append(" => ");
            ArrayOps.AppendValue(ref b, SlotToDyn(m->ValueKind, e.Value), 1);
        }
        b.Append('}');
        return b.ToHString();
    }

    // ---- iteration ----

    public static HMapIter* Iter(HMap* m, int mode)
    {
        Check(m);
        var it = (HMapIter*)Heap.Alloc((nuint)sizeof(HMapIter));
        it->Td = IterTd;
        it->Map = m;
        it->Mode = mode;
        return it;
    }

    public static bool HasNext(HMapIter* it)
    {
        HMap* m = it->Map;
        int i = it->Index;
        while (i < m->Used && m->Entries[i].Alive == 0)
            i++;
        it->Index = i;
        return i < m->Used;
    }

    /// <summary>The current entry's key (mode 0) or value (mode 1, and 2: a key-value iterator's) slot, then advances; 0 past the end.</summary>
    public static long NextSlot(HMapIter* it, out int kind)
    {
        HMap* m = it->Map;
        kind = it->Mode == 0 ? KeyElem(m) : m->ValueKind;
        if (!HasNext(it))
            return 0;
        MapEntry* e = &m->Entries[it->Index++];
        return it->Mode == 0 ? e->Key : e->Value;
    }

    /// <summary>The current entry's key slot, without advancing (the key of a key-value loop).</summary>
    public static long KeySlot(HMapIter* it, out int kind)
    {
        HMap* m = it->Map;
        kind = KeyElem(m);
        return HasNext(it) ? m->Entries[it->Index].Key : 0;
    }

    /// <summary>The current entry as a <c>{key, value}</c> object, then advances.</summary>
    public static HMapEntry* NextEntry(HMapIter* it)
    {
        HMap* m = it->Map;
        var pair = (HMapEntry*)Heap.Alloc((nuint)sizeof(HMapEntry));
        pair->Td = EntryTd;
        pair->KeyKind = KeyElem(m);
        pair->ValueKind = m->ValueKind;
        if (HasNext(it))
        {
            MapEntry* e = &m->Entries[it->Index++];
            pair->Key = e->Key;
            pair->Value = e->Value;
        }
        return pair;
    }
}
