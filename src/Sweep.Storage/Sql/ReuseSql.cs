using System.Collections.Immutable;
using System.Data;
using Dapper;

namespace Sweep.Storage.Sql;

/// <summary>
/// Trials are content-addressed: the same id is the same data, model, training and seed, so a result
/// finished in one version of an experiment is the result in any other. A newly planned row (its
/// <c>trial_key</c> above the largest before planning; <c>@LastKey</c>) takes the finished row of the newest other version
/// that has one: its status, metrics, diagnosis and run are copied and its epochs and range-test steps are
/// copied under the new row, so every version reads whole on its own and a version can be reset
/// (<c>--fresh</c>) without touching the one it came from. Failed and interrupted trials are not reused:
/// they run again. Each store copies epochs from its own epoch table, and spells the upsert of range-test steps its own way.
/// </summary>
internal static class ReuseSql
{
    /// <summary>Whether another version of the same experiment has any finished trial at all (the common case is none).</summary>
    private const string AnyReusable = """
        SELECT EXISTS (
            SELECT 1
            FROM experiments o JOIN trials s ON s.experiment_id = o.id
            WHERE o.name = (SELECT name FROM experiments WHERE id = @ExperimentId) AND o.id <> @ExperimentId
              AND s.status IN ('completed', 'diverged'))
        """;

    private const string CopyFinishedTrials = """
        UPDATE trials AS t
        SET status = s.status, run_id = s.run_id, diagnosis = s.diagnosis, diagnosis_json = s.diagnosis_json,
            final_train_loss = s.final_train_loss, final_val_loss = s.final_val_loss,
            best_train_loss = s.best_train_loss, best_val_loss = s.best_val_loss, best_epoch = s.best_epoch,
            epochs = s.epochs, seconds = s.seconds, error = s.error, started = s.started, ended = s.ended,
            attempt = s.attempt, reused_from = s.experiment_id
        FROM (
            SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.id ORDER BY o.version DESC) AS pick
            FROM trials f JOIN experiments o ON o.id = f.experiment_id
            WHERE o.name = (SELECT name FROM experiments WHERE id = @ExperimentId) AND o.id <> @ExperimentId
              AND f.status IN ('completed', 'diverged')
        ) AS s
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND s.id = t.id AND s.pick = 1
        """;

    /// <summary>
    /// The rows that just took a finished result (<c>t</c>) beside the rows they took it from (<c>f</c>); a
    /// store's copy of its epochs joins its epoch table to <c>f</c> and ends with <see cref="ReusedRows"/>.
    /// </summary>
    public const string ReusedFrom = """
        FROM trials t
        JOIN trials f ON f.experiment_id = t.reused_from AND f.id = t.id
        """;

    public const string ReusedRows = "WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL";

    private const string CopyEpochMetrics = $"""
        INSERT INTO trial_epoch_metrics (trial_key, epoch, name, value)
        SELECT t.trial_key, m.epoch, m.name, m.value
        {ReusedFrom}
        JOIN trial_epoch_metrics m ON m.trial_key = f.trial_key
        {ReusedRows}
        """;

    private const string ByVersion = """
        SELECT CAST(o.version AS bigint) AS Version, COUNT(*) AS Trials
        FROM trials t JOIN experiments o ON o.id = t.reused_from
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey
        GROUP BY o.version
        ORDER BY o.version
        """;

    /// <summary>
    /// Copies into the rows added after <paramref name="lastKey"/> the finished trials of earlier versions with
    /// the same ids; <paramref name="copyEpochs"/> is the store's own copy of their epochs, and
    /// <paramref name="copyRangeTests"/> its upsert of their range-test steps.
    /// </summary>
    public static ImmutableArray<ReusedTrials> Copy(
        IDbConnection connection, IDbTransaction transaction, long experimentId, long lastKey, string copyEpochs, string copyRangeTests)
    {
        var parameters = new { ExperimentId = experimentId, LastKey = lastKey };
        if (!connection.ExecuteScalar<bool>(AnyReusable, parameters, transaction)
            || connection.Execute(CopyFinishedTrials, parameters, transaction) == 0)
        {
            return [];
        }

        connection.Execute(copyEpochs, parameters, transaction);
        connection.Execute(CopyEpochMetrics, parameters, transaction);
        connection.Execute(copyRangeTests, parameters, transaction);
        return [.. connection.Query<(long Version, long Trials)>(ByVersion, parameters, transaction)
            .Select(r => new ReusedTrials((int)r.Version, (int)r.Trials))];
    }
}
