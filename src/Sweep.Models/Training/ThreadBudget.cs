using System.Diagnostics;

namespace Sweep.Models.Training;

/// <summary>
/// A trial's share of its process's cores. <see cref="Threads"/>: how many threads its engine may use for its
/// large products right now; whoever schedules trials changes it as other trials start and end, and the engine
/// reads it at each product, so a product already under way finishes on the threads it started with. With
/// <see cref="CoreTurns"/>, also when it may compute: the engine calls <see cref="Pass"/> between batches. A
/// trial's results never depend on either.
/// </summary>
public sealed class ThreadBudget
{
    private readonly CoreTurns? turns;
    private int threads;
    private long heldSince;
    private long waitedTicks;

    /// <summary>A budget of <paramref name="threads"/> threads (at least 1), taking turns on <paramref name="turns"/> when given.</summary>
    public ThreadBudget(int threads = 1, CoreTurns? turns = null)
    {
        Threads = threads;
        this.turns = turns;
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

    /// <summary>How long the trial has waited for turns inside <see cref="Pass"/>: not its training time.</summary>
    public TimeSpan Waited => Stopwatch.GetElapsedTime(0, waitedTicks);

    /// <summary>Waits for the trial's first turn; the scheduler calls it before the trial starts.</summary>
    public void TakeTurn()
    {
        turns?.Take();
        heldSince = Stopwatch.GetTimestamp();
    }

    /// <summary>Frees the trial's turn once it has ended.</summary>
    public void GiveTurn() => turns?.Give();

    /// <summary>
    /// Between two batches: after a slice of computing while another trial waits, lets it compute and waits
    /// for the next turn. Otherwise returns at once.
    /// </summary>
    public void Pass()
    {
        if (turns is null || turns.Waiting == 0 || Stopwatch.GetElapsedTime(heldSince) < CoreTurns.Slice)
        {
            return;
        }

        var asked = Stopwatch.GetTimestamp();
        turns.Give();
        turns.Take();
        heldSince = Stopwatch.GetTimestamp();
        waitedTicks += heldSince - asked;
    }
}
