using System.ComponentModel;
using System.Diagnostics;

namespace Sweep.Storage;

/// <summary>
/// Whether a run's process on this machine still lives: a store marks a run abandoned only when its process
/// is gone. Runs of other machines are judged by their leases instead.
/// </summary>
internal static class RunProcesses
{
    /// <summary>A process's start time as the OS reports it can be off by about a second (Linux counts clock ticks since boot).</summary>
    private static readonly TimeSpan ProcessStartSlack = TimeSpan.FromSeconds(5);

    /// <summary>Whether the process that started a run still lives; an id reused by a later process does not count.</summary>
    public static bool IsAlive(int processId, DateTimeOffset runStarted)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited is false && process.StartTime.ToUniversalTime() <= runStarted.UtcDateTime + ProcessStartSlack;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // No such process, or it exited while being looked at.
            return false;
        }
        catch (Exception e) when (e is Win32Exception or NotSupportedException)
        {
            // Cannot tell (no access to another user's process): assume it lives rather than run a trial twice.
            return true;
        }
    }
}
