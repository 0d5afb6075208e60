using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;

using Sweep.Storage.Sql;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// Trials are content-addressed: the same id is the same data, model, training and seed, so a result
/// finished in one version of an experiment is the result in any other. A newly planned row takes the
/// finished row of the newest other version that has one: its status, metrics, diagnosis and run are copied
/// and its epochs and range-test steps are copied under the new row, so every version reads whole on its
/// own and a version can be reset (<c>--fresh</c>) without touching the one it came from. Failed and
/// interrupted trials are not reused: they run again.
/// </summary>
public sealed partial class SqliteResultStore
{
    /// <summary>The rowid, not <c>trial_key</c>: stores before version 3 plan under their old schema and have no such column.</summary>
    private const string LastTrialKeySql = "SELECT COALESCE(MAX(rowid), 0) FROM trials";

    private const string CopyReusedRangeTestsSql = """
        INSERT OR REPLACE INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        SELECT t.experiment_id, r.trial_id, r.step, r.learning_rate, r.loss, r.smoothed_loss
        FROM trials t
        JOIN range_tests r ON r.experiment_id = t.reused_from AND r.trial_id = t.id
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL
        """;

    /// <summary>Copies into the rows added after <paramref name="lastKey"/> the finished trials of earlier versions with the same ids.</summary>
    private ImmutableArray<ReusedTrials> ReuseFinishedTrials(SqliteTransaction transaction, long experimentId, long lastKey)
    {
        var parameters = new { ExperimentId = experimentId, LastKey = lastKey };
        if (!connection.ExecuteScalar<bool>(ReuseSql.AnyReusable, parameters, transaction)
            || connection.Execute(ReuseSql.CopyFinishedTrials, parameters, transaction) == 0)
        {
            return [];
        }

        connection.Execute(ReuseSql.CopyEpochs, parameters, transaction);
        connection.Execute(ReuseSql.CopyEpochMetrics, parameters, transaction);
        connection.Execute(CopyReusedRangeTestsSql, parameters, transaction);
        return [.. connection.Query<(long Version, long Trials)>(ReuseSql.ByVersion, parameters, transaction)
            .Select(r => new ReusedTrials((int)r.Version, (int)r.Trials))];
    }
}
