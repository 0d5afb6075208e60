using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    /// <summary>The rowid, not <c>trial_key</c>: stores before version 3 plan under their old schema and have no such column.</summary>
    private const string LastTrialKeySql = "SELECT COALESCE(MAX(rowid), 0) FROM trials";

    /// <summary>Packed epochs of reused trials, chunk for chunk.</summary>
    private const string CopyReusedEpochsSql = $"""
        INSERT INTO trial_epoch_chunks (trial_key, first_epoch, epochs, data)
        SELECT t.trial_key, c.first_epoch, c.epochs, c.data
        {ReuseSql.ReusedFrom}
        JOIN trial_epoch_chunks c ON c.trial_key = f.trial_key
        {ReuseSql.ReusedRows}
        ORDER BY t.trial_key, c.first_epoch
        """;

    /// <summary>Range-test steps of reused trials (see <see cref="Sql.ReuseSql"/>), in SQLite's upsert.</summary>
    private const string CopyReusedRangeTestsSql = """
        INSERT OR REPLACE INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        SELECT t.experiment_id, r.trial_id, r.step, r.learning_rate, r.loss, r.smoothed_loss
        FROM trials t
        JOIN range_tests r ON r.experiment_id = t.reused_from AND r.trial_id = t.id
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL
        """;
}
