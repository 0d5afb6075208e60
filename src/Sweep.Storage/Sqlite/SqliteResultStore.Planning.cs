using System.Diagnostics;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>
    /// The planning lock is an exclusive <c>flock</c> on the store file itself, which .NET takes for a file
    /// opened with <see cref="FileShare.None"/>: it needs no file of its own, SQLite's byte-range locks do not
    /// see it, and the kernel drops it when the process dies. It is not a write transaction, so the planner
    /// can go on reading and writing the store while it holds it.
    /// </summary>
    public IDisposable HoldPlanningLock(long experimentId)
    {
        var start = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(start) < WriteDeadline)
            {
                Thread.Sleep(Random.Shared.Next(5, 20) * Math.Min(attempt, 10));
            }
            catch (IOException e)
            {
                throw new StoreException($"The store '{Location}' was held by another process planning a stage for {WriteDeadline.TotalSeconds:0} s; try again.", e);
            }
        }
    }
}
