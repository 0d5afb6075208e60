using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage.Tests;

/// <summary>The further metrics a training program reports per epoch: stored with the epochs, read back with them.</summary>
public abstract class EpochMetricsTests(StoreKind kind) : StoreTestBase(kind)
{
    [Fact]
    public void Further_metrics_of_an_epoch_are_stored_with_it_and_read_back_by_name()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        store.TryClaimTrial(experimentId, trials[0].Id, runId);
        var epochs = Some.Epochs(3).Select(e => e with { Extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("top5", e.Epoch / 10.0), KeyValuePair.Create("perplexity", double.NaN)]) }).ToImmutableArray();

        store.CompleteTrial(experimentId, trials[0].Id, runId, new TrialOutcome(TrialStatus.Completed, epochs, 1));

        var read = store.ReadEpochs(experimentId, trials[0].Id);
        Assert.Equal([0.1, 0.2, 0.3], read.Select(e => e.Extra!["top5"]));
        Assert.True(double.IsNaN(read[0].Extra!["perplexity"]));
        Assert.Equal(0.2, store.ReadTrials(experimentId).Single(t => t.Id == trials[0].Id).Epochs[1].Extra!["top5"]);
        Assert.Equal(6, Scalar<int>($"SELECT COUNT(*) FROM epoch_metrics WHERE trial_id = '{trials[0].Id}'"));
    }

    [Fact]
    public void A_trial_run_again_replaces_its_further_metrics_and_engine_epochs_have_none()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        var id = trials[0].Id;
        store.TryClaimTrial(experimentId, id, runId);
        var extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("top5", 0.5)]);
        store.CompleteTrial(experimentId, id, runId, new TrialOutcome(TrialStatus.Interrupted, [Some.Epochs(1)[0] with { Extra = extra }], 1));
        store.FinishRun(runId, RunStatus.Interrupted);
        var resumed = store.StartRun(experimentId, "test");
        store.TryClaimTrial(experimentId, id, resumed);

        store.CompleteTrial(experimentId, id, resumed, Some.Completed(2));

        Assert.All(store.ReadEpochs(experimentId, id), e => Assert.Null(e.Extra));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM trial_epoch_metrics"));
    }

    [Fact]
    public void The_names_of_a_versions_further_metrics_are_read_each_once_without_another_versions()
    {
        var store = OpenStore();
        var (experimentId, runId, trials) = Planned(store);
        foreach (var (trial, names) in new[] { (trials[0], new[] { "top5", "perplexity" }), (trials[1], new[] { "top5", "bleu" }) })
        {
            store.TryClaimTrial(experimentId, trial.Id, runId);
            var extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, names.Select(n => KeyValuePair.Create(n, 0.5)));
            store.CompleteTrial(experimentId, trial.Id, runId, new TrialOutcome(TrialStatus.Completed, [.. Some.Epochs(2).Select(e => e with { Extra = extra })], 1));
        }

        var (otherId, otherRun, otherTrials) = Planned(store, rates: 2, decays: 1, name: "other");
        store.TryClaimTrial(otherId, otherTrials[0].Id, otherRun);
        store.CompleteTrial(otherId, otherTrials[0].Id, otherRun, new TrialOutcome(TrialStatus.Completed, [Some.Epochs(1)[0] with { Extra = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("rouge", 0.1)]) }], 1));

        Assert.Equal(["bleu", "perplexity", "top5"], store.ReadMetricNames(experimentId).Order(StringComparer.Ordinal));
        Assert.Equal("rouge", Assert.Single(store.ReadMetricNames(otherId)));
        Assert.Empty(store.ReadMetricNames(experimentId + otherId + 1));
    }
}

public sealed class EpochMetricsTestsOnSqlite() : EpochMetricsTests(StoreKind.Sqlite);

public sealed class EpochMetricsTestsOnPostgres() : EpochMetricsTests(StoreKind.Postgres);
