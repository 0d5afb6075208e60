using Sweep.Runner.Running;

namespace Sweep.Runner.Tests.Running;

public sealed class ThreadSharesTests
{
    [Fact]
    public void A_trial_alone_on_two_threads_gets_both_and_gives_one_back_when_a_second_starts()
    {
        var shares = new ThreadShares(2);

        var first = shares.Join();
        Assert.Equal(2, first.Threads);

        var second = shares.Join();
        Assert.Equal((1, 1), (first.Threads, second.Threads));

        shares.Leave(first);
        Assert.Equal(2, second.Threads);
    }

    [Fact]
    public void Three_threads_over_two_trials_give_the_spare_one_to_the_trial_that_started_first()
    {
        var shares = new ThreadShares(3);

        var first = shares.Join();
        var second = shares.Join();

        Assert.Equal((2, 1), (first.Threads, second.Threads));
        shares.Leave(first);
        Assert.Equal(3, second.Threads);
    }

    [Fact]
    public void The_budgets_of_the_running_trials_never_add_up_to_more_than_the_threads()
    {
        var shares = new ThreadShares(4);
        var running = new List<Sweep.Models.Training.ThreadBudget>();
        var totals = new List<int>();

        for (var i = 0; i < 4; i++)
        {
            running.Add(shares.Join());
            totals.Add(running.Sum(b => b.Threads));
        }

        foreach (var budget in running.ToList())
        {
            shares.Leave(budget);
            running.Remove(budget);
            totals.Add(running.Sum(b => b.Threads));
        }

        Assert.Equal([4, 4, 4, 4, 4, 4, 4, 0], totals);
    }
}
