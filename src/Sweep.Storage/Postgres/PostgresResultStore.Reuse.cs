using System.Collections.Immutable;
using Dapper;
using Npgsql;
using Sweep.Storage.Sql;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    private const string CopyReusedRangeTestsSql = """
        INSERT INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        SELECT t.experiment_id, r.trial_id, r.step, r.learning_rate, r.loss, r.smoothed_loss
        FROM trials t
        JOIN range_tests r ON r.experiment_id = t.reused_from AND r.trial_id = t.id
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL
        ON CONFLICT (experiment_id, trial_id, step) DO UPDATE
        SET learning_rate = excluded.learning_rate, loss = excluded.loss, smoothed_loss = excluded.smoothed_loss
        """;

    /// <summary>Copies into the rows added after <paramref name="lastKey"/> the finished trials of earlier versions with the same ids.</summary>
    private static ImmutableArray<ReusedTrials> ReuseFinishedTrials(NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, long lastKey)
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
        return [.. connection.Query<(int Version, long Trials)>(ReuseSql.ByVersion, parameters, transaction)
            .Select(r => new ReusedTrials(r.Version, (int)r.Trials))];
    }
}
