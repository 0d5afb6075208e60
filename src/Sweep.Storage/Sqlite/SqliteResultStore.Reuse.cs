using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;

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
    private const string LastTrialKeySql = "SELECT COALESCE(MAX(rowid), 0) FROM trials";

    /// <summary>Whether another version of the same experiment has any finished trial at all (the common case is none).</summary>
    private const string AnyReusableSql = """
        SELECT EXISTS (
            SELECT 1
            FROM experiments o JOIN trials s ON s.experiment_id = o.id
            WHERE o.name = (SELECT name FROM experiments WHERE id = @ExperimentId) AND o.id <> @ExperimentId
              AND s.status IN ('completed', 'diverged'))
        """;

    private const string CopyFinishedTrialsSql = """
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

    private const string CopyReusedEpochsSql = """
        INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
        SELECT t.trial_key, e.epoch, e.train_loss, e.val_loss, e.accuracy, e.learning_rate, e.weight_norm, e.grad_norm, e.seconds
        FROM trials t
        JOIN trials f ON f.experiment_id = t.reused_from AND f.id = t.id
        JOIN trial_epochs e ON e.trial_key = f.trial_key
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL
        ORDER BY t.trial_key, e.epoch
        """;

    private const string CopyReusedRangeTestsSql = """
        INSERT OR REPLACE INTO range_tests (experiment_id, trial_id, step, learning_rate, loss, smoothed_loss)
        SELECT t.experiment_id, r.trial_id, r.step, r.learning_rate, r.loss, r.smoothed_loss
        FROM trials t
        JOIN range_tests r ON r.experiment_id = t.reused_from AND r.trial_id = t.id
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey AND t.reused_from IS NOT NULL
        """;

    private const string ReusedByVersionSql = """
        SELECT o.version AS Version, COUNT(*) AS Trials
        FROM trials t JOIN experiments o ON o.id = t.reused_from
        WHERE t.experiment_id = @ExperimentId AND t.trial_key > @LastKey
        GROUP BY o.version
        ORDER BY o.version
        """;

    /// <summary>Copies into the rows added after <paramref name="lastKey"/> the finished trials of earlier versions with the same ids.</summary>
    private ImmutableArray<ReusedTrials> ReuseFinishedTrials(SqliteTransaction transaction, long experimentId, long lastKey)
    {
        var parameters = new { ExperimentId = experimentId, LastKey = lastKey };
        if (!connection.ExecuteScalar<bool>(AnyReusableSql, parameters, transaction)
            || connection.Execute(CopyFinishedTrialsSql, parameters, transaction) == 0)
        {
            return [];
        }

        connection.Execute(CopyReusedEpochsSql, parameters, transaction);
        connection.Execute(CopyReusedRangeTestsSql, parameters, transaction);
        return [.. connection.Query<(long Version, long Trials)>(ReusedByVersionSql, parameters, transaction)
            .Select(r => new ReusedTrials((int)r.Version, (int)r.Trials))];
    }
}
