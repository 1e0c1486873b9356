using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>
/// For hosts (the compiler's interpreter and JIT): Boehm scans the writable data of every loaded
/// shared library at each collection, and a host loads big ones — libLLVM's is a megabyte — none
/// of which holds a Haxe pointer (the runtime's statics are in the host's executable, and
/// JIT-compiled globals are added with <see cref="Heap.AddRoots"/>). Scanning them doubled the time
/// of every collection of the alloc benchmark under `rayzor run --tier max` (2.4 ms; 1.4–1.6 ms
/// without them, its executable 0.8–1.1 ms). Each library is excluded once, after it is loaded; the executable and the
/// collector's own library stay scanned.
/// </summary>
public static unsafe class HostRoots
{
    [DllImport("gc", ExactSpelling = true)]
    private static extern void GC_exclude_static_roots(void* start, void* finish);

    [DllImport("libc", ExactSpelling = true)]
    private static extern int dl_iterate_phdr(delegate* unmanaged<PhdrInfo*, nuint, void*, int> callback, void* data);

    private static readonly Lock s_lock = new();
    private static readonly HashSet<nint> s_seen = [];
    private static List<(nint Start, nint End)>? s_found;

    /// <summary>Excludes the writable data of the shared libraries loaded since the last call.</summary>
    public static void ExcludeSharedLibraries()
    {
        if (Heap.Uncollected || Boehm.GC_is_init_called() == 0)
            return;
        lock (s_lock)
        {
            s_found = [];
            // the executable's NativeAOT metadata, rebuilt at start-up (MethodTables and the like,
            // 1.5 MB in the compiler), not its statics
            if (s_seen.Count == 0 && Exceptions.Symbolizer.FindSection(".hydrated"u8, out var hydrated, out var length) && length > 0)
                s_found.Add((hydrated, hydrated + length));
            dl_iterate_phdr(&Visit, null);
            // after the walk, which holds the loader's lock: a collection takes the collector's
            // lock and then walks the libraries itself
            foreach (var (start, end) in s_found)
                GC_exclude_static_roots((void*)start, (void*)end);
            s_found = null;
        }
    }

    private const uint PtLoad = 1, PfW = 2;

    [UnmanagedCallersOnly]
    private static int Visit(PhdrInfo* info, nuint size, void* data)
    {
        var name = info->Name == null ? "" : Marshal.PtrToStringUTF8((nint)info->Name) ?? "";
        if (!s_seen.Add(info->Address))
            return 0;
        // the executable (its statics) and the collector's own data stay
        if (name.Length == 0 || Path.GetFileName(name).StartsWith("libgc.", StringComparison.Ordinal))
            return 0;
        for (var i = 0; i < info->HeaderCount; i++)
        {
            var ph = info->Headers + i;
            if (ph->Type == PtLoad && (ph->Flags & PfW) != 0)
                s_found!.Add((info->Address + (nint)ph->VirtualAddress, info->Address + (nint)(ph->VirtualAddress + ph->MemorySize)));
        }
        return 0;
    }

    /// <summary><c>struct dl_phdr_info</c> (its first four fields).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PhdrInfo
    {
        public nint Address;
        public byte* Name;
        public ProgramHeader* Headers;
        public ushort HeaderCount;
    }

    /// <summary><c>Elf64_Phdr</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ProgramHeader
    {
        public uint Type;
        public uint Flags;
        public ulong Offset;
        public ulong VirtualAddress;
        public ulong PhysicalAddress;
        public ulong FileSize;
        public ulong MemorySize;
        public ulong Alignment;
    }
}
