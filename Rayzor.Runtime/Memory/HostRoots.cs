using System.Runtime.InteropServices;

namespace Rayzor.Runtime.Memory;

/// <summary>
/// For hosts (the compiler's interpreter and JIT): Boehm scans the writable data of every loaded
/// shared library at each collection, and a host loads big ones — libLLVM's is a megabyte — none
/// of which holds a Haxe pointer (the runtime's statics are in the host's executable, and
/// JIT-compiled globals are added with <see cref="Heap.AddRoots"/>). Scanning them doubled the time
/// of every collection of the alloc benchmark under `rayzor run --tier max` (2.4 ms against 1.2 ms
/// in its executable). Each library is excluded once, after it is loaded; the executable and the
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
        if (name.Length == 0)
        {
            // the executable: its NativeAOT metadata, rebuilt at start-up (MethodTables and the
            // like, 1.5 MB in the compiler), not its statics
            if (HydratedSection() is var (start, length) && length > 0)
                s_found!.Add((info->Address + start, info->Address + start + length));
            return 0;
        }
        if (Path.GetFileName(name).StartsWith("libgc.", StringComparison.Ordinal))
            return 0;
        for (var i = 0; i < info->HeaderCount; i++)
        {
            var ph = info->Headers + i;
            if (ph->Type == PtLoad && (ph->Flags & PfW) != 0)
                s_found!.Add((info->Address + (nint)ph->VirtualAddress, info->Address + (nint)(ph->VirtualAddress + ph->MemorySize)));
        }
        return 0;
    }

    /// <summary>The address (relative to the load address) and size of the executable's
    /// <c>.hydrated</c> section, from its ELF section headers; (0, 0) when there is none.</summary>
    private static (nint Start, nint Length) HydratedSection()
    {
        try
        {
            using var file = File.OpenRead("/proc/self/exe");
            var header = new byte[64];
            file.ReadExactly(header);
            if (header[0] != 0x7f || header[1] != (byte)'E' || header[4] != 2) return (0, 0); // ELF64
            var sectionsAt = BitConverter.ToInt64(header, 0x28);
            int entrySize = BitConverter.ToUInt16(header, 0x3a), count = BitConverter.ToUInt16(header, 0x3c), namesIndex = BitConverter.ToUInt16(header, 0x3e);
            var sections = new byte[entrySize * count];
            file.Position = sectionsAt;
            file.ReadExactly(sections);
            var namesAt = BitConverter.ToInt64(sections, namesIndex * entrySize + 0x18);
            var namesSize = BitConverter.ToInt64(sections, namesIndex * entrySize + 0x20);
            var names = new byte[namesSize];
            file.Position = namesAt;
            file.ReadExactly(names);
            for (var i = 0; i < count; i++)
            {
                var at = i * entrySize;
                var nameAt = BitConverter.ToInt32(sections, at);
                var end = Array.IndexOf(names, (byte)0, nameAt);
                if (end > nameAt && System.Text.Encoding.ASCII.GetString(names, nameAt, end - nameAt) == ".hydrated")
                    return ((nint)BitConverter.ToInt64(sections, at + 0x10), (nint)BitConverter.ToInt64(sections, at + 0x20));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // not excluded: scanned, as before
        }
        return (0, 0);
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
