using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Bytes;
using Rayzor.Runtime.Strings;
using Rayzor.Runtime.Sys;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points of Rayzor's haxe.io / sys.io / sys.FileSystem (haxe/_std/rayzor/io/IoNatives.hx; docs/abi.md).</summary>
public static unsafe class IoExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_io_write")]
    public static int Write(int fd, HBytes* b, int pos, int len) => IoNatives.Write(fd, b, pos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_io_read")]
    public static int Read(int fd, HBytes* b, int pos, int len) => IoNatives.Read(fd, b, pos, len);

    [UnmanagedCallersOnly(EntryPoint = "rz_io_open")]
    public static int Open(HString* path, int mode) => IoNatives.Open(path, mode);

    [UnmanagedCallersOnly(EntryPoint = "rz_io_close")]
    public static void Close(int fd) => IoNatives.Close(fd);

    [UnmanagedCallersOnly(EntryPoint = "rz_io_seek")]
    public static double Seek(int fd, double offset, int whence) => IoNatives.Seek(fd, offset, whence);

    [UnmanagedCallersOnly(EntryPoint = "rz_io_flush")]
    public static void Flush(int fd) => IoNatives.Flush(fd);

    [UnmanagedCallersOnly(EntryPoint = "rz_io_last_error")]
    public static HString* LastError() => IoNatives.LastError();

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_kind")]
    public static int Kind(HString* path) => IoNatives.Kind(path);

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_stat")]
    public static int Stat(HString* path, HArray* @out) => IoNatives.Stat(path, @out) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_mkdir")]
    public static int Mkdir(HString* path) => IoNatives.Mkdir(path);

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_unlink")]
    public static int Unlink(HString* path) => IoNatives.Unlink(path);

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_rmdir")]
    public static int Rmdir(HString* path) => IoNatives.Rmdir(path);

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_rename")]
    public static int Rename(HString* from, HString* to) => IoNatives.Rename(from, to);

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_read_dir")]
    public static HArray* ReadDir(HString* path) => IoNatives.ReadDir(path);

    [UnmanagedCallersOnly(EntryPoint = "rz_fs_real_path")]
    public static HString* RealPath(HString* path) => IoNatives.RealPath(path);
}
