using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Maps;
using Rayzor.Runtime.Strings;
using Rayzor.Runtime.Sys;

namespace Rayzor.Runtime.Exports;

/// <summary>C entry points of <c>Sys</c> beyond printing (docs/abi.md, Sys); bound by <c>@:rzNative</c> in _std/Sys.hx.</summary>
public static unsafe class SysExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_sys_time")]
    public static double Time() => SysNatives.Time();

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_cpu_time")]
    public static double CpuTime() => SysNatives.CpuTime();

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_get_env")]
    public static HString* GetEnv(HString* name) => SysNatives.GetEnv(name);

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_put_env")]
    public static void PutEnv(HString* name, HString* value) => SysNatives.PutEnv(name, value);

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_environment")]
    public static HMap* Environment() => SysNatives.Environment();

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_sleep")]
    public static void Sleep(double seconds) => SysNatives.Sleep(seconds);

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_set_time_locale")]
    public static int SetTimeLocale(HString* locale) => SysNatives.SetTimeLocale(locale) ? 1 : 0;

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_get_cwd")]
    public static HString* GetCwd() => SysNatives.GetCwd();

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_set_cwd")]
    public static void SetCwd(HString* path) => SysNatives.SetCwd(path);

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_system_name")]
    public static HString* SystemName() => SysNatives.SystemName();

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_command")]
    public static int Command(HString* cmd, HArray* args) => SysNatives.Command(cmd, args);

    [UnmanagedCallersOnly(EntryPoint = "rz_process_spawn")]
    public static int ProcessSpawn(HString* cmd, HArray* args, HArray* fds) => SysNatives.Spawn(cmd, args, fds);

    [UnmanagedCallersOnly(EntryPoint = "rz_process_wait")]
    public static int ProcessWait(int pid, int block) => SysNatives.Wait(pid, block != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_process_kill")]
    public static void ProcessKill(int pid) => SysNatives.Kill(pid);

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_program_path")]
    public static HString* ProgramPath() => SysNatives.ProgramPath();

    [UnmanagedCallersOnly(EntryPoint = "rz_sys_get_char")]
    public static int GetChar(int echo) => SysNatives.GetChar(echo != 0);
}

/// <summary>C entry points of Rayzor's Date (haxe/_std/rayzor/DateNatives.hx).</summary>
public static class DateExports
{
    [UnmanagedCallersOnly(EntryPoint = "rz_date_make")]
    public static double Make(int year, int month, int day, int hour, int min, int sec, int utc) =>
        DateNatives.Make(year, month, day, hour, min, sec, utc != 0);

    [UnmanagedCallersOnly(EntryPoint = "rz_date_field")]
    public static int Field(double ms, int which, int utc) => DateNatives.Field(ms, which, utc != 0);
}
