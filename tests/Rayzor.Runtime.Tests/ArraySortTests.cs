using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Strings;
using static Rayzor.Runtime.Tests.TestArrays;
using static Rayzor.Runtime.Tests.TestRuntime;

namespace Rayzor.Runtime.Tests;

/// <summary>rz_array_sort: a stable merge sort calling C comparators through HClosure.</summary>
public unsafe class ArraySortTests
{
    // Comparators as generated code would be: fn(env, a, b) with the C calling convention.

    [UnmanagedCallersOnly]
    private static int Ascending(void* env, int a, int b) => a < b ? -1 : a > b ? 1 : 0;

    [UnmanagedCallersOnly]
    private static int Descending(void* env, int a, int b) => b - a;

    /// <summary>Compares only a key (value / 1000); the env counts the calls.</summary>
    [UnmanagedCallersOnly]
    private static int ByKeyCounting(void* env, int a, int b)
    {
        if (env != null)
            (*(int*)env)++;
        return a / 1000 - b / 1000;
    }

    [UnmanagedCallersOnly]
    private static int FloatAscending(void* env, double a, double b) => a < b ? -1 : a > b ? 1 : 0;

    /// <summary>Orders by integer part only.</summary>
    [UnmanagedCallersOnly]
    private static int FloatByFloor(void* env, double a, double b) => Math.Floor(a).CompareTo(Math.Floor(b));

    [UnmanagedCallersOnly]
    private static int TrueFirst(void* env, int a, int b) => b - a;

    [UnmanagedCallersOnly]
    private static int ByLength(void* env, void* a, void* b) => ((HString*)a)->Length - ((HString*)b)->Length;

    [UnmanagedCallersOnly]
    private static int ByContent(void* env, void* a, void* b) => StringOps.Compare((HString*)a, (HString*)b);

    /// <summary>Allocates on every call (a collection could run here under Boehm).</summary>
    [UnmanagedCallersOnly]
    private static int ByContentAllocating(void* env, void* a, void* b)
    {
        HString* ab = StringOps.Concat((HString*)a, (HString*)b);
        return ab->Length == 0 ? 0 : StringOps.Compare((HString*)a, (HString*)b);
    }

    /// <summary>Pushes onto the array being sorted (env) on its first call.</summary>
    [UnmanagedCallersOnly]
    private static int AscendingAndMutating(void* env, int a, int b)
    {
        var arr = (HArray*)env;
        if (arr->Length < 100)
            ArrayOps.Resize(arr, 100);
        return a - b;
    }

    [Fact]
    public void SortsIntsWithAComparator()
    {
        HArray* a = Ints(5, 3, 9, 1, 5, 8, -2, 0, 7);
        ArraySort.Sort(a, Closure((delegate* unmanaged<void*, int, int, int>)&Ascending));
        Assert.Equal([-2, 0, 1, 3, 5, 5, 7, 8, 9], IntsOf(a));
        ArraySort.Sort(a, Closure((delegate* unmanaged<void*, int, int, int>)&Descending));
        Assert.Equal([9, 8, 7, 5, 5, 3, 1, 0, -2], IntsOf(a));
    }

    [Fact]
    public void EmptyAndSingleArraysNeverCallTheComparator()
    {
        int calls = 0;
        HArray* one = Ints(42);
        ArraySort.Sort(one, Closure((delegate* unmanaged<void*, int, int, int>)&ByKeyCounting, &calls));
        ArraySort.Sort(Ints(), Closure((delegate* unmanaged<void*, int, int, int>)&ByKeyCounting, &calls));
        Assert.Equal(0, calls);
        Assert.Equal([42], IntsOf(one));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void IsStableAndPassesTheEnv(int n)
    {
        // value = key * 1000 + original index: the comparator sees keys only
        var rng = new Random(n);
        int[] values = new int[n];
        for (int i = 0; i < n; i++)
            values[i] = rng.Next(0, 10) * 1000 + i;
        HArray* a = Ints(values);
        int calls = 0;
        ArraySort.Sort(a, Closure((delegate* unmanaged<void*, int, int, int>)&ByKeyCounting, &calls));
        Assert.Equal(values.OrderBy(v => v / 1000).ToArray(), IntsOf(a)); // OrderBy is stable
        Assert.True(calls > 0 && calls <= n * (int)Math.Ceiling(Math.Log2(n) + 1), $"{calls} comparisons");
    }

    [Fact]
    public void AlreadySortedInputTakesLinearComparisons()
    {
        int n = 1024;
        HArray* a = Ints(Enumerable.Range(0, n).Select(i => i * 1000).ToArray());
        int calls = 0;
        ArraySort.Sort(a, Closure((delegate* unmanaged<void*, int, int, int>)&ByKeyCounting, &calls));
        Assert.True(calls < 2 * n, $"{calls} comparisons");
    }

    [Fact]
    public void SortsFloatsStably()
    {
        HArray* f = Floats(2.5, -1.25, 10.0, 0.5, 3.75);
        ArraySort.Sort(f, Closure((delegate* unmanaged<void*, double, double, int>)&FloatAscending));
        Assert.Equal("[-1.25,0.5,2.5,3.75,10]", Show(f));
        HArray* g = Floats(1.9, 0.5, 1.1, 0.2, 1.5, 0.9);
        ArraySort.Sort(g, Closure((delegate* unmanaged<void*, double, double, int>)&FloatByFloor));
        Assert.Equal([0.5, 0.2, 0.9, 1.9, 1.1, 1.5], FloatsOf(g));
    }

    [Fact]
    public void SortsBools()
    {
        HArray* b = Bools(false, true, false, true, true);
        ArraySort.Sort(b, Closure((delegate* unmanaged<void*, int, int, int>)&TrueFirst));
        Assert.Equal("[true,true,true,false,false]", Show(b));
    }

    [Fact]
    public void SortsPointersStably()
    {
        HArray* words = StrArray("pear", "Apple", "fig", "banana", "cherry", "date", "kiwi");
        ArraySort.Sort(words, Closure((delegate* unmanaged<void*, void*, void*, int>)&ByLength));
        Assert.Equal("[fig,pear,date,kiwi,Apple,banana,cherry]", Show(words));
        ArraySort.Sort(words, Closure((delegate* unmanaged<void*, void*, void*, int>)&ByContent));
        Assert.Equal("[Apple,banana,cherry,date,fig,kiwi,pear]", Show(words));
    }

    [Fact]
    public void AComparatorThatAllocatesSortsLargeArrays()
    {
        var rng = new Random(1);
        string[] values = Enumerable.Range(0, 3000).Select(_ => "w" + rng.Next(0, 500)).ToArray();
        HArray* a = StrArray(values);
        ArraySort.Sort(a, Closure((delegate* unmanaged<void*, void*, void*, int>)&ByContentAllocating));
        Assert.Equal(values.OrderBy(v => v, StringComparer.Ordinal).ToArray(), StringsOf(a));
    }

    [Fact]
    public void AComparatorChangingTheArrayDoesNotBreakIt()
    {
        HArray* a = Ints(3, 1, 2);
        ArraySort.Sort(a, Closure((delegate* unmanaged<void*, int, int, int>)&AscendingAndMutating, a));
        Assert.Equal(100, a->Length);
        Assert.Equal([1, 2, 3], IntsOf(a)[..3]);
        Assert.True(IntsOf(a)[3..].All(v => v == 0));
    }
}
