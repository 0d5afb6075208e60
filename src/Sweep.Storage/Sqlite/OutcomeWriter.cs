using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Sweep.Models.Results;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// Records trial outcomes (the trial's row, then its epochs) through statements prepared once for the
/// store's life, binding by position on the SQLite handle: ADO.NET prepares a command's SQL on every
/// execution and looks each parameter name up, which costs more than SQLite's own update or insert, and a
/// sweep writes thousands of trials and millions of epoch rows. Epoch rows go in
/// <see cref="RowsPerInsert"/> at a time, so SQLite's per-statement work is paid once per block. Runs
/// inside the caller's write transaction.
/// </summary>
internal sealed class OutcomeWriter : IDisposable
{
    private const int RowsPerInsert = 32;
    /// <summary>Bound per row; the trial key is bound once per statement, as parameter 1 of every row.</summary>
    private const int ValuesPerRow = 8;

    /// <summary>
    /// Only a trial still running for this run, under the lease it was claimed with (when one is given), is
    /// recorded: a lease that ran out may have been taken over by another claimer, whose result stands.
    /// </summary>
    private const string RecordOutcomeSql = """
        UPDATE trials
        SET status = ?1, final_train_loss = ?2, final_val_loss = ?3, best_train_loss = ?4, best_val_loss = ?5,
            best_epoch = ?6, epochs = ?7, seconds = ?8, error = ?9, ended = ?10, lease_token = NULL, lease_expires = NULL
        WHERE experiment_id = ?11 AND id = ?12 AND run_id = ?13 AND status = 'running' AND (?14 IS NULL OR lease_token = ?14)
        RETURNING trial_key
        """;

    private const string DeleteEpochsSql = "DELETE FROM trial_epochs WHERE trial_key = ?1";

    private const string DeleteMetricsSql = "DELETE FROM trial_epoch_metrics WHERE trial_key = ?1";

    private const string InsertMetricSql = "INSERT INTO trial_epoch_metrics (trial_key, epoch, name, value) VALUES (?1, ?2, ?3, ?4)";

    private readonly sqlite3 database;
    private readonly sqlite3_stmt insertBlock;
    private readonly sqlite3_stmt insertOne;
    private readonly sqlite3_stmt delete;
    private readonly sqlite3_stmt record;
    private readonly sqlite3_stmt deleteMetrics;
    private readonly sqlite3_stmt insertMetric;

    public OutcomeWriter(SqliteConnection connection)
    {
        database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, RecordOutcomeSql, out record));
        Check(raw.sqlite3_prepare_v2(database, InsertSql(RowsPerInsert), out insertBlock));
        Check(raw.sqlite3_prepare_v2(database, InsertSql(1), out insertOne));
        Check(raw.sqlite3_prepare_v2(database, DeleteEpochsSql, out delete));
        Check(raw.sqlite3_prepare_v2(database, DeleteMetricsSql, out deleteMetrics));
        Check(raw.sqlite3_prepare_v2(database, InsertMetricSql, out insertMetric));
    }

    /// <summary>
    /// Records the outcome on the trial's row and replaces its epochs; false, and nothing written, when the
    /// trial is not running for <paramref name="runId"/> under <paramref name="leaseToken"/>.
    /// </summary>
    public bool Record(long experimentId, string trialId, long runId, string? leaseToken, TrialOutcome outcome, string ended)
    {
        var epochs = outcome.Epochs.IsDefault ? [] : outcome.Epochs;
        var metrics = TrialMetrics.Of(epochs);
        long? trialKey = null;
        try
        {
            Check(raw.sqlite3_bind_text(record, 1, StoredValues.Name(outcome.Status)));
            BindReal(record, 2, metrics.FinalTrainLoss);
            BindReal(record, 3, metrics.FinalValidationLoss);
            BindReal(record, 4, metrics.BestTrainLoss);
            BindReal(record, 5, metrics.BestValidationLoss);
            Check(metrics.BestEpoch is { } best ? raw.sqlite3_bind_int(record, 6, best) : raw.sqlite3_bind_null(record, 6));
            Check(raw.sqlite3_bind_int(record, 7, epochs.Length));
            BindReal(record, 8, outcome.Seconds);
            Check(outcome.Error is { } error ? raw.sqlite3_bind_text(record, 9, error) : raw.sqlite3_bind_null(record, 9));
            Check(raw.sqlite3_bind_text(record, 10, ended));
            Check(raw.sqlite3_bind_int64(record, 11, experimentId));
            Check(raw.sqlite3_bind_text(record, 12, trialId));
            Check(raw.sqlite3_bind_int64(record, 13, runId));
            Check(leaseToken is null ? raw.sqlite3_bind_null(record, 14) : raw.sqlite3_bind_text(record, 14, leaseToken));
            var result = raw.sqlite3_step(record);
            if (result == raw.SQLITE_ROW)
            {
                trialKey = raw.sqlite3_column_int64(record, 0);
                result = raw.sqlite3_step(record);
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }
        }
        finally
        {
            raw.sqlite3_reset(record);
        }

        if (trialKey is not { } key)
        {
            return false;
        }

        Replace(key, epochs);
        return true;
    }

    /// <summary>Deletes the epochs of the trial's earlier attempt, if any, and inserts <paramref name="epochs"/>.</summary>
    private void Replace(long trialKey, ImmutableArray<EpochRecord> epochs)
    {
        Check(raw.sqlite3_bind_int64(delete, 1, trialKey));
        Step(delete);

        Check(raw.sqlite3_bind_int64(insertBlock, 1, trialKey));
        Check(raw.sqlite3_bind_int64(insertOne, 1, trialKey));
        var full = epochs.Length / RowsPerInsert * RowsPerInsert;
        for (var start = 0; start < full; start += RowsPerInsert)
        {
            for (var row = 0; row < RowsPerInsert; row++)
            {
                Bind(insertBlock, 1 + (row * ValuesPerRow), epochs[start + row]);
            }

            Step(insertBlock);
        }

        for (var index = full; index < epochs.Length; index++)
        {
            Bind(insertOne, 1, epochs[index]);
            Step(insertOne);
        }

        ReplaceMetrics(trialKey, epochs);
    }

    /// <summary>The further metrics a training program reported; the built-in engine's epochs have none.</summary>
    private void ReplaceMetrics(long trialKey, ImmutableArray<EpochRecord> epochs)
    {
        Check(raw.sqlite3_bind_int64(deleteMetrics, 1, trialKey));
        Step(deleteMetrics);
        Check(raw.sqlite3_bind_int64(insertMetric, 1, trialKey));
        foreach (var epoch in epochs)
        {
            foreach (var (name, value) in epoch.Extra ?? ImmutableSortedDictionary<string, double>.Empty)
            {
                Check(raw.sqlite3_bind_int(insertMetric, 2, epoch.Epoch));
                Check(raw.sqlite3_bind_text(insertMetric, 3, name));
                BindReal(insertMetric, 4, value);
                Step(insertMetric);
            }
        }
    }

    public void Dispose()
    {
        insertBlock.Dispose();
        insertOne.Dispose();
        delete.Dispose();
        record.Dispose();
        deleteMetrics.Dispose();
        insertMetric.Dispose();
    }

    /// <summary>Rows of <c>(?1, ?n, ?n+1, ...)</c>: every row shares parameter 1, the trial key.</summary>
    private static string InsertSql(int rows) =>
        "INSERT INTO trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(row =>
            "(?1, " + string.Join(", ", Enumerable.Range(2 + (row * ValuesPerRow), ValuesPerRow).Select(n => $"?{n}")) + ")"));

    /// <summary>Binds one epoch's values to parameters <paramref name="offset"/> + 1 to + 8.</summary>
    private void Bind(sqlite3_stmt statement, int offset, EpochRecord epoch)
    {
        Check(raw.sqlite3_bind_int(statement, offset + 1, epoch.Epoch));
        BindReal(statement, offset + 2, epoch.TrainLoss);
        BindReal(statement, offset + 3, epoch.ValidationLoss);
        BindReal(statement, offset + 4, epoch.Accuracy);
        BindReal(statement, offset + 5, epoch.LearningRate);
        BindReal(statement, offset + 6, epoch.WeightNorm);
        BindReal(statement, offset + 7, epoch.GradientNorm);
        BindReal(statement, offset + 8, epoch.Seconds);
    }

    /// <summary>SQLite has no NaN: a value that was not a number is stored as NULL, like a missing one.</summary>
    private void BindReal(sqlite3_stmt statement, int index, double? value) =>
        Check(value is { } v && !double.IsNaN(v) ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    /// <summary>Runs the statement and readies it for the next bindings, even when it fails.</summary>
    private void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
