using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestArrays;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>The array logic behind the rz_array_* exports, called directly; expectations from
/// Haxe 4.2.5's reference interpreter.</summary>
public unsafe class ArrayOpsTests
{
    [Fact]
    public void NewHasTheAbiLayout()
    {
        Assert.Equal(32, sizeof(HArray));
        HArray* a = Ints(0);
        Assert.Equal(8, (int)((byte*)&a->Length - (byte*)a));
        Assert.Equal(12, (int)((byte*)&a->Capacity - (byte*)a));
        Assert.Equal(16, (int)((byte*)&a->ElemKind - (byte*)a));
        Assert.Equal(24, (int)((byte*)&a->Data - (byte*)a));
    }

    [Theory]
    [InlineData(ElemKind.Ptr, "[null,null,null]")]
    [InlineData(ElemKind.I32, "[0,0,0]")]
    [InlineData(ElemKind.F64, "[0,0,0]")]
    [InlineData(ElemKind.Bool, "[false,false,false]")]
    public void NewHoldsDefaults(int kind, string printed)
    {
        _ = Builtins;
        HArray* a = ArrayOps.New(kind, 3);
        Assert.True(a->Td == Builtins->Array);
        Assert.Equal(3, a->Length);
        Assert.Equal(kind, a->ElemKind);
        Assert.True(a->Capacity >= 3);
        Assert.Equal(printed, Show(a));
        HArray* empty = ArrayOps.New(kind, 0);
        Assert.Equal(0, empty->Length);
        Assert.Equal("[]", Show(empty));
    }

    [Fact]
    public void SetInRangeAndPastTheEndGrowsWithDefaults()
    {
        HArray* a = Ints(1, 2, 3);
        ArrayOps.SetI32(a, 1, 20);
        ArrayOps.SetI32(a, 5, 7);
        Assert.Equal([1, 20, 3, 0, 0, 7], IntsOf(a));
        Assert.True(TailIsZero(a));
        ArrayOps.SetI32(a, -1, 99); // negative: nothing
        Assert.Equal([1, 20, 3, 0, 0, 7], IntsOf(a));

        HArray* e = Ints();
        ArrayOps.SetI32(e, 7, 1);
        Assert.Equal(8, e->Length);
        Assert.Equal(1, IntsOf(e)[7]);

        HArray* f = Floats(1.5);
        ArrayOps.SetF64(f, 2, 2.5);
        Assert.Equal("[1.5,0,2.5]", Show(f));

        HArray* b = Bools(true, false);
        ArrayOps.SetBool(b, 3, true);
        Assert.Equal("[true,false,false,true]", Show(b));

        HArray* s = StrArray("ann", "ben");
        ArrayOps.SetPtr(s, 4, Str("eve"));
        Assert.Equal("[ann,ben,null,null,eve]", Show(s));
        ArrayOps.SetPtr(s, s->Length, Str("zed"));
        Assert.Equal(6, s->Length);
    }

    [Fact]
    public void GrowingAfterShrinkingReadsDefaultsNotOldValues()
    {
        HArray* a = Ints(1, 2, 3, 4, 5);
        ArrayOps.Resize(a, 2);
        Assert.True(TailIsZero(a));
        ArrayOps.SetI32(a, 4, 9);
        Assert.Equal([1, 2, 0, 0, 9], IntsOf(a));
        ArrayOps.Pop(a);
        ArrayOps.Resize(a, 5);
        Assert.Equal([1, 2, 0, 0, 0], IntsOf(a));

        HArray* s = StrArray("a", "b", "c");
        ArrayOps.Splice(s, 0, 3);
        Assert.True(TailIsZero(s));
        ArrayOps.Resize(s, 2);
        Assert.Equal("[null,null]", Show(s));
    }

    [Fact]
    public void GetDynBoxesByKindAndGivesNullOutOfRange()
    {
        Assert.Equal(20, UnboxedInt(ArrayOps.GetDyn(Ints(10, 20), 1)));
        Assert.True(ArrayOps.GetDyn(Ints(10, 20), 2) == null);
        Assert.True(ArrayOps.GetDyn(Ints(10, 20), -1) == null);
        Assert.Equal(2.5, Unboxing.UnboxFloat(ArrayOps.GetDyn(Floats(2.5), 0)));
        Assert.True(Unboxing.UnboxBool(ArrayOps.GetDyn(Bools(true), 0)));
        HArray* s = StrArray("x");
        Assert.True(ArrayOps.GetDyn(s, 0) == ((void**)s->Data)[0]);
    }

    [Fact]
    public void SetDynUnboxesByKind()
    {
        HArray* a = Ints(1);
        ArrayOps.SetDyn(a, 2, Boxing.BoxInt(5));
        ArrayOps.SetDyn(a, 0, null);
        Assert.Equal([0, 0, 5], IntsOf(a));
        HArray* f = Floats();
        ArrayOps.SetDyn(f, 0, Boxing.BoxInt(3)); // an Int box read as Float converts
        ArrayOps.SetDyn(f, 1, Boxing.BoxFloat(0.5));
        Assert.Equal([3.0, 0.5], FloatsOf(f));
        HArray* b = Bools();
        ArrayOps.SetDyn(b, 0, Boxing.BoxBool(true));
        Assert.Equal("[true]", Show(b));
        HArray* p = StrArray();
        HString* x = Str("x");
        ArrayOps.SetDyn(p, 0, x);
        Assert.True(((void**)p->Data)[0] == x);
    }

    [Fact]
    public void PushReturnsTheNewLengthAndGrows()
    {
        HArray* a = Ints();
        for (int i = 0; i < 100; i++)
            Assert.Equal(i + 1, ArrayOps.PushI32(a, i * i));
        Assert.Equal(100, a->Length);
        Assert.Equal(99 * 99, IntsOf(a)[99]);
        Assert.True(TailIsZero(a));
        HArray* f = Floats();
        Assert.Equal(1, ArrayOps.PushF64(f, 1.25));
        HArray* b = Bools();
        Assert.Equal(1, ArrayOps.PushBool(b, true));
        HArray* s = StrArray("a");
        Assert.Equal(2, ArrayOps.PushPtr(s, null));
        Assert.Equal("[a,null]", Show(s));
    }

    [Fact]
    public void PopAndShiftReturnBoxesOrNullWhenEmpty()
    {
        HArray* a = Ints(1, 2, 300000);
        Assert.Equal(300000, UnboxedInt(ArrayOps.Pop(a)));
        Assert.Equal(1, UnboxedInt(ArrayOps.Shift(a)));
        Assert.Equal([2], IntsOf(a));
        Assert.True(TailIsZero(a));
        Assert.Equal(2, UnboxedInt(ArrayOps.Pop(a)));
        Assert.True(ArrayOps.Pop(a) == null);
        Assert.True(ArrayOps.Shift(a) == null);

        Assert.Equal(0.5, Unboxing.UnboxFloat(ArrayOps.Pop(Floats(0.5))));
        Assert.True(Unboxing.UnboxBool(ArrayOps.Shift(Bools(true, false))));
        HArray* s = StrArray("a", "b");
        Assert.Equal("a", Text((HString*)ArrayOps.Shift(s)));
        Assert.Equal("b", Text((HString*)ArrayOps.Pop(s)));
        Assert.True(ArrayOps.Pop(s) == null);
        Assert.True(TailIsZero(s));
    }

    [Fact]
    public void UnshiftAndInsertClampPositions()
    {
        HArray* u = Ints(1, 2);
        ArrayOps.UnshiftI32(u, 0);
        Assert.Equal([0, 1, 2], IntsOf(u));

        static int[] Insert(int pos)
        {
            HArray* a = Ints(1, 2, 3);
            ArrayOps.InsertI32(a, pos, 9);
            return IntsOf(a);
        }
        Assert.Equal([1, 2, 3, 9], Insert(10));
        Assert.Equal([1, 2, 3, 9], Insert(3));
        Assert.Equal([1, 9, 2, 3], Insert(1));
        Assert.Equal([1, 2, 9, 3], Insert(-1));
        Assert.Equal([9, 1, 2, 3], Insert(-3));
        Assert.Equal([9, 1, 2, 3], Insert(-4));
        Assert.Equal([9, 1, 2, 3], Insert(-10));
        Assert.Equal([9, 1, 2, 3], Insert(int.MinValue));
        Assert.Equal([1, 2, 3, 9], Insert(int.MaxValue));

        HArray* f = Floats(1, 2);
        ArrayOps.InsertF64(f, 1, 0.5);
        Assert.Equal("[1,0.5,2]", Show(f));
        HArray* s = StrArray("b");
        ArrayOps.UnshiftPtr(s, Str("a"));
        ArrayOps.InsertPtr(s, 5, Str("c"));
        Assert.Equal("[a,b,c]", Show(s));
        HArray* b = Bools(false);
        ArrayOps.UnshiftBool(b, true);
        ArrayOps.InsertBool(b, -1, true);
        Assert.Equal("[true,true,false]", Show(b));

        HArray* many = Ints();
        for (int i = 0; i < 50; i++)
            ArrayOps.UnshiftI32(many, i);
        Assert.Equal(Enumerable.Range(0, 50).Reverse().ToArray(), IntsOf(many));
    }

    [Fact]
    public void IndexOfCountsNegativeFromTheEnd()
    {
        HArray* c = Ints(1, 2, 1, 2);
        Assert.Equal(1, ArrayOps.IndexOfI32(c, 2, 0));
        Assert.Equal(3, ArrayOps.IndexOfI32(c, 2, 2));
        Assert.Equal(3, ArrayOps.IndexOfI32(c, 2, -1));
        Assert.Equal(1, ArrayOps.IndexOfI32(c, 2, -10));
        Assert.Equal(-1, ArrayOps.IndexOfI32(c, 2, 10));
        Assert.Equal(-1, ArrayOps.IndexOfI32(c, 5, 0));
        Assert.Equal(0, ArrayOps.IndexOfI32(c, 1, -4));
        Assert.Equal(-1, ArrayOps.IndexOfI32(Ints(), 1, 0));
    }

    [Fact]
    public void LastIndexOfSearchesBackward()
    {
        HArray* c = Ints(1, 2, 1, 2);
        Assert.Equal(2, ArrayOps.LastIndexOfI32(c, 1, int.MaxValue)); // absent
        Assert.Equal(0, ArrayOps.LastIndexOfI32(c, 1, 1));
        Assert.Equal(2, ArrayOps.LastIndexOfI32(c, 1, -2));
        Assert.Equal(-1, ArrayOps.LastIndexOfI32(c, 2, -10));
        Assert.Equal(3, ArrayOps.LastIndexOfI32(c, 2, 10));
        HArray* m = Ints(1, 2, 3);
        Assert.Equal(2, ArrayOps.LastIndexOfI32(m, 3, 2));
        Assert.Equal(0, ArrayOps.LastIndexOfI32(m, 1, -3));
        Assert.Equal(0, ArrayOps.LastIndexOfI32(m, 1, -4)); // still negative: clamped to 0 (interpreter)
        Assert.Equal(1, ArrayOps.LastIndexOfI32(m, 2, -2));
        Assert.Equal(-1, ArrayOps.LastIndexOfI32(Ints(), 1, int.MaxValue));
        Assert.Equal(-1, ArrayOps.LastIndexOfI32(Ints(), 1, -1));
    }

    [Fact]
    public void FloatSearchUsesNumericEquality()
    {
        HArray* f = Floats(1.0, double.NaN, 0.0, 1.0);
        Assert.Equal(-1, ArrayOps.IndexOfF64(f, double.NaN, 0));
        Assert.Equal(2, ArrayOps.IndexOfF64(f, -0.0, 0));
        Assert.Equal(3, ArrayOps.LastIndexOfF64(f, 1.0, int.MaxValue));
        Assert.Equal(0, ArrayOps.LastIndexOfF64(f, 1.0, 2));
        Assert.False(ArrayOps.RemoveF64(f, double.NaN));
        Assert.True(ArrayOps.RemoveF64(f, 1.0));
        Assert.Equal("[NaN,0,1]", Show(f));
    }

    [Fact]
    public void BoolSearch()
    {
        HArray* b = Bools(false, true, true, false);
        Assert.Equal(1, ArrayOps.IndexOfBool(b, true, 0));
        Assert.Equal(2, ArrayOps.IndexOfBool(b, true, 2));
        Assert.Equal(2, ArrayOps.LastIndexOfBool(b, true, int.MaxValue));
        Assert.Equal(0, ArrayOps.LastIndexOfBool(b, false, 2));
        Assert.True(ArrayOps.RemoveBool(b, true));
        Assert.Equal("[false,true,false]", Show(b));
    }

    [Fact]
    public void PointerSearchComparesStringsByContentAndNumbersByValue()
    {
        HArray* s = StrArray("a", null, "b", "a");
        Assert.Equal(0, ArrayOps.IndexOfPtr(s, Str("a"), 0));
        Assert.Equal(3, ArrayOps.LastIndexOfPtr(s, Str("a"), int.MaxValue));
        Assert.Equal(1, ArrayOps.IndexOfPtr(s, null, 0));
        Assert.Equal(-1, ArrayOps.IndexOfPtr(s, Str("c"), 0));
        Assert.True(ArrayOps.RemovePtr(s, Str("b")));
        Assert.False(ArrayOps.RemovePtr(s, Str("z")));
        Assert.Equal("[a,null,a]", Show(s));
        Assert.True(TailIsZero(s));

        // Array<Dynamic> / Array<Null<Int>>: boxes compare by value, Int and Float alike
        HArray* d = Ptrs((nint)Boxing.BoxInt(1), (nint)Boxing.BoxFloat(2.5), (nint)Str("s"), 0,
            (nint)Boxing.BoxBool(true), (nint)Boxing.BoxInt(100000), (nint)Boxing.BoxFloat(double.NaN));
        Assert.Equal(1, ArrayOps.IndexOfPtr(d, Boxing.BoxFloat(2.5), 0));
        Assert.Equal(0, ArrayOps.IndexOfPtr(d, Boxing.BoxFloat(1.0), 0));
        Assert.Equal(5, ArrayOps.IndexOfPtr(d, Boxing.BoxInt(100000), 0));
        Assert.Equal(4, ArrayOps.IndexOfPtr(d, Boxing.BoxBool(true), 0));
        Assert.Equal(3, ArrayOps.IndexOfPtr(d, null, 0));
        Assert.Equal(-1, ArrayOps.IndexOfPtr(d, ((void**)d->Data)[6], 0)); // NaN, even the same box
        Assert.Equal(-1, ArrayOps.IndexOfPtr(d, Str("1"), 0));

        // other objects by identity
        var o1 = (nint)Heap.Alloc(8);
        var o2 = (nint)Heap.Alloc(8);
        *(TypeDesc**)o1 = *(TypeDesc**)o2 = Descriptor(TypeKind.Class, 8, "Point");
        HArray* objs = Ptrs(o1, o2);
        Assert.Equal(1, ArrayOps.IndexOfPtr(objs, (void*)o2, 0));
    }

    [Fact]
    public void RemoveTakesTheFirstMatchOnly()
    {
        HArray* a = Ints(1, 2, 1);
        Assert.True(ArrayOps.RemoveI32(a, 1));
        Assert.Equal([2, 1], IntsOf(a));
        Assert.False(ArrayOps.RemoveI32(a, 7));
        Assert.True(TailIsZero(a));
    }

    [Fact]
    public void TypedCallsOnAnotherKindGoThroughBoxes()
    {
        // an Array<T> made where T was erased stores pointers; Int-typed code may still call it
        HArray* p = Ptrs();
        ArrayOps.PushI32(p, 5);
        ArrayOps.SetF64(p, 2, 1.5);
        ArrayOps.InsertBool(p, 0, true);
        Assert.Equal("[true,5,null,1.5]", Show(p));
        Assert.Equal(1, ArrayOps.IndexOfI32(p, 5, 0));
        Assert.Equal(3, ArrayOps.LastIndexOfF64(p, 1.5, int.MaxValue));
        Assert.True(ArrayOps.RemoveI32(p, 5));
        Assert.Equal("[true,null,1.5]", Show(p));

        HArray* f = Floats(1);
        ArrayOps.PushI32(f, 2);
        Assert.Equal([1.0, 2.0], FloatsOf(f));
    }

    [Fact]
    public void CopyIsShallowAndIndependent()
    {
        HArray* a = Ints(1, 2, 3);
        HArray* c = ArrayOps.Copy(a);
        Assert.True(c != a);
        ArrayOps.SetI32(c, 0, 9);
        Assert.Equal([1, 2, 3], IntsOf(a));
        Assert.Equal([9, 2, 3], IntsOf(c));
        Assert.Equal("[]", Show(ArrayOps.Copy(StrArray())));
    }

    [Theory]
    [InlineData(-2, int.MaxValue, new[] { 2, 3 })]
    [InlineData(1, int.MaxValue, new[] { 2, 3 })]
    [InlineData(-5, int.MaxValue, new[] { 1, 2, 3 })]
    [InlineData(1, -1, new[] { 2 })]
    [InlineData(2, 1, new int[0])]
    [InlineData(5, int.MaxValue, new int[0])]
    [InlineData(0, 10, new[] { 1, 2, 3 })]
    [InlineData(-1, -5, new int[0])]
    [InlineData(0, 0, new int[0])]
    [InlineData(int.MinValue, int.MaxValue, new[] { 1, 2, 3 })]
    public void SliceFollowsHaxe(int pos, int end, int[] expected)
    {
        HArray* a = Ints(1, 2, 3);
        Assert.Equal(expected, IntsOf(ArrayOps.Slice(a, pos, end)));
        Assert.Equal([1, 2, 3], IntsOf(a));
    }

    [Theory]
    [InlineData(-2, 1, new[] { 4 }, new[] { 1, 2, 3, 5 })]
    [InlineData(-10, 2, new[] { 1, 2 }, new[] { 3, 4, 5 })]
    [InlineData(2, -1, new int[0], new[] { 1, 2, 3, 4, 5 })]
    [InlineData(10, 2, new int[0], new[] { 1, 2, 3, 4, 5 })]
    [InlineData(3, 10, new[] { 4, 5 }, new[] { 1, 2, 3 })]
    [InlineData(1, 0, new int[0], new[] { 1, 2, 3, 4, 5 })]
    [InlineData(0, 5, new[] { 1, 2, 3, 4, 5 }, new int[0])]
    [InlineData(1, int.MaxValue, new[] { 2, 3, 4, 5 }, new[] { 1 })]
    public void SpliceFollowsHaxe(int pos, int len, int[] removed, int[] left)
    {
        HArray* a = Ints(1, 2, 3, 4, 5);
        HArray* r = ArrayOps.Splice(a, pos, len);
        Assert.Equal(removed, IntsOf(r));
        Assert.Equal(left, IntsOf(a));
        Assert.True(TailIsZero(a));
    }

    [Fact]
    public void ConcatMakesANewArray()
    {
        HArray* a = Ints(1, 2);
        HArray* c = ArrayOps.Concat(a, Ints(3));
        Assert.Equal([1, 2, 3], IntsOf(c));
        Assert.Equal([1, 2], IntsOf(a));
        Assert.Equal([1, 2, 1, 2], IntsOf(ArrayOps.Concat(a, a)));
        Assert.Equal("[]", Show(ArrayOps.Concat(StrArray(), StrArray())));
        Assert.Equal("[a,b,c]", Show(ArrayOps.Concat(StrArray("a"), StrArray("b", "c"))));
        // another kind converts through boxes
        Assert.Equal("[1,2.5]", Show(ArrayOps.Concat(Ptrs((nint)Boxing.BoxInt(1)), Floats(2.5))));
    }

    [Fact]
    public void ReverseEveryKind()
    {
        HArray* a = Ints(1, 2, 3);
        ArrayOps.Reverse(a);
        Assert.Equal([3, 2, 1], IntsOf(a));
        HArray* f = Floats(1.5, 2.5);
        ArrayOps.Reverse(f);
        Assert.Equal("[2.5,1.5]", Show(f));
        HArray* b = Bools(true, false, false);
        ArrayOps.Reverse(b);
        Assert.Equal("[false,false,true]", Show(b));
        HArray* s = StrArray("a", null, "c");
        ArrayOps.Reverse(s);
        Assert.Equal("[c,null,a]", Show(s));
        ArrayOps.Reverse(Ints());
    }

    [Fact]
    public void ResizeTruncatesAndGrows()
    {
        HArray* d = Ints(1, 2, 3);
        ArrayOps.Resize(d, 5);
        Assert.Equal("[1,2,3,0,0]", Show(d));
        ArrayOps.Resize(d, 1);
        Assert.Equal("[1]", Show(d));
        Assert.True(TailIsZero(d));
        ArrayOps.Resize(d, -1);
        Assert.Equal(0, d->Length);
        HArray* s = StrArray("a");
        ArrayOps.Resize(s, 3);
        Assert.Equal("[a,null,null]", Show(s));
    }

    [Fact]
    public void JoinPrintsElementsAsStdString()
    {
        Assert.Equal("1, 2, 3", Text(ArrayOps.Join(Ints(1, 2, 3), Str(", "))));
        Assert.Equal("-7|2147483647|-2147483648", Text(ArrayOps.Join(Ints(-7, int.MaxValue, int.MinValue), Str("|"))));
        Assert.Equal("1.5/2/0.3/1e+21/NaN/-inf", Text(ArrayOps.Join(Floats(1.5, 2.0, 0.1 + 0.2, 1e21, double.NaN, double.NegativeInfinity), Str("/"))));
        Assert.Equal("x-null", Text(ArrayOps.Join(StrArray("x", null), Str("-"))));
        Assert.Equal("truefalse", Text(ArrayOps.Join(Bools(true, false), Str(""))));
        Assert.Equal("", Text(ArrayOps.Join(Ints(), Str(","))));
        Assert.Equal("1null2", Text(ArrayOps.Join(Ints(1, 2), null)));
        Assert.Equal("[1,2];[3]", Text(ArrayOps.Join(Ptrs((nint)Ints(1, 2), (nint)Ints(3)), Str(";"))));
    }

    [Fact]
    public void ToStringPrintsNestedArraysAndDynamicValues()
    {
        Assert.Equal("[1,2,3]", Show(Ints(1, 2, 3)));
        Assert.Equal("[1.5,2,0.3]", Show(Floats(1.5, 2.0, 0.1 + 0.2)));
        Assert.Equal("[a,null,b]", Show(StrArray("a", null, "b")));
        Assert.Equal("[[1,2],[3]]", Show(Ptrs((nint)Ints(1, 2), (nint)Ints(3))));
        Assert.Equal("[true,false]", Show(Bools(true, false)));
        Assert.Equal("[[a],[]]", Show(Ptrs((nint)StrArray("a"), (nint)StrArray())));
        var point = (nint)Heap.Alloc(8);
        *(TypeDesc**)point = Descriptor(TypeKind.Class, 8, "Point");
        HArray* d = Ptrs((nint)Boxing.BoxInt(1), (nint)Boxing.BoxFloat(2.5), (nint)Str("s"), 0,
            (nint)Boxing.BoxBool(true), (nint)Ints(1), (nint)Closure(null), point);
        Assert.Equal("[1,2.5,s,null,true,[1],<function>,Point]", Show(d));
    }

    [Fact]
    public void DeepNestingPrintsEllipsisLikeTheInterpreter()
    {
        static nint Nest(int levels)
        {
            HArray* a = Ints(1);
            for (int i = 1; i < levels; i++)
                a = Ptrs((nint)a);
            return (nint)a;
        }
        Assert.Equal("[[[[[1]]]]]", Show((HArray*)Nest(5)));
        Assert.Equal("[[[[[[<...>]]]]]]", Show((HArray*)Nest(6)));
        Assert.Equal("[[[[[[<...>]]]]]]", Show((HArray*)Nest(7)));
        // join prints each element from depth 0
        Assert.Equal("[[[[[1]]]]]", Text(ArrayOps.Join(Ptrs(Nest(5)), Str(""))));
        Assert.Equal("[[[[[[<...>]]]]]]", Text(ArrayOps.Join(Ptrs(Nest(6)), Str(""))));

        // an array containing itself ends too
        HArray* self = Ptrs(0);
        ((nint*)self->Data)[0] = (nint)self;
        Assert.Equal("[[[[[[<...>]]]]]]", Show(self));
    }

    [Fact]
    public void StdStringPrintsArraysAndFunctions()
    {
        Assert.Equal("[1,2]", Text(StdString.ToString(Ints(1, 2))));
        Assert.Equal("[]", Text(StdString.ToString(StrArray())));
        Assert.Equal("<function>", Text(StdString.ToString(Closure(null))));
    }
}
