using Sweep.Storage.Sqlite;
using Sweep.Storage.Sqlite.Schema;

namespace Sweep.Storage.Tests.Schema;

/// <summary>A SQLite store written before the further metrics were kept gains their table and keeps what it had.</summary>
public sealed class EpochMetricsMigrationTests : StoreTestBase
{
    [Fact]
    public void A_version_5_store_gains_the_metrics_table_and_keeps_its_epochs()
    {
        long experimentId;
        string id;
        using (var old = SqliteResultStore.Open(DbPath, [.. Migrations.All.Where(m => m.Version <= 5)]))
        {
            (experimentId, _, var trials) = Planned(old);
            id = trials[0].Id;
        }

        // What the Sweep of schema 5 wrote for a completed trial of 4 epochs.
        Execute($"""
            UPDATE trials SET status = 'completed', run_id = 1, epochs = 4 WHERE id = '{id}';
            WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < 4)
            INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
            SELECT (SELECT trial_key FROM trials WHERE id = '{id}'), e, 1.0 / e, 1.1 / e, 0.5, 0.01, 2.0, 0.1, 0.001 FROM n;
            """);

        var store = OpenStore();

        Assert.Equal(Migrations.Latest, Scalar<int>("PRAGMA user_version"));
        Assert.Equal(4, store.ReadEpochs(experimentId, id).Length);
        Assert.Equal(0, Scalar<int>("SELECT COUNT(*) FROM epoch_metrics"));
        Assert.Equal("ok", Scalar<string>("PRAGMA integrity_check"));
    }
}
