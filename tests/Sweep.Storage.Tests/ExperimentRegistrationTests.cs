namespace Sweep.Storage.Tests;

public abstract class ExperimentRegistrationTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void The_same_text_registered_twice_is_one_version()
    {
        var store = OpenStore();

        var first = store.RegisterExperiment(Some.Experiment());
        var second = store.RegisterExperiment(Some.Experiment());

        Assert.Equal((first.Id, 1, true), (second.Id, second.Version, first.IsNew));
        Assert.False(second.IsNew);
        Assert.False(second.IsChanged);
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM experiments"));
    }

    [Fact]
    public void A_change_in_what_runs_under_the_same_name_is_version_two_and_flagged_changed()
    {
        var store = OpenStore();
        var first = store.RegisterExperiment(Some.Experiment());

        var changed = store.RegisterExperiment(Some.Experiment(rates: 5));

        Assert.NotEqual(first.Id, changed.Id);
        Assert.Equal(2, changed.Version);
        Assert.True(changed.IsNew);
        Assert.True(changed.IsChanged);
        Assert.NotEqual(first.Hash, changed.Hash);
        Assert.Equal(2, store.FindExperiment("store-test")!.Version);
    }

    [Fact]
    public void A_comment_edit_keeps_the_version_and_stores_the_newest_text()
    {
        var store = OpenStore();
        var first = store.RegisterExperiment(Some.Experiment());
        var edited = Some.Experiment(comment: "edited");

        var again = store.RegisterExperiment(edited);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, again.Version);
        Assert.False(again.IsNew);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(edited.Text, store.ReadExperimentText(again.Id));
    }

    [Fact]
    public void Another_name_starts_at_version_one()
    {
        var store = OpenStore();
        store.RegisterExperiment(Some.Experiment());

        var other = store.RegisterExperiment(Some.Experiment(name: "other"));

        Assert.Equal(1, other.Version);
        Assert.False(other.IsChanged);
    }

    [Fact]
    public void The_hash_is_the_experiment_fingerprint_and_the_text_is_kept()
    {
        var store = OpenStore();
        var experiment = Some.Experiment();

        var registration = store.RegisterExperiment(experiment);

        Assert.Equal(Sweep.Models.Search.ExperimentFingerprint.Of(experiment), registration.Hash);
        Assert.Equal(experiment.Text, store.ReadExperimentText(registration.Id));
    }

    [Fact]
    public void The_list_shows_runs_trials_by_status_and_the_best_completed_loss()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        store.CompleteTrial(experimentId, trials[0].Id, runId, Some.Completed(10, offset: 0.5));
        store.TryClaimTrial(experimentId, trials[1].Id, runId);
        store.CompleteTrial(experimentId, trials[1].Id, runId, Some.Completed(10, offset: 0.25));
        store.TryClaimTrial(experimentId, trials[2].Id, runId);
        store.CompleteTrial(experimentId, trials[2].Id, runId, new TrialOutcome(Models.Results.TrialStatus.Failed, [], 0.1, "boom"));
        store.TryClaimTrial(experimentId, trials[3].Id, runId);

        var summary = Assert.Single(store.ListExperiments());

        Assert.Equal(("store-test", 1, 1), (summary.Name, summary.Version, summary.Runs));
        Assert.Equal(new TrialCounts(Pending: 4, Running: 1, Completed: 2, Diverged: 0, Failed: 1, Interrupted: 0), summary.Trials);
        Assert.Equal(8, summary.Trials.Total);
        Assert.Equal(0.1 + 0.25, summary.BestTrainLoss);
        Assert.Equal(0.11 + 0.25, summary.BestValidationLoss!.Value, 12);
        Assert.NotNull(summary.LastRun);
    }
}

public sealed class ExperimentRegistrationTestsOnSqlite() : ExperimentRegistrationTests(StoreKind.Sqlite);

public sealed class ExperimentRegistrationTestsOnPostgres() : ExperimentRegistrationTests(StoreKind.Postgres);
