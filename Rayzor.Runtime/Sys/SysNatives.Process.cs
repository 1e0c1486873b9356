using System.Runtime.InteropServices;
using Rayzor.Runtime.Arrays;
using Rayzor.Runtime.Exceptions;
using Rayzor.Runtime.Std;
using Rayzor.Runtime.Strings;

namespace Rayzor.Runtime.Sys;

/// <summary>
/// The natives behind <c>sys.io.Process</c> (Rayzor.Runtime/haxe/_std/sys/io/Process.hx): a child
/// started with <c>posix_spawnp</c>, its stdin, stdout and stderr pipes, <c>waitpid</c> and <c>kill</c>.
/// </summary>
public static unsafe partial class SysNatives
{
    private const int OCloexec = 0x80000, WNoHang = 1, SigKill = 9;

    // glibc's posix_spawn_file_actions_t is 80 bytes on 64-bit targets; room to spare
    private const int FileActionsSize = 256;

    /// <summary>
    /// Starts <paramref name="cmd"/>: through <c>/bin/sh -c</c> when <paramref name="args"/> is null
    /// (a command line), else the program itself (searched in PATH) with those arguments. Writes the
    /// parent's ends of the child's stdin, stdout and stderr into <paramref name="fds"/> (an
    /// <c>Array&lt;Int&gt;</c> of 3); the child's pid, or -1 when it could not be started.
    /// </summary>
    public static int Spawn(HString* cmd, HArray* args, HArray* fds)
    {
        if (cmd == null || fds == null)
            Traps.ThrowNullAccess();
        Output.Flush();
        int* pipes = stackalloc int[6];
        int made = 0;
        for (; made < 3; made++)
            if (pipe2(pipes + 2 * made, OCloexec) != 0)
                break;
        if (made < 3)
        {
            for (int i = 0; i < 2 * made; i++)
                close(pipes[i]);
            return -1;
        }
        // the child reads pipes[0] (stdin), writes pipes[3] (stdout) and pipes[5] (stderr)
        int argc = args == null ? 3 : args->Length + 1;
        // (argv's strings are NativeMemory copies, freed below: no managed memory, as in all of Sys)
        byte** argv = stackalloc byte*[argc + 1];
        int kept = 0;
        byte* actions = stackalloc byte[FileActionsSize];
        try
        {
            if (args == null)
            {
                argv[kept++] = Copy("/bin/sh");
                argv[kept++] = Copy("-c");
                argv[kept++] = Copy(HString.Chars(cmd));
            }
            else
            {
                argv[kept++] = Copy(HString.Chars(cmd));
                for (int i = 0; i < args->Length; i++)
                {
                    var a = (HString*)ArrayOps.GetDyn(args, i);
                    argv[kept++] = Copy(a == null ? "null" : HString.Chars(a));
                }
            }
            argv[argc] = null;
            posix_spawn_file_actions_init(actions);
            posix_spawn_file_actions_adddup2(actions, pipes[0], 0);
            posix_spawn_file_actions_adddup2(actions, pipes[3], 1);
            posix_spawn_file_actions_adddup2(actions, pipes[5], 2);
            int pid;
            int error = posix_spawnp(&pid, argv[0], actions, null, argv, environ);
            posix_spawn_file_actions_destroy(actions);
            close(pipes[0]);
            close(pipes[3]);
            close(pipes[5]);
            if (error != 0)
            {
                close(pipes[1]);
                close(pipes[2]);
                close(pipes[4]);
                return -1;
            }
            ArrayOps.SetI32(fds, 0, pipes[1]);
            ArrayOps.SetI32(fds, 1, pipes[2]);
            ArrayOps.SetI32(fds, 2, pipes[4]);
            return pid;
        }
        finally
        {
            for (int i = 0; i < kept; i++)
                NativeMemory.Free(argv[i]);
        }
    }

    /// <summary>A NUL-terminated UTF-8 copy in NativeMemory (the caller frees it).</summary>
    private static byte* Copy(ReadOnlySpan<char> s) => new CString(s).Ptr;

    /// <summary>
    /// The exit code of child <paramref name="pid"/> (128 + the signal that ended it), waiting for
    /// it to end when <paramref name="block"/>; -1 when it is still running (not blocking) or
    /// cannot be waited for.
    /// </summary>
    public static int Wait(int pid, bool block)
    {
        int status;
        int r;
        do
            r = waitpid(pid, &status, block ? 0 : WNoHang);
        while (r == -1 && Marshal.GetLastSystemError() == 4 /* EINTR */);
        if (r <= 0)
            return -1;
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    /// <summary>Ends child <paramref name="pid"/> (SIGKILL, as HashLink does).</summary>
    public static void Kill(int pid) => kill(pid, SigKill);

    [LibraryImport("libc")] private static partial int pipe2(int* fds, int flags);
    [LibraryImport("libc")] private static partial int close(int fd);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_init(void* actions);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);
    [LibraryImport("libc")] private static partial int posix_spawn_file_actions_destroy(void* actions);
    [LibraryImport("libc")] private static partial int posix_spawnp(int* pid, byte* file, void* actions, void* attributes, byte** argv, byte** envp);
    [LibraryImport("libc", SetLastError = true)] private static partial int waitpid(int pid, int* status, int options);
    [LibraryImport("libc")] private static partial int kill(int pid, int signal);
}
