using Sweep.Models.Results;
using Sweep.Storage.Sqlite;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Tests.Schema;

/// <summary>Migration 5 on a store written by the Sweep before it: trials keep their data and take leases from now on.</summary>
public sealed class LeasesMigrationTests : StoreTestBase
{
    [Fact]
    public void A_version_4_store_keeps_its_trials_and_epochs_and_claims_with_leases_after_the_migration()
    {
        long experimentId;
        string completedId;
        using (var old = SqliteResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 4)]))
        {
            (experimentId, var oldRun, var trials) = Planned(old);
            completedId = trials[0].Id;
            old.FinishRun(oldRun, RunStatus.Completed);
        }

        // What the Sweep of schema 4 wrote for a completed trial of 12 epochs.
        Execute($"""
            UPDATE trials SET status = 'completed', run_id = 1, epochs = 12, best_train_loss = 0.25 WHERE id = '{completedId}';
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 12)
            INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT (SELECT trial_key FROM trials WHERE id = '{completedId}'), e, 1.0 / e, 1.1 / e, 0.5, 0.01, 2.0, 0.1, 0.001 FROM n;
            """);

        Assert.Equal(4, Scalar<int>("PRAGMA user_version"));
        var store = OpenStore();

        Assert.Equal(SqliteResultStore.SchemaVersion, Scalar<int>("PRAGMA user_version"));
        Assert.Equal(8, Scalar<int>("SELECT COUNT(*) FROM trials WHERE attempt = 1 AND lease_token IS NULL AND lease_expires IS NULL AND reused_from IS NULL"));
        Assert.Equal(TrialStatus.Completed, store.GetTrial(experimentId, completedId)!.Trial.Status);
        Assert.Equal(12, store.ReadEpochs(experimentId, completedId).Length);

        var runId = store.StartRun(experimentId, "test");
        var claim = store.ClaimTrials(experimentId, runId, 1).Single();
        Assert.NotEqual(completedId, claim.TrialId);
        Assert.Equal(claim.LeaseToken, Scalar<string>($"SELECT lease_token FROM trials WHERE id = '{claim.TrialId}'"));
        Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }
}
