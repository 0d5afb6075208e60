using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Storage.Tests;

public abstract class RangeTestTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void A_range_test_written_again_replaces_its_steps()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);
        store.WriteRangeTest(experimentId, trials[0].Id, [.. Enumerable.Range(0, 30).Select(s => new RangeTestStep(s, 1e-4 * (s + 1), 2.0, 2.0))]);

        RangeTestStep[] steps =
        [
            new(0, 1e-5, 2.3, 2.3),
            new(1, 1e-4, 1.9, 2.1),
            new(2, 1e-3, double.NaN, double.NaN),
        ];
        store.WriteRangeTest(experimentId, trials[0].Id, steps);

        var read = store.ReadRangeTest(experimentId, trials[0].Id);
        Assert.Equal(3, read.Length);
        Assert.Equal(steps[..2], read[..2]);
        Assert.True(double.IsNaN(read[2].Loss));
        Assert.Empty(store.ReadRangeTest(experimentId, trials[1].Id));
    }

    [Fact]
    public void A_finished_range_test_is_recorded_with_its_steps_in_the_same_batch()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);
        var claim = store.ClaimTrials(experimentId, runId, 1)[0];
        var outcome = new TrialOutcome(TrialStatus.Completed, [], 0.4) { RangeTestSteps = ModelSteps(25) };

        var result = store.WriteBatch(experimentId, runId, new RunBatch([new FinishedTrial(claim, outcome, DateTimeOffset.UtcNow)], [], 0));

        Assert.Equal([true], result.Recorded.ToArray());
        Assert.Equal("completed", Scalar<string>($"SELECT status FROM trials WHERE id = '{claim.TrialId}'"));
        var read = store.ReadRangeTest(experimentId, claim.TrialId);
        Assert.Equal(25, read.Length);
        Assert.Equal<RangeTestStep>(ModelSteps(25), read);
    }

    [Fact]
    public void A_range_test_taken_over_by_another_run_writes_no_step()
    {
        var store = OpenStore();
        var (experimentId, deadRun, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, deadRun);
        store.FinishRun(deadRun, RunStatus.Interrupted);
        store.TryClaimTrial(experimentId, trials[0].Id, store.StartRun(experimentId, "test"));
        var outcome = new TrialOutcome(TrialStatus.Completed, [], 0.4) { RangeTestSteps = ModelSteps(10) };

        var recorded = store.CompleteTrial(experimentId, trials[0].Id, deadRun, outcome);

        Assert.False(recorded);
        Assert.Empty(store.ReadRangeTest(experimentId, trials[0].Id));
    }

    [Fact]
    public void An_interrupted_range_test_without_steps_keeps_no_rows()
    {
        var store = OpenStore();
        var (experimentId, runId, _) = Planned(store);
        var claim = store.ClaimTrials(experimentId, runId, 1)[0];

        store.WriteBatch(experimentId, runId, new RunBatch([new FinishedTrial(claim, new TrialOutcome(TrialStatus.Interrupted, [], 0.2), DateTimeOffset.UtcNow)], [], 0));

        Assert.Equal("interrupted", Scalar<string>($"SELECT status FROM trials WHERE id = '{claim.TrialId}'"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM range_tests"));
    }

    private static ImmutableArray<RangeTestStep> ModelSteps(int count) =>
        [.. Enumerable.Range(0, count).Select(s => new RangeTestStep(s, 1e-5 * Math.Pow(1.5, s), 2.0 - (0.01 * s), 2.0 - (0.005 * s)))];
}

public sealed class RangeTestTestsOnSqlite() : RangeTestTests(StoreKind.Sqlite);

public sealed class RangeTestTestsOnPostgres() : RangeTestTests(StoreKind.Postgres);
