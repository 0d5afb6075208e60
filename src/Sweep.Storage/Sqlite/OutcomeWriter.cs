using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Sweep.Models.Results;

namespace Sweep.Storage.Sqlite;

/// <summary>
/// Records trial outcomes (the trial's row, then its epochs) through statements prepared once for the
/// store's life, binding by position on the SQLite handle: ADO.NET prepares a command's SQL on every
/// execution and looks each parameter name up, which costs more than SQLite's own update or insert, and a
/// sweep writes thousands of trials and millions of epochs. The epochs go packed as JSON,
/// <see cref="EpochsPerChunk"/> to a row, so SQLite's work per row is paid once per chunk. Runs inside the
/// caller's write transaction.
/// </summary>
internal sealed class OutcomeWriter : IDisposable
{
    /// <summary>Enough that a row's cost is nothing beside its epochs', few enough that a row stays about 100 KB.</summary>
    private const int EpochsPerChunk = 1000;

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

    private const string DeleteEpochsSql = "DELETE FROM trial_epoch_chunks WHERE trial_key = ?1";

    private const string InsertChunkSql = "INSERT INTO trial_epoch_chunks (trial_key, first_epoch, epochs, data) VALUES (?1, ?2, ?3, ?4)";

    private const string DeleteMetricsSql = "DELETE FROM trial_epoch_metrics WHERE trial_key = ?1";

    private const string InsertMetricSql = "INSERT INTO trial_epoch_metrics (trial_key, epoch, name, value) VALUES (?1, ?2, ?3, ?4)";

    private readonly sqlite3 database;
    private readonly EpochChunkJson json = new();
    private readonly sqlite3_stmt insertChunk;
    private readonly sqlite3_stmt delete;
    private readonly sqlite3_stmt record;
    private readonly sqlite3_stmt deleteMetrics;
    private readonly sqlite3_stmt insertMetric;

    public OutcomeWriter(SqliteConnection connection)
    {
        database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, RecordOutcomeSql, out record));
        Check(raw.sqlite3_prepare_v2(database, InsertChunkSql, out insertChunk));
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
        RequireIncreasing(trialId, epochs);
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

    /// <summary>
    /// Each epoch is stored once: a packed row cannot refuse a repeated epoch as a key per epoch did, so an
    /// epoch number that does not increase stops the trial's write here, before anything of it is written.
    /// </summary>
    private static void RequireIncreasing(string trialId, ImmutableArray<EpochRecord> epochs)
    {
        for (var index = 1; index < epochs.Length; index++)
        {
            if (epochs[index].Epoch <= epochs[index - 1].Epoch)
            {
                throw new StoreException(
                    $"Trial {trialId} was not recorded: its epochs are not in increasing order (epoch {epochs[index].Epoch} follows epoch {epochs[index - 1].Epoch}).");
            }
        }
    }

    /// <summary>Deletes the epochs of the trial's earlier attempt, if any, and inserts <paramref name="epochs"/>.</summary>
    private void Replace(long trialKey, ImmutableArray<EpochRecord> epochs)
    {
        Check(raw.sqlite3_bind_int64(delete, 1, trialKey));
        Step(delete);

        Check(raw.sqlite3_bind_int64(insertChunk, 1, trialKey));
        for (var start = 0; start < epochs.Length; start += EpochsPerChunk)
        {
            var chunk = epochs.AsSpan(start, Math.Min(EpochsPerChunk, epochs.Length - start));
            Check(raw.sqlite3_bind_int(insertChunk, 2, chunk[0].Epoch));
            Check(raw.sqlite3_bind_int(insertChunk, 3, chunk.Length));
            Check(raw.sqlite3_bind_text(insertChunk, 4, json.Write(chunk)));
            Step(insertChunk);
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
        insertChunk.Dispose();
        delete.Dispose();
        record.Dispose();
        deleteMetrics.Dispose();
        insertMetric.Dispose();
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
