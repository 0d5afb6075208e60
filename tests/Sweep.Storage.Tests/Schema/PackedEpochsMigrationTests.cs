using Sweep.Storage.Sqlite;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Tests.Schema;

/// <summary>Migration 8 on a store written by the Sweep before it: every epoch is packed, and reads as it did.</summary>
public sealed class PackedEpochsMigrationTests : StoreTestBase
{
    [Fact]
    public void A_version_7_store_keeps_every_epoch_value_and_metric_readable_as_before()
    {
        long experimentId;
        string longId;
        string divergedId;
        using (var old = SqliteResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 7)]))
        {
            (experimentId, _, var trials) = Planned(old);
            (longId, divergedId) = (trials[0].Id, trials[1].Id);
        }

        // What the Sweep of schema 7 wrote: a completed trial of 2,500 epochs, and a diverged one of 2 whose
        // losses ran to infinity and then were not a number (stored as NULL), with a further metric.
        Execute($"""
            UPDATE trials SET status = 'completed', run_id = 1, epochs = 2500 WHERE id = '{longId}';
            UPDATE trials SET status = 'diverged', run_id = 1, epochs = 2 WHERE id = '{divergedId}';
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 2500)
            INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT (SELECT trial_key FROM trials WHERE id = '{longId}'), e, 1.0 / e, 1.1 / e, 0.5, 0.01, 2.0, 0.1, 0.001 FROM n;
            INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT trial_key, 1, 9e999, -9e999, NULL, 0.1 + 0.2, 1.0, 2.0, 0.5 FROM trials WHERE id = '{divergedId}'
            UNION ALL SELECT trial_key, 2, NULL, NULL, NULL, 0.1 + 0.2, NULL, NULL, 0.5 FROM trials WHERE id = '{divergedId}';
            INSERT INTO trial_epoch_metrics (trial_key, epoch, name, value)
            SELECT trial_key, 1, 'top5', 0.25 FROM trials WHERE id = '{divergedId}';
            """);

        var store = OpenStore();

        Assert.Equal(8, Scalar<int>("PRAGMA user_version"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'trial_epochs'"));
        Assert.Equal(4, Scalar<int>("SELECT COUNT(*) FROM trial_epoch_chunks"));
        Assert.Equal(2502, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(1.0 / 2500, Scalar<double>($"SELECT train_loss FROM epochs WHERE experiment_id = {experimentId} AND trial_id = '{longId}' AND epoch = 2500"));
        Assert.Equal(Some.Epochs(2500).ToArray(), store.ReadEpochs(experimentId, longId).ToArray());
        var diverged = store.ReadEpochs(experimentId, divergedId);
        Assert.Equal((double.PositiveInfinity, double.NegativeInfinity, 0.1 + 0.2), (diverged[0].TrainLoss, diverged[0].ValidationLoss, diverged[0].LearningRate));
        Assert.Equal(0.25, diverged[0].Extra!["top5"]);
        Assert.True(double.IsNaN(diverged[1].TrainLoss));
        Assert.Equal(1, Scalar<int>($"SELECT COUNT(*) FROM epochs WHERE trial_id = '{divergedId}' AND train_loss IS NULL AND val_loss IS NULL AND weight_norm IS NULL"));
        Assert.Equal(1, Scalar<int>("SELECT COUNT(*) FROM epoch_metrics"));
        Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public void A_migrated_trial_run_again_replaces_its_packed_epochs()
    {
        long experimentId;
        string id;
        using (var old = SqliteResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 7)]))
        {
            (experimentId, var runId, var trials) = Planned(old);
            id = trials[0].Id;
            old.FinishRun(runId, RunStatus.Interrupted);
        }

        Execute($"""
            UPDATE trials SET status = 'interrupted', run_id = 1, epochs = 3 WHERE id = '{id}';
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 3)
            INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT (SELECT trial_key FROM trials WHERE id = '{id}'), e, 5.0, NULL, NULL, 0.01, 2.0, 0.1, 0.001 FROM n;
            """);
        var store = OpenStore();
        var resumed = store.StartRun(experimentId, "test");

        Assert.Equal(id, store.ClaimNextTrial(experimentId, resumed));
        store.CompleteTrial(experimentId, id, resumed, Some.Completed(6));

        Assert.Equal(Some.Epochs(6).ToArray(), store.ReadEpochs(experimentId, id).ToArray());
        Assert.Equal(6, Scalar<int>("SELECT COUNT(*) FROM epochs"));
    }
}
