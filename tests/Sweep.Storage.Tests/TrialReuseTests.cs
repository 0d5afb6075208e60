using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Storage.Tests;

/// <summary>A trial finished in one version of an experiment is the same trial in the next: planned again, it is taken, not re-run.</summary>
public abstract class TrialReuseTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void A_finished_trial_planned_in_a_new_version_takes_its_status_metrics_diagnosis_epochs_and_range_test()
    {
        var store = OpenStore();
        var (firstId, runId, trials) = Planned(store, rates: 2, decays: 1);
        Finish(store, firstId, runId, Some.Completed(6));
        Finish(store, firstId, runId, new TrialOutcome(TrialStatus.Diverged, Some.Epochs(2), 0.2));
        store.RecordDiagnosis(firstId, trials[0].Id, new TrialDiagnosis(CurveLabel.Good, "flat at the lowest loss", null));
        store.WriteRangeTest(firstId, trials[0].Id, [new RangeTestStep(0, 1e-4, 2.0, 2.0)]);
        var next = Some.Experiment(rates: 3, decays: 1);
        var second = store.RegisterExperiment(next);

        var planning = store.PlanTrials(second.Id, Some.Trials(next), reuseFinished: true);

        Assert.Equal(3, planning.Added);
        Assert.Equal([new ReusedTrials(1, 2)], planning.Reused.ToArray());
        var reused = store.GetTrial(second.Id, trials[0].Id)!;
        Assert.Equal((TrialStatus.Completed, "good", 6), (reused.Trial.Status, reused.Trial.Diagnosis, reused.Epochs.Length));
        Assert.Equal(Some.Epochs(6).ToArray(), reused.Epochs.ToArray());
        Assert.Equal(TrialStatus.Diverged, store.GetTrial(second.Id, trials[1].Id)!.Trial.Status);
        Assert.Single(store.ReadRangeTest(second.Id, trials[0].Id));
        Assert.Equal(TrialStatus.Pending, store.ListTrials(second.Id)[2].Status);
        Assert.Equal(2, Scalar<int>($"SELECT COUNT(*) FROM trials WHERE experiment_id = {second.Id} AND reused_from = {firstId}"));
    }

    [Fact]
    public void Failed_and_interrupted_trials_are_not_reused_and_without_reuse_nothing_is()
    {
        var store = OpenStore();
        var (firstId, runId, _) = Planned(store, rates: 3, decays: 1);
        Finish(store, firstId, runId, new TrialOutcome(TrialStatus.Failed, [], 0.1, "boom"));
        Finish(store, firstId, runId, new TrialOutcome(TrialStatus.Interrupted, Some.Epochs(1), 0.1));
        Finish(store, firstId, runId, Some.Completed(3));
        var next = Some.Experiment(rates: 4, decays: 1);
        var second = store.RegisterExperiment(next);
        var third = store.RegisterExperiment(Some.Experiment(rates: 5, decays: 1));

        var reusing = store.PlanTrials(second.Id, Some.Trials(next), reuseFinished: true);
        var fresh = store.PlanTrials(third.Id, Some.Trials(Some.Experiment(rates: 5, decays: 1)), reuseFinished: false);

        Assert.Equal(1, reusing.ReusedCount);
        Assert.Equal(0, fresh.ReusedCount);
        Assert.Equal(5, store.ListTrials(third.Id).Count(t => t.Status == TrialStatus.Pending));
    }

    [Fact]
    public void The_newest_version_that_finished_a_trial_is_the_one_reused()
    {
        var store = OpenStore();
        var (firstId, firstRun, trials) = Planned(store, rates: 1, decays: 1);
        Finish(store, firstId, firstRun, Some.Completed(3));
        var middle = Some.Experiment(rates: 2, decays: 1);
        var second = store.RegisterExperiment(middle);
        store.PlanTrials(second.Id, Some.Trials(middle), reuseFinished: false);
        var secondRun = store.StartRun(second.Id, "test");
        Finish(store, second.Id, secondRun, Some.Completed(9));
        var last = Some.Experiment(rates: 3, decays: 1);
        var third = store.RegisterExperiment(last);

        var planning = store.PlanTrials(third.Id, Some.Trials(last), reuseFinished: true);

        Assert.Equal([new ReusedTrials(2, 1)], planning.Reused.ToArray());
        Assert.Equal(9, store.ReadEpochs(third.Id, trials[0].Id).Length);
    }

    [Fact]
    public void A_reused_trial_keeps_the_further_metrics_its_program_reported()
    {
        var store = OpenStore();
        var (firstId, runId, trials) = Planned(store, rates: 1, decays: 1);
        var epochs = Some.Epochs(3).Select(e => e with { Extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("top5", e.Epoch / 10.0)]) }).ToImmutableArray();
        Finish(store, firstId, runId, new TrialOutcome(TrialStatus.Completed, epochs, 1));
        var next = Some.Experiment(rates: 2, decays: 1);
        var second = store.RegisterExperiment(next);

        store.PlanTrials(second.Id, Some.Trials(next), reuseFinished: true);

        Assert.Equal([0.1, 0.2, 0.3], store.ReadEpochs(second.Id, trials[0].Id).Select(e => e.Extra!["top5"]));
        Assert.Equal(3, Scalar<int>($"SELECT COUNT(*) FROM epoch_metrics WHERE experiment_id = {second.Id}"));
    }

    private static void Finish(IResultStore store, long experimentId, long runId, TrialOutcome outcome)
    {
        var claim = store.ClaimTrials(experimentId, runId, 1).Single();
        Assert.Equal([true], store.WriteBatch(experimentId, runId, new RunBatch([new FinishedTrial(claim, outcome, DateTimeOffset.UtcNow)], [], 0)).Recorded.ToArray());
    }
}

public sealed class TrialReuseTestsOnSqlite() : TrialReuseTests(StoreKind.Sqlite);

public sealed class TrialReuseTestsOnPostgres() : TrialReuseTests(StoreKind.Postgres);
