namespace Sweep.Models.Training;

/// <summary>
/// How many threads a trial's engine may use for its large products right now. Whoever schedules trials
/// changes it as other trials start and end; the engine reads it at each product, so a product already
/// under way finishes on the threads it started with. A trial's results never depend on it.
/// </summary>
public sealed class ThreadBudget
{
    private int threads;

    /// <summary>A budget of <paramref name="threads"/> threads (at least 1).</summary>
    public ThreadBudget(int threads = 1)
    {
        Threads = threads;
    }

    /// <summary>The threads a product may use now, the trial's own among them.</summary>
    public int Threads
    {
        get => Volatile.Read(ref threads);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref threads, value);
        }
    }
}
