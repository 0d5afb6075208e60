using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sweep.Models.Trials.Commands;

/// <summary>
/// Signals for a trial's process group. The program is started by <c>setsid</c>, so it leads a session and
/// a process group of its own whose id is its pid; its children and grandchildren stay in that group even
/// when they are reparented after it exits, which <c>Process.Kill(entireProcessTree)</c> would miss.
/// </summary>
internal static partial class ProcessGroup
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private const int NoSuchProcess = 3;

    /// <summary>
    /// SIGTERM to the whole group, then SIGKILL to whatever is left after <paramref name="grace"/>. Returns
    /// when no process of the group is left, or soon after the SIGKILL.
    /// </summary>
    public static void Stop(int leader, TimeSpan grace)
    {
        if (!Signal(leader, SigTerm))
        {
            return;
        }

        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < grace)
        {
            if (!IsAlive(leader))
            {
                return;
            }

            Thread.Sleep(waited.Elapsed < TimeSpan.FromMilliseconds(50) ? 1 : 10);
        }

        Signal(leader, SigKill);
        var killed = Stopwatch.StartNew();
        while (IsAlive(leader) && killed.Elapsed < TimeSpan.FromSeconds(1))
        {
            Thread.Sleep(5);
        }
    }

    /// <summary>Whether any process of the group is left.</summary>
    public static bool IsAlive(int leader) => Kill(-leader, 0) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;

    /// <summary>
    /// Signals the group led by <paramref name="leader"/>; before the leader has made its group (the moment
    /// between start and setsid), only the leader, so sweep never signals its own group. False when nothing
    /// was left to signal.
    /// </summary>
    private static bool Signal(int leader, int signal)
    {
        var group = GetProcessGroup(leader);
        var target = group == leader || group < 0 ? -leader : leader;
        return Kill(target, signal) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    private static partial int GetProcessGroup(int pid);
}
