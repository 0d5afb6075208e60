using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Storage.Schema;

namespace Sweep.Storage.Tests.Schema;

/// <summary>Migration 4 on a store written by the Sweep before it: its trials, epochs and range tests stay as they were.</summary>
public sealed class LrFindTestsMigrationTests : StoreTestBase
{
    [Fact]
    public void A_version_3_store_keeps_its_data_and_takes_lr_find_tests_after_the_migration()
    {
        long experimentId;
        string trialId;
        RangeTestStep[] steps = [new(0, 1e-5, 2.3, 2.3), new(1, 1e-4, 1.9, 2.1)];
        using (var old = ResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 3)]))
        {
            (experimentId, var runId, var trials) = Planned(old);
            trialId = trials[0].Id;
            Assert.Equal(trialId, old.ClaimNextTrial(experimentId, runId));
            old.CompleteTrial(experimentId, trialId, runId, Some.Completed(12));
            old.WriteRangeTest(experimentId, trialId, steps);
        }

        Assert.Equal(3, Scalar<int>("PRAGMA user_version"));
        var store = OpenStore();

        Assert.Equal(ResultStore.SchemaVersion, Scalar<int>("PRAGMA user_version"));
        Assert.Equal(TrialStatus.Completed, store.GetTrial(experimentId, trialId)!.Trial.Status);
        Assert.Equal(Some.Epochs(12).ToArray(), store.ReadEpochs(experimentId, trialId).ToArray());
        Assert.Equal(steps, store.ReadRangeTest(experimentId, trialId).ToArray());
        Assert.Null(store.LatestLrFindTest(experimentId));

        var (registration, test) = store.StoreLrFindTest(Some.Experiment(), new RangeTestSettings(1e-5, 1, 2, 0.98, 4), steps);

        Assert.Equal(experimentId, registration.Id);
        Assert.Equal(test.Id, store.LatestLrFindTest(experimentId)!.Id);
        Assert.Equal(4, Scalar<int>("SELECT COUNT(*) FROM range_tests"));
        Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }
}
