using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Bytes;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Sys;

/// <summary>
/// File descriptors and the file system for Rayzor's haxe.io / sys.io / sys.FileSystem
/// (haxe/_std/rayzor/io/IoNatives.hx). A failing call keeps its errno for <see cref="LastError"/>.
/// fd 1 is the runtime's buffered stdout, so Sys.println and Sys.stdout() stay in order.
/// </summary>
public static unsafe partial class IoNatives
{
    private const int O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_TRUNC = 0x200, O_APPEND = 0x400, O_CLOEXEC = 0x80000;
    private const int AT_FDCWD = -100, STATX_BASIC_STATS = 0x7ff;
    private const int S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFREG = 0x8000;

    private static int s_errno;

    private static int Fail()
    {
        s_errno = Marshal.GetLastPInvokeError();
        return -1;
    }

    public static int Write(int fd, HBytes* b, int pos, int len)
    {
        var data = HBytes.Data(b).Slice(pos, len);
        if (fd == 1)
        {
            Output.Write(data);
            return len;
        }
        if (fd == 2)
            Output.Flush();
        fixed (byte* p = data)
        {
            nint n = LibC.WriteOnce(fd, p, (nuint)len);
            return n < 0 ? Fail() : (int)n;
        }
    }

    public static int Read(int fd, HBytes* b, int pos, int len)
    {
        if (fd == 0)
            Output.Flush(); // a prompt printed before reading stdin must show
        fixed (byte* p = HBytes.Data(b).Slice(pos, len))
        {
            nint n = LibC.ReadOnce(fd, p, (nuint)len);
            return n < 0 ? Fail() : (int)n;
        }
    }

    public static int Open(HString* path, int mode)
    {
        int flags = O_CLOEXEC | mode switch
        {
            1 => O_WRONLY | O_CREAT | O_TRUNC,
            2 => O_WRONLY | O_CREAT | O_APPEND,
            3 => O_RDWR | O_CREAT,
            _ => 0,
        };
        using var c = new CString(path);
        int fd = open(c.Ptr, flags, 0x1b6 /* 0666 */);
        return fd < 0 ? Fail() : fd;
    }

    public static void Close(int fd) => close(fd);

    public static double Seek(int fd, double offset, int whence)
    {
        if (fd == 1)
            Output.Flush();
        long r = lseek(fd, (long)offset, whence);
        return r < 0 ? Fail() : r;
    }

    public static void Flush(int fd)
    {
        if (fd == 1)
            Output.Flush();
    }

    /// <summary>strerror of the last failure.</summary>
    public static HString* LastError() => StringOps.FromCString(strerror(s_errno));

    /// <summary>-1 missing, 0 file, 1 folder, 2 anything else.</summary>
    public static int Kind(HString* path)
    {
        Statx st;
        if (!StatPath(path, &st))
            return -1;
        return (st.Mode & S_IFMT) switch { S_IFREG => 0, S_IFDIR => 1, _ => 2 };
    }

    /// <summary>Appends gid uid atime mtime ctime size dev ino nlink rdev mode (times in ms) to <paramref name="out"/>.</summary>
    public static bool Stat(HString* path, HArray* @out)
    {
        Statx st;
        if (!StatPath(path, &st))
            return false;
        double Ms(StatxTime t) => t.Sec * 1000.0 + t.Nsec / 1_000_000;
        static double Dev(uint major, uint minor) =>
            (double)(((ulong)(major & 0xfffff000) << 32) | ((major & 0xfffu) << 8) | ((ulong)(minor & 0xffffff00) << 12) | (minor & 0xffu));
        ReadOnlySpan<double> values =
        [
            st.Gid, st.Uid, Ms(st.Atime), Ms(st.Mtime), Ms(st.Ctime), st.Size,
            Dev(st.DevMajor, st.DevMinor), st.Ino, st.Nlink, Dev(st.RdevMajor, st.RdevMinor), st.Mode,
        ];
        foreach (double v in values)
            ArrayOps.PushF64(@out, v);
        return true;
    }

    private static bool StatPath(HString* path, Statx* st)
    {
        if (path == null)
            return false;
        using var c = new CString(path);
        if (statx(AT_FDCWD, c.Ptr, 0, STATX_BASIC_STATS, st) == 0)
            return true;
        Fail();
        return false;
    }

    public static int Mkdir(HString* path) => PathCall(path, &MkdirAll);
    public static int Unlink(HString* path) => PathCall(path, &unlink);
    public static int Rmdir(HString* path) => PathCall(path, &rmdir);

    private static int MkdirAll(byte* path) => mkdir(path, 0x1ff /* 0777, less the umask */);

    public static int Rename(HString* from, HString* to)
    {
        using var a = new CString(from);
        using var b = new CString(to);
        return rename(a.Ptr, b.Ptr) == 0 ? 0 : -Fail();
    }

    /// <summary>0, or 1 on failure (the errno is kept for <see cref="LastError"/>).</summary>
    private static int PathCall(HString* path, delegate*<byte*, int> call)
    {
        using var c = new CString(path);
        return call(c.Ptr) == 0 ? 0 : -Fail();
    }

    /// <summary>A new Array&lt;String&gt; of a folder's entries without . and .., or null.</summary>
    public static HArray* ReadDir(HString* path)
    {
        void* dir;
        using (var c = new CString(path))
            dir = opendir(c.Ptr);
        if (dir == null)
        {
            Fail();
            return null;
        }
        var entries = ArrayOps.New(ElemKind.Ptr, 0);
        byte* e;
        while ((e = readdir(dir)) != null)
        {
            // struct dirent on 64-bit Linux: d_ino 8, d_off 8, d_reclen 2, d_type 1, then d_name
            var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(e + 19);
            if (name.SequenceEqual("."u8) || name.SequenceEqual(".."u8))
                continue;
            ArrayOps.PushPtr(entries, StringOps.FromUtf8(name));
        }
        closedir(dir);
        return entries;
    }

    /// <summary>realpath, or null.</summary>
    public static HString* RealPath(HString* path)
    {
        byte* r;
        using (var c = new CString(path))
            r = realpath(c.Ptr, null);
        if (r == null)
        {
            Fail();
            return null;
        }
        var s = StringOps.FromCString(r);
        free(r);
        return s;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct StatxTime { public long Sec; public uint Nsec; public int Reserved; }

    /// <summary>Linux's struct statx: the same layout on every architecture (unlike struct stat).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Statx
    {
        public uint Mask, Blksize;
        public ulong Attributes;
        public uint Nlink, Uid, Gid;
        public ushort Mode, Spare0;
        public ulong Ino, Size, Blocks, AttributesMask;
        public StatxTime Atime, Btime, Ctime, Mtime;
        public uint RdevMajor, RdevMinor, DevMajor, DevMinor;
    }

    [LibraryImport("libc", SetLastError = true)] private static partial int open(byte* path, int flags, int mode);
    [LibraryImport("libc")] private static partial int close(int fd);
    [LibraryImport("libc", SetLastError = true)] private static partial long lseek(int fd, long offset, int whence);
    [LibraryImport("libc")] private static partial byte* strerror(int errnum);
    [LibraryImport("libc", SetLastError = true)] private static partial int statx(int dirfd, byte* path, int flags, int mask, Statx* buf);
    [LibraryImport("libc", SetLastError = true)] private static partial int mkdir(byte* path, int mode);
    [LibraryImport("libc", SetLastError = true)] private static partial int unlink(byte* path);
    [LibraryImport("libc", SetLastError = true)] private static partial int rmdir(byte* path);
    [LibraryImport("libc", SetLastError = true)] private static partial int rename(byte* from, byte* to);
    [LibraryImport("libc", SetLastError = true)] private static partial void* opendir(byte* path);
    [LibraryImport("libc")] private static partial byte* readdir(void* dir);
    [LibraryImport("libc")] private static partial int closedir(void* dir);
    [LibraryImport("libc", SetLastError = true)] private static partial byte* realpath(byte* path, byte* resolved);
    [LibraryImport("libc")] private static partial void free(void* p);
}
