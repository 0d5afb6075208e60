namespace Sweep.Models.Training;

/// <summary>
/// Turns on a run's cores for more trials than cores: at most <c>turns</c> trials compute at any moment, and a
/// trial that has computed for a <see cref="Slice"/> while another waits gives its turn to the one that has
/// waited longest and queues behind it. Three trials on two cores so all progress together and end after
/// about one and a half trials' time, instead of two trials' time with the third alone on one core while the
/// other stands idle. A trial's results do not depend on its turns: it computes the same steps in the same
/// order on its own thread; only when it computes changes.
/// </summary>
public sealed class CoreTurns
{
    /// <summary>
    /// How long a trial keeps its turn while another waits. Each switch costs the trial that resumes about a
    /// millisecond to bring its few megabytes back into cache (three 0.17 s autoencoder trials on two cores took
    /// 1.75-2.1 times one trial with 10 ms turns, 1.6-1.7 with 50 ms), while a longer turn leaves more of the
    /// last trials' work unevenly shared.
    /// </summary>
    public static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);

    private readonly object gate = new();
    private readonly Queue<Waiter> line = new();
    private int free;
    private int waiting;

    /// <param name="turns">How many trials may compute at once: the run's workers, at least 1.</param>
    public CoreTurns(int turns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        free = turns;
    }

    /// <summary>How many trials wait for a turn; read without the lock between batches, so it costs nothing when none does.</summary>
    internal int Waiting => Volatile.Read(ref waiting);

    /// <summary>Waits until a turn is free and no trial that asked earlier still waits; then it is the caller's.</summary>
    internal void Take()
    {
        lock (gate)
        {
            if (free > 0 && line.Count == 0)
            {
                free--;
                return;
            }

            var waiter = new Waiter();
            line.Enqueue(waiter);
            Volatile.Write(ref waiting, waiting + 1);
            while (!waiter.Granted)
            {
                Monitor.Wait(gate);
            }
        }
    }

    /// <summary>Hands the caller's turn to the trial that has waited longest, or frees it.</summary>
    internal void Give()
    {
        lock (gate)
        {
            if (line.TryDequeue(out var next))
            {
                Volatile.Write(ref waiting, waiting - 1);
                next.Granted = true;
                Monitor.PulseAll(gate);
            }
            else
            {
                free++;
            }
        }
    }

    private sealed class Waiter
    {
        public bool Granted { get; set; }
    }
}
