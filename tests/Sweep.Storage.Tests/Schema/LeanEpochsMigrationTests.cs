using Sweep.Models.Results;
using Sweep.Storage.Sqlite;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Tests.Schema;

/// <summary>Migration 3 on a store written by the Sweep before it: nothing is lost, and old queries still read.</summary>
public sealed class LeanEpochsMigrationTests : StoreTestBase
{
    [Fact]
    public void A_version_2_store_keeps_its_trials_and_epochs_readable_by_trial_id_after_the_migration()
    {
        string completedId;
        string interruptedId;
        long experimentId;
        using (var old = SqliteResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 2)]))
        {
            (experimentId, var runId, var trials) = Planned(old);
            (completedId, interruptedId) = (trials[0].Id, trials[1].Id);
            old.FinishRun(runId, RunStatus.Interrupted);
        }

        // What the Sweep of schema 2 wrote for a completed trial of 30 epochs and an interrupted one of 4.
        Execute($"""
            UPDATE trials SET status = 'completed', run_id = 1, epochs = 30 WHERE id = '{completedId}';
            UPDATE trials SET status = 'interrupted', run_id = 1, epochs = 4 WHERE id = '{interruptedId}';
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 30)
            INSERT INTO epochs (experiment_id, trial_id, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT {experimentId}, '{completedId}', e, 1.0 / e, 1.1 / e, 0.5, 0.01, 2.0, 0.1, 0.001 FROM n;
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 4)
            INSERT INTO epochs (experiment_id, trial_id, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT {experimentId}, '{interruptedId}', e, 3.0, NULL, NULL, 0.01, 2.0, 0.1, 0.001 FROM n;
            """);

        Assert.Equal(2, Scalar<int>("PRAGMA user_version"));
        var store = OpenStore();

        Assert.Equal(SqliteResultStore.SchemaVersion, Scalar<int>("PRAGMA user_version"));
        Assert.Equal(34, Scalar<int>("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(30, Scalar<int>($"SELECT COUNT(*) FROM epochs WHERE trial_id = '{completedId}'"));
        Assert.Equal(1.0 / 30, Scalar<double>($"SELECT train_loss FROM epochs WHERE experiment_id = {experimentId} AND trial_id = '{completedId}' AND epoch = 30"));
        Assert.Equal(Some.Epochs(30).ToArray(), store.ReadEpochs(experimentId, completedId).ToArray());
        Assert.Equal(8, store.ListTrials(experimentId).Length);
        Assert.Equal(TrialStatus.Completed, store.GetTrial(experimentId, completedId)!.Trial.Status);
        Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM pragma_foreign_key_check"));

        // The interrupted trial runs again after the migration, and its new epochs replace the old ones.
        var resumed = store.StartRun(experimentId, "test");
        Assert.Equal(interruptedId, store.ClaimNextTrial(experimentId, resumed));
        store.CompleteTrial(experimentId, interruptedId, resumed, Some.Completed(6));
        Assert.Equal(Some.Epochs(6).ToArray(), store.ReadEpochs(experimentId, interruptedId).ToArray());
    }

    [Fact]
    public void Trial_keys_follow_the_plan_so_epoch_rows_are_appended_in_trial_order()
    {
        var store = OpenStore();
        var (experimentId, _, trials) = Planned(store);

        var keys = trials.Select(t => Scalar<long>($"SELECT trial_key FROM trials WHERE experiment_id = {experimentId} AND id = '{t.Id}'")).ToList();

        Assert.Equal(Enumerable.Range(1, trials.Length).Select(i => (long)i), keys);
    }
}
