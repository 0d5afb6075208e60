using Sweep.Models.Data;
using Sweep.Models.Results;
using Sweep.Models.Training;
using Sweep.Models.Trials;

namespace Sweep.Models.Tests.Trials;

public sealed class EngineExecutorTests
{
    [Fact]
    public void The_engine_trains_the_plan_and_shows_each_epoch_as_it_is_made()
    {
        var trial = Plans.Single(Plans.Linear(0.01, epochs: 20));
        var seen = new List<int>();

        var result = new EngineExecutor(new DatasetCache().For).Run(trial, new ThreadBudget(), e => seen.Add(e.Epoch), CancellationToken.None);

        Assert.Equal(trial.Id, result.TrialId);
        Assert.Equal(TrialStatus.Completed, result.Status);
        Assert.Equal(Enumerable.Range(1, 20), seen);
        Assert.Equal(seen, result.Epochs.Select(e => e.Epoch));
        Assert.True(result.FinalLoss < result.Epochs[0].TrainLoss);
        Assert.Null(result.RangeTest);
    }

    [Fact]
    public void A_rate_past_the_stable_bound_ends_diverged_through_the_early_stop()
    {
        // Full-batch descent on y = 3x with x in 1..4 diverges past 2 / λmax ≈ 0.12; at rate 1 the loss grows ~250× an epoch.
        var result = new EngineExecutor(new DatasetCache().For).Run(Plans.Single(Plans.Linear(1, epochs: 50)), new ThreadBudget(), null, CancellationToken.None);

        Assert.Equal(TrialStatus.Diverged, result.Status);
        Assert.InRange(result.Epochs.Length, 2, 5);
    }

    [Fact]
    public void A_cancelled_trial_is_interrupted_before_its_first_epoch()
    {
        var result = new EngineExecutor(new DatasetCache().For).Run(Plans.Single(Plans.Linear(0.01)), new ThreadBudget(), null, new CancellationToken(canceled: true));

        Assert.Equal(TrialStatus.Interrupted, result.Status);
        Assert.Empty(result.Epochs);
    }

    [Fact]
    public void The_data_comes_from_the_function_it_is_given()
    {
        var asked = 0;
        var cache = new DatasetCache();

        new EngineExecutor(c => { asked++; return cache.For(c); }).Run(Plans.Single(Plans.Linear(0.01, epochs: 2)), new ThreadBudget(), null, CancellationToken.None);

        Assert.Equal(1, asked);
    }
}
