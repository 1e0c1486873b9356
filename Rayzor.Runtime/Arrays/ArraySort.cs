using System.Runtime.CompilerServices;
using Rayzor.Runtime.Closures;
using Rayzor.Runtime.Memory;
using Rayzor.Runtime.Std;

namespace Rayzor.Runtime.Arrays;

/// <summary>
/// <c>sort(cmp)</c>: a stable merge sort calling the Haxe comparator through its closure.
/// The comparator may allocate and so run a collection: the elements being sorted live in a GC
/// scratch buffer (scanned for pointer arrays) held on the native stack, besides the array itself.
/// It may even change the array; the sorted elements are written back over as many as it still has.
/// </summary>
public static unsafe class ArraySort
{
    /// <summary>Runs shorter than this are sorted by binary insertion before merging.</summary>
    private const int RunLength = 8;

    public static void Sort(HArray* a, HClosure* cmp)
    {
        if (a == null)
        {
            Fail.NullAccess();
            return;
        }
        int n = a->Length;
        if (n < 2)
            return;
        if (cmp == null || cmp->Fn == null)
        {
            Fail.NullAccess();
            return;
        }
        void* fn = cmp->Fn, env = cmp->Env;
        int kind = a->ElemKind;
        int size = ElemKind.Size(kind);
        // one block, two halves: the elements and the merge buffer
        nuint bytes = (nuint)(uint)n * (nuint)size * 2;
        byte* scratch = (byte*)(kind == ElemKind.Ptr ? Heap.Alloc(bytes) : Heap.AllocAtomic(bytes));
        Buffer.MemoryCopy(a->Data, scratch, (long)n * size, (long)n * size);
        switch (kind)
        {
            case ElemKind.I32:
                MergeSort((int*)scratch, (int*)scratch + n, n, new I32Comparer { Fn = (delegate* unmanaged<void*, int, int, int>)fn, Env = env });
                break;
            case ElemKind.F64:
                MergeSort((double*)scratch, (double*)scratch + n, n, new F64Comparer { Fn = (delegate* unmanaged<void*, double, double, int>)fn, Env = env });
                break;
            case ElemKind.Bool:
                MergeSort(scratch, scratch + n, n, new BoolComparer { Fn = (delegate* unmanaged<void*, int, int, int>)fn, Env = env });
                break;
            default:
                MergeSort((nint*)scratch, (nint*)scratch + n, n, new PtrComparer { Fn = (delegate* unmanaged<void*, void*, void*, int>)fn, Env = env });
                break;
        }
        // the comparator may have changed the array: write back within what it holds now
        int m = Math.Min(n, a->Length);
        if (a->ElemKind == kind)
            Buffer.MemoryCopy(scratch, a->Data, (long)m * size, (long)m * size);
        Heap.KeepAlive(scratch);
        Heap.KeepAlive(env);
    }

    private interface IComparer<T> where T : unmanaged
    {
        int Compare(T x, T y);
    }

    private struct I32Comparer : IComparer<int>
    {
        public delegate* unmanaged<void*, int, int, int> Fn;
        public void* Env;
        public readonly int Compare(int x, int y) => Fn(Env, x, y);
    }

    private struct F64Comparer : IComparer<double>
    {
        public delegate* unmanaged<void*, double, double, int> Fn;
        public void* Env;
        public readonly int Compare(double x, double y) => Fn(Env, x, y);
    }

    private struct BoolComparer : IComparer<byte>
    {
        public delegate* unmanaged<void*, int, int, int> Fn;
        public void* Env;
        public readonly int Compare(byte x, byte y) => Fn(Env, x, y);
    }

    private struct PtrComparer : IComparer<nint>
    {
        public delegate* unmanaged<void*, void*, void*, int> Fn;
        public void* Env;
        public readonly int Compare(nint x, nint y) => Fn(Env, (void*)x, (void*)y);
    }

    /// <summary>Sorts <paramref name="items"/>[0..n) stably, with <paramref name="buffer"/> (n elements) as
    /// merge space: binary insertion sort of short runs, then bottom-up merges.</summary>
    private static void MergeSort<T, C>(T* items, T* buffer, int n, C cmp) where T : unmanaged where C : IComparer<T>
    {
        for (int lo = 0; lo < n; lo += RunLength)
            InsertionSort(items, lo, Math.Min(lo + RunLength, n), ref cmp);
        T* src = items, dst = buffer;
        for (long width = RunLength; width < n; width *= 2)
        {
            for (long lo = 0; lo < n; lo += 2 * width)
            {
                int mid = (int)Math.Min(lo + width, n), hi = (int)Math.Min(lo + 2 * width, n);
                Merge(src, dst, (int)lo, mid, hi, ref cmp);
            }
            T* t = src;
            src = dst;
            dst = t;
        }
        if (src != items)
            new Span<T>(src, n).CopyTo(new Span<T>(items, n));
    }

    /// <summary>Stable: an element goes after every element that does not compare greater.</summary>
    private static void InsertionSort<T, C>(T* a, int lo, int hi, ref C cmp) where T : unmanaged where C : IComparer<T>
    {
        for (int i = lo + 1; i < hi; i++)
        {
            T x = a[i];
            if (cmp.Compare(a[i - 1], x) <= 0)
                continue;
            int left = lo, right = i - 1; // a[right] > x: find the first a[k] > x in [lo, right]
            while (left < right)
            {
                int mid = (left + right) >>> 1;
                if (cmp.Compare(a[mid], x) > 0)
                    right = mid;
                else
                    left = mid + 1;
            }
            new Span<T>(a + left, i - left).CopyTo(new Span<T>(a + left + 1, i - left));
            a[left] = x;
        }
    }

    /// <summary>Merges src[lo..mid) and src[mid..hi) into dst[lo..hi); ties take the left element.</summary>
    private static void Merge<T, C>(T* src, T* dst, int lo, int mid, int hi, ref C cmp) where T : unmanaged where C : IComparer<T>
    {
        if (mid >= hi || cmp.Compare(src[mid - 1], src[mid]) <= 0)
        {
            new Span<T>(src + lo, hi - lo).CopyTo(new Span<T>(dst + lo, hi - lo));
            return;
        }
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi)
            dst[k++] = cmp.Compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        while (i < mid)
            dst[k++] = src[i++];
        while (j < hi)
            dst[k++] = src[j++];
    }
}
