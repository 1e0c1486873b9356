using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Maps;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>The map logic behind the rz_map_* exports, called directly.</summary>
public unsafe class MapOpsTests
{
    private static HMap* IntMap(int valueKind = ElemKind.I32)
    {
        _ = Builtins;
        return MapOps.New(KeyKind.I32, valueKind);
    }

    private static HMap* PtrMap(int valueKind = ElemKind.I32)
    {
        _ = Builtins;
        return MapOps.New(KeyKind.Ptr, valueKind);
    }

    [Fact]
    public void HasTheAbiLayout()
    {
        Assert.Equal(64, sizeof(HMap));
        Assert.Equal(32, sizeof(KeyImage));
        Assert.Equal(32, sizeof(MapEntry));
        Assert.Equal(24, sizeof(HMapIter));
        Assert.Equal(32, sizeof(HMapEntry));
        HMap* m = IntMap();
        Assert.Equal(8, (int)((byte*)&m->Count - (byte*)m));
        Assert.Equal(20, (int)((byte*)&m->KeyKind - (byte*)m));
        Assert.Equal(40, (int)((byte*)&m->Entries - (byte*)m));
        Assert.Equal(48, (int)((byte*)&m->Images - (byte*)m));
        Assert.Equal(56, (int)((byte*)&m->LastKey - (byte*)m));
    }

    [Fact]
    public void IntKeysSetGetRemove()
    {
        HMap* m = IntMap();
        for (int i = -50; i < 200; i++)
            MapOps.Set(m, MapOps.KeyFromI32(m, i), MapOps.I32Slot(m->ValueKind, i * 3));
        Assert.Equal(250, m->Count);
        for (int i = -50; i < 200; i++)
            Assert.Equal(i * 3, MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromI32(m, i))));
        Assert.True(MapOps.Get(m, MapOps.KeyFromI32(m, 500)) == null);
        Assert.Equal(7 * 3, Unboxing.UnboxInt(MapOps.Get(m, MapOps.KeyFromI32(m, 7))));
        Assert.True(MapOps.Remove(m, MapOps.KeyFromI32(m, 7)));
        Assert.False(MapOps.Remove(m, MapOps.KeyFromI32(m, 7)));
        Assert.Equal(-1, MapOps.Find(m, MapOps.KeyFromI32(m, 7)));
        Assert.Equal(249, m->Count);
    }

    [Fact]
    public void StringKeysCompareByContent()
    {
        HMap* m = PtrMap(ElemKind.Ptr);
        MapOps.Set(m, (long)Str("alice"), (long)Str("555"));
        MapOps.Set(m, (long)Str(""), (long)Str("empty"));
        Assert.Equal("555", Text((HString*)MapOps.Get(m, (long)Str("alice"))));
        Assert.Equal("empty", Text((HString*)MapOps.Get(m, (long)Str(""))));
        Assert.True(MapOps.Get(m, (long)Str("Alice")) == null);
        MapOps.Set(m, (long)Str("alice"), (long)Str("556"));
        Assert.Equal(2, m->Count);
        Assert.Equal("{alice => 556, => empty}", Text(MapOps.ToString(m)));
    }

    [Fact]
    public void ShortAndLongStringKeysAreExact()
    {
        // short keys (up to 15 units) are compared by their images: trailing NULs, lengths at the
        // limit and keys sharing a prefix must stay apart
        HMap* m = PtrMap();
        string[] keys = ["a", "a\0", "a\0\0", "", "\0", "abcdefghijklmno", "abcdefghijklmnp", "abcdefghijklmnop",
            "abcdefghijklmnoq", "h\u00e9llo", "\ud83d\ude00", "abcd", "abce"];
        for (int i = 0; i < keys.Length; i++)
            MapOps.Set(m, (long)Str(keys[i]), MapOps.I32Slot(m->ValueKind, i));
        Assert.Equal(keys.Length, m->Count);
        for (int i = 0; i < keys.Length; i++)
            Assert.Equal(i, MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, (long)Str(keys[i]))));
        Assert.True(MapOps.Find(m, (long)Str("abcdefghijklmn")) < 0);
        Assert.True(MapOps.Find(m, (long)Str("b")) < 0);
    }

    [Fact]
    public void LookupCacheFollowsRemovalAndRebuild()
    {
        HMap* m = PtrMap();
        HString* key = Str("k");
        MapOps.Set(m, (long)key, MapOps.I32Slot(m->ValueKind, 1));
        Assert.True(MapOps.Find(m, (long)key) >= 0);
        Assert.True(MapOps.Remove(m, (long)key));
        Assert.True(MapOps.Find(m, (long)key) < 0);
        MapOps.Set(m, (long)Str("k"), MapOps.I32Slot(m->ValueKind, 2));
        Assert.Equal(2, MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, (long)key)));
        for (int i = 0; i < 100; i++)
            MapOps.Set(m, (long)Str("x" + i), MapOps.I32Slot(m->ValueKind, i));
        Assert.Equal(2, MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, (long)key)));
        Assert.Equal(99, MapOps.SlotI32(m->ValueKind, MapOps.GetSlot(m, (long)Str("x99"))));
        MapOps.Clear(m);
        Assert.True(MapOps.Find(m, (long)key) < 0);
    }

    [Fact]
    public void ObjectsCompareByIdentity()
    {
        HMap* m = PtrMap();
        var td = Descriptor(Memory.TypeKind.Class, 16, "Node");
        var a = (Memory.TypeDesc**)Memory.Heap.Alloc(16);
        var b = (Memory.TypeDesc**)Memory.Heap.Alloc(16);
        *a = td;
        *b = td;
        MapOps.Set(m, (long)a, MapOps.I32Slot(m->ValueKind, 1));
        Assert.Equal(-1, MapOps.Find(m, (long)b));
        Assert.Equal(0, MapOps.Find(m, (long)a));
    }

    [Fact]
    public void IterationFollowsInsertionOrderAndSkipsRemoved()
    {
        HMap* m = IntMap();
        foreach (int k in new[] { 5, 1, 9, 3 })
            MapOps.Set(m, MapOps.KeyFromI32(m, k), MapOps.I32Slot(m->ValueKind, k * 10));
        MapOps.Remove(m, MapOps.KeyFromI32(m, 9));
        HMapIter* it = MapOps.Iter(m, 1);
        var seen = new List<string>();
        while (MapOps.HasNext(it))
        {
            long k = MapOps.KeySlot(it, out int kk);
            long v = MapOps.NextSlot(it, out int vk);
            seen.Add(MapOps.SlotI32(kk, k) + "=" + MapOps.SlotI32(vk, v));
        }
        Assert.Equal(["5=50", "1=10", "3=30"], seen);
        Assert.Equal("{5 => 50,1 => 10,3 => 30}", Text(MapOps.ToString(m)));
    }

    [Fact]
    public void GrowingKeepsEntriesAndCompactsHoles()
    {
        HMap* m = IntMap(ElemKind.F64);
        for (int round = 0; round < 5; round++)
            for (int i = 0; i < 1000; i++)
            {
                MapOps.Set(m, MapOps.KeyFromI32(m, i), MapOps.F64Slot(m->ValueKind, i + 0.5));
                if (i % 2 == 0)
                    MapOps.Remove(m, MapOps.KeyFromI32(m, i));
            }
        Assert.Equal(500, m->Count);
        Assert.Equal(999.5, MapOps.SlotF64(m->ValueKind, MapOps.GetSlot(m, MapOps.KeyFromI32(m, 999))));
        HMap* c = MapOps.Copy(m);
        MapOps.Clear(m);
        Assert.Equal(0, m->Count);
        Assert.Equal(500, c->Count);
        Assert.Equal("{}", Text(MapOps.ToString(m)));
    }

    [Fact]
    public void BoxedKeysInAPointerMapCompareByValue()
    {
        HMap* m = PtrMap();
        MapOps.Set(m, (long)Boxing.BoxInt(100000), MapOps.I32Slot(m->ValueKind, 1));
        Assert.Equal(0, MapOps.Find(m, (long)Boxing.BoxInt(100000)));
        Assert.Equal(0, MapOps.Find(m, MapOps.KeyFromI32(m, 100000)));
    }
}
