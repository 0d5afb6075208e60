using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Sweep.Models.Results;

namespace Sweep.Storage;

/// <summary>
/// Inserts a trial's epochs through one statement prepared for the store's life, binding by position on
/// the SQLite handle. ADO.NET parameters look each name up and convert it to UTF-8 on every execution,
/// which costs more than SQLite's own insert; a sweep writes millions of these rows. Runs inside the
/// caller's write transaction.
/// </summary>
internal sealed class EpochWriter : IDisposable
{
    private const string InsertEpochSql = """
        INSERT INTO epochs (experiment_id, trial_id, epoch, train_loss, val_loss, accuracy, learning_rate,
                            weight_norm, grad_norm, seconds)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        """;

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

    public EpochWriter(SqliteConnection connection)
    {
        database = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(database, InsertEpochSql, out statement));
    }

    public void Insert(long experimentId, string trialId, ImmutableArray<EpochRecord> epochs)
    {
        try
        {
            Check(raw.sqlite3_bind_int64(statement, 1, experimentId));
            Check(raw.sqlite3_bind_text(statement, 2, trialId));
            foreach (var epoch in epochs)
            {
                Check(raw.sqlite3_bind_int(statement, 3, epoch.Epoch));
                BindReal(4, epoch.TrainLoss);
                BindReal(5, epoch.ValidationLoss);
                BindReal(6, epoch.Accuracy);
                BindReal(7, epoch.LearningRate);
                BindReal(8, epoch.WeightNorm);
                BindReal(9, epoch.GradientNorm);
                BindReal(10, epoch.Seconds);
                var result = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (result != raw.SQLITE_DONE)
                {
                    Check(result);
                }
            }
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    /// <summary>SQLite has no NaN: a value that was not a number is stored as NULL, like a missing one.</summary>
    private void BindReal(int index, double? value) =>
        Check(value is { } v && !double.IsNaN(v) ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(result, database);
        }
    }
}
