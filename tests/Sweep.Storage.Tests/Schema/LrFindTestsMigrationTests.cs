using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Storage.Sqlite;
using Sweep.Storage.Sqlite.Schema;

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
        using (var old = SqliteResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 3)]))
        {
            (experimentId, var runId, var trials) = Planned(old);
            trialId = trials[0].Id;
            old.WriteRangeTest(experimentId, trialId, steps);
        }

        // What the Sweep of schema 3 wrote for a completed trial of 12 epochs.
        Execute($"""
            UPDATE trials SET status = 'completed', run_id = 1, epochs = 12 WHERE id = '{trialId}';
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 12)
            INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT (SELECT trial_key FROM trials WHERE id = '{trialId}'), e, 1.0 / e, 1.1 / e, 0.5, 0.01, 2.0, 0.1, 0.001 FROM n;
            """);

        Assert.Equal(3, Scalar<int>("PRAGMA user_version"));
        var store = OpenStore();

        Assert.Equal(SqliteResultStore.SchemaVersion, Scalar<int>("PRAGMA user_version"));
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
