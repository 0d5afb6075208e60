using Sweep.Models.Training;

namespace Sweep.Runner.Running;

/// <summary>
/// Shares a run's threads among its running trials, as they start and end: each of r trials gets
/// threads / r, and the ones that started first one more until the remainder is gone. A trial alone on
/// two workers multiplies on two threads and gives one back the moment a second trial starts, so the
/// budgets never add up to more than the run's threads.
/// </summary>
internal sealed class ThreadShares
{
    private readonly int threads;
    private readonly CoreTurns? turns;
    private readonly List<ThreadBudget> running = [];

    /// <param name="threads">The threads the run may use at once, at least 1.</param>
    /// <param name="turns">The turns the trials take on the cores when more are in flight than workers.</param>
    public ThreadShares(int threads, CoreTurns? turns = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        this.threads = threads;
        this.turns = turns;
    }

    /// <summary>The budget of a trial that starts now; give it back with <see cref="Leave"/> when the trial ends.</summary>
    public ThreadBudget Join()
    {
        var budget = new ThreadBudget(turns: turns);
        lock (running)
        {
            running.Add(budget);
            Share();
        }

        return budget;
    }

    /// <summary>Gives an ended trial's threads to the trials still running.</summary>
    public void Leave(ThreadBudget budget)
    {
        lock (running)
        {
            running.Remove(budget);
            Share();
        }
    }

    private void Share()
    {
        for (var i = 0; i < running.Count; i++)
        {
            running[i].Threads = Math.Max(1, (threads / running.Count) + (i < threads % running.Count ? 1 : 0));
        }
    }
}
