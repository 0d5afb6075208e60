using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sweep.Models.Trials.Commands;

/// <summary>The C library calls behind a trial's program (glibc or musl on Linux).</summary>
internal sealed partial class TrialProgram
{
    private const int NoSuchProcess = 3;
    private const int Interrupted = 4;
    private const int NotExecutableFormat = 8;
    private const int PermissionDenied = 13;
    private const int NoHang = 1;
    private const int CloseOnExec = 0x80000;
    private const short PollIn = 1;
    private const nint PidfdOpenCall = 434;

    /// <summary>posix_spawn's flags: reset every signal to its default, clear the signal mask, start a new session.</summary>
    private const short SpawnFlags = 0x04 | 0x08 | 0x80;

    /// <summary>Room for posix_spawnattr_t, posix_spawn_file_actions_t and sigset_t, each well under it in every C library.</summary>
    private const int OpaqueSize = 1024;

    /// <summary>
    /// Spawns <paramref name="path"/> in a session of its own, in <paramref name="folder"/>, with stdin from
    /// /dev/null and stdout and stderr on the given pipe ends. Returns 0, or the error number of the failed
    /// start (the C library reports a failed exec as posix_spawn's result).
    /// </summary>
    private static unsafe int Spawn(string path, string[] arguments, string[] environment, string folder, SafeFileHandle stdout, SafeFileHandle stderr, out int pid)
    {
        var actions = NativeMemory.AllocZeroed(OpaqueSize);
        var attributes = NativeMemory.AllocZeroed(OpaqueSize);
        var signals = NativeMemory.AllocZeroed(OpaqueSize);
        var argv = NativeStrings(arguments);
        var envp = NativeStrings(environment);
        try
        {
            // Signals sweep (.NET) ignores, SIGPIPE among them, or blocks must not stay so for the program. All
            // 64 bits are set by hand: sigfillset leaves out the C library's own two, which glibc's posix_spawn
            // then leaves ignored.
            new Span<byte>(signals, sizeof(ulong)).Fill(0xFF);
            var error = FirstError(
                FileActionsInit(actions),
                AttributesInit(attributes),
                AttributesSetSignalDefaults(attributes, signals),
                SignalSetEmpty(signals),
                AttributesSetSignalMask(attributes, signals),
                AttributesSetFlags(attributes, SpawnFlags),
                FileActionsAddOpen(actions, 0, "/dev/null", 0, 0),
                FileActionsAddDup2(actions, (int)stdout.DangerousGetHandle(), 1),
                FileActionsAddDup2(actions, (int)stderr.DangerousGetHandle(), 2),
                FileActionsAddChdir(actions, folder));
            pid = 0;
            if (error != 0)
            {
                return error;
            }

            fixed (nint* args = argv, env = envp)
            {
                return PosixSpawn(out pid, path, actions, attributes, args, env);
            }
        }
        finally
        {
            // Both were zeroed first, so destroying them is safe even where their init failed.
            _ = FileActionsDestroy(actions);
            _ = AttributesDestroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(signals);
            Array.ForEach(argv, Marshal.FreeCoTaskMem);
            Array.ForEach(envp, Marshal.FreeCoTaskMem);
        }
    }

    /// <summary>A pipe whose ends close on exec, so no other program sweep starts holds them open.</summary>
    private static unsafe (SafeFileHandle Read, SafeFileHandle Write) Pipe()
    {
        var ends = stackalloc int[2];
        if (Pipe2(ends, CloseOnExec) != 0)
        {
            throw new IOException($"cannot make a pipe for the program's output: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        return (new SafeFileHandle(ends[0], ownsHandle: true), new SafeFileHandle(ends[1], ownsHandle: true));
    }

    private static SafeFileHandle ExitHandle(int pid)
    {
        var handle = (int)PidfdOpen(PidfdOpenCall, pid, 0);
        return new SafeFileHandle(handle, ownsHandle: handle >= 0);
    }

    private static unsafe void WaitReadable(SafeFileHandle handle, TimeSpan timeout)
    {
        var poll = new PollDescriptor { Descriptor = (int)handle.DangerousGetHandle(), Events = PollIn };
        // Woken early by a signal or not, the caller looks at the program again either way.
        _ = Poll(&poll, 1, (int)Math.Ceiling(timeout.TotalMilliseconds));
    }

    /// <summary>The first non-zero result of calls made in order, each returning 0 or an error number.</summary>
    private static int FirstError(params ReadOnlySpan<int> results)
    {
        foreach (var result in results)
        {
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    /// <summary>UTF-8 copies of <paramref name="values"/> and the null that ends a C string array.</summary>
    private static nint[] NativeStrings(string[] values) => [.. values.Select(Marshal.StringToCoTaskMemUTF8), 0];

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "posix_spawn", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int PosixSpawn(out int pid, string path, void* fileActions, void* attributes, nint* argv, nint* envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    private static unsafe partial int FileActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    private static unsafe partial int FileActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int FileActionsAddOpen(void* actions, int descriptor, string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    private static unsafe partial int FileActionsAddDup2(void* actions, int descriptor, int target);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int FileActionsAddChdir(void* actions, string folder);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    private static unsafe partial int AttributesInit(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    private static unsafe partial int AttributesDestroy(void* attributes);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    private static unsafe partial int AttributesSetFlags(void* attributes, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    private static unsafe partial int AttributesSetSignalDefaults(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    private static unsafe partial int AttributesSetSignalMask(void* attributes, void* signals);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    private static unsafe partial int SignalSetEmpty(void* signals);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    private static unsafe partial int Pipe2(int* ends, int flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial nint PidfdOpen(nint call, int pid, uint flags);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(PollDescriptor* descriptors, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static partial int WaitPid(int pid, out int status, int options);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
