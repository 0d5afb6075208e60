using System.Diagnostics;
using Sweep.Models.Training;

namespace Sweep.Models.Tests.Training;

/// <summary>More trials than cores take turns: never more computing at once than turns, and none waits for another to end.</summary>
public sealed class CoreTurnsTests
{
    /// <summary>A step of work: a millisecond of the clock, so a trial of 200 steps outlasts several slices on any machine.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void Three_trials_on_two_turns_never_compute_three_at_once_and_the_third_starts_before_the_others_end()
    {
        var turns = new CoreTurns(2);
        var computing = 0;
        var mostAtOnce = 0;
        var firstStep = new long[3];
        var lastStep = new long[3];

        void Trial(int index)
        {
            var budget = new ThreadBudget(turns: turns);
            budget.TakeTurn();
            try
            {
                // The first two start computing only once the third waits in line.
                SpinWait.SpinUntil(() => turns.Waiting == 1 || index == 2);
                firstStep[index] = Stopwatch.GetTimestamp();
                for (var step = 0; step < 200; step++)
                {
                    var now = Interlocked.Increment(ref computing);
                    InterlockedMax(ref mostAtOnce, now);
                    var started = Stopwatch.StartNew();
                    while (started.Elapsed < Step)
                    {
                        Thread.SpinWait(100);
                    }

                    Interlocked.Decrement(ref computing);
                    budget.Pass();
                }

                lastStep[index] = Stopwatch.GetTimestamp();
            }
            finally
            {
                budget.GiveTurn();
            }
        }

        var holders = Enumerable.Range(0, 2).Select(i => new Thread(() => Trial(i))).ToList();
        holders.ForEach(t => t.Start());
        var third = new Thread(() => Trial(2));
        third.Start();
        holders.ForEach(t => t.Join());
        third.Join();

        Assert.InRange(mostAtOnce, 1, 2);
        Assert.True(lastStep[0] > firstStep[2] && lastStep[1] > firstStep[2], "a trial ended before the third had its first turn");
    }

    [Fact]
    public void A_trial_alone_on_its_turns_never_waits()
    {
        var budget = new ThreadBudget(turns: new CoreTurns(1));
        budget.TakeTurn();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < CoreTurns.Slice * 3)
        {
            budget.Pass();
        }

        budget.GiveTurn();

        Assert.Equal(TimeSpan.Zero, budget.Waited);
    }

    [Fact]
    public void A_freed_turn_goes_to_the_trial_that_asked_first()
    {
        var turns = new CoreTurns(1);
        var holder = new ThreadBudget(turns: turns);
        holder.TakeTurn();
        var order = new List<int>();
        var waiters = new List<Thread>();
        for (var i = 0; i < 3; i++)
        {
            var index = i;
            var thread = new Thread(() =>
            {
                var budget = new ThreadBudget(turns: turns);
                budget.TakeTurn();
                lock (order)
                {
                    order.Add(index);
                }

                budget.GiveTurn();
            });
            thread.Start();
            // Each asks only once the one before it waits in line.
            Assert.True(SpinWait.SpinUntil(() => turns.Waiting == index + 1, TimeSpan.FromSeconds(60)));
            waiters.Add(thread);
        }

        holder.GiveTurn();
        waiters.ForEach(t => t.Join());

        Assert.Equal([0, 1, 2], order);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
