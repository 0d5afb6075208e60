using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using Sweep.Models.Results;

namespace Sweep.Storage.Postgres;

public sealed partial class PostgresResultStore
{
    /// <summary>
    /// Only a trial still running for this run, under the lease it was claimed with (when one is given), is
    /// recorded: a lease that ran out may have been taken over by another claimer, whose result stands.
    /// </summary>
    private const string RecordOutcomesSql = """
        UPDATE trials AS t
        SET status = o.status, final_train_loss = o.final_train_loss, final_val_loss = o.final_val_loss,
            best_train_loss = o.best_train_loss, best_val_loss = o.best_val_loss, best_epoch = o.best_epoch,
            epochs = o.epochs, seconds = o.seconds, error = o.error, ended = o.ended, lease_token = NULL, lease_expires = NULL
        FROM unnest(@ids, @statuses, @final_train, @final_val, @best_train, @best_val, @best_epoch, @epochs, @seconds, @errors, @ended, @tokens)
             AS o (id, status, final_train_loss, final_val_loss, best_train_loss, best_val_loss, best_epoch, epochs, seconds, error, ended, lease_token)
        WHERE t.experiment_id = @experiment_id AND t.id = o.id AND t.run_id = @run_id AND t.status = 'running'
          AND (o.lease_token IS NULL OR t.lease_token = o.lease_token)
        RETURNING t.id, t.trial_key
        """;

    private const string DeleteEpochsSql = "DELETE FROM trial_epochs WHERE trial_key = ANY(@keys)";

    private const string DeleteMetricsSql = "DELETE FROM trial_epoch_metrics WHERE trial_key = ANY(@keys)";

    private const string CopyEpochsSql = """
        COPY trial_epochs (trial_key, epoch, train_loss, val_loss, accuracy, learning_rate, weight_norm, grad_norm, seconds)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyMetricsSql = "COPY trial_epoch_metrics (trial_key, epoch, name, value) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// Records the finished trials whose lease holds, replaces their epochs (an earlier attempt's go) and,
    /// for a range test, its steps, all in the caller's transaction; for each trial, in order, whether it was recorded.
    /// </summary>
    private static ImmutableArray<bool> RecordOutcomes(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, long runId, ImmutableArray<FinishedTrial> finished)
    {
        if (finished.IsEmpty)
        {
            return [];
        }

        var keys = UpdateTrials(connection, transaction, experimentId, runId, finished);
        if (keys.Count == 0)
        {
            return [.. finished.Select(_ => false)];
        }

        var recorded = finished.Where(f => keys.ContainsKey(f.TrialId)).ToList();
        using (var delete = new NpgsqlCommand(DeleteEpochsSql + ";" + DeleteMetricsSql, connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<long[]>("keys", [.. keys.Values]));
            delete.ExecuteNonQuery();
        }

        CopyEpochs(connection, recorded.Select(f => (keys[f.TrialId], f.Outcome.Epochs.IsDefault ? [] : f.Outcome.Epochs)));
        foreach (var range in recorded.Where(f => !f.Outcome.RangeTestSteps.IsDefaultOrEmpty))
        {
            ReplaceRangeTest(connection, transaction, experimentId, range.TrialId, range.Outcome.RangeTestSteps);
        }

        return [.. finished.Select(f => keys.ContainsKey(f.TrialId))];
    }

    /// <summary>Sets every trial's outcome in one statement; the keys of the rows it recorded, by trial id.</summary>
    private static Dictionary<string, long> UpdateTrials(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long experimentId, long runId, ImmutableArray<FinishedTrial> finished)
    {
        var metrics = finished.Select(f => TrialMetrics.Of(f.Outcome.Epochs.IsDefault ? [] : f.Outcome.Epochs)).ToList();
        using var command = new NpgsqlCommand(RecordOutcomesSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. finished.Select(f => f.TrialId)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("statuses", [.. finished.Select(f => StoredValues.Name(f.Outcome.Status))]));
        command.Parameters.Add(Reals("final_train", metrics.Select(m => m.FinalTrainLoss)));
        command.Parameters.Add(Reals("final_val", metrics.Select(m => m.FinalValidationLoss)));
        command.Parameters.Add(Reals("best_train", metrics.Select(m => m.BestTrainLoss)));
        command.Parameters.Add(Reals("best_val", metrics.Select(m => m.BestValidationLoss)));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("best_epoch", [.. metrics.Select(m => m.BestEpoch)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("epochs", [.. finished.Select(f => f.Outcome.Epochs.IsDefault ? 0 : f.Outcome.Epochs.Length)]));
        command.Parameters.Add(Reals("seconds", finished.Select(f => (double?)f.Outcome.Seconds)));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("errors", [.. finished.Select(f => f.Outcome.Error)]));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ended", [.. finished.Select(f => f.Ended.UtcDateTime)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("tokens", [.. finished.Select(f => f.Claim.LeaseToken)]));
        command.Parameters.Add(new NpgsqlParameter<long>("experiment_id", experimentId));
        command.Parameters.Add(new NpgsqlParameter<long>("run_id", runId));

        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys[reader.GetString(0)] = reader.GetInt64(1);
        }

        return keys;
    }

    /// <summary>Every epoch of the recorded trials in one binary copy, and their further metrics in another.</summary>
    private static void CopyEpochs(NpgsqlConnection connection, IEnumerable<(long Key, ImmutableArray<EpochRecord> Epochs)> trials)
    {
        var withMetrics = new List<(long Key, EpochRecord Epoch)>();
        using (var writer = connection.BeginBinaryImport(CopyEpochsSql))
        {
            foreach (var (key, epochs) in trials)
            {
                foreach (var epoch in epochs)
                {
                    writer.StartRow();
                    writer.Write(key, NpgsqlDbType.Bigint);
                    writer.Write(epoch.Epoch, NpgsqlDbType.Integer);
                    WriteReal(writer, epoch.TrainLoss);
                    WriteReal(writer, epoch.ValidationLoss);
                    WriteReal(writer, epoch.Accuracy);
                    WriteReal(writer, epoch.LearningRate);
                    WriteReal(writer, epoch.WeightNorm);
                    WriteReal(writer, epoch.GradientNorm);
                    WriteReal(writer, epoch.Seconds);
                    if (epoch.Extra is { Count: > 0 })
                    {
                        withMetrics.Add((key, epoch));
                    }
                }
            }

            writer.Complete();
        }

        if (withMetrics.Count == 0)
        {
            return;
        }

        using var metrics = connection.BeginBinaryImport(CopyMetricsSql);
        foreach (var (key, epoch) in withMetrics)
        {
            foreach (var (name, value) in epoch.Extra!)
            {
                metrics.StartRow();
                metrics.Write(key, NpgsqlDbType.Bigint);
                metrics.Write(epoch.Epoch, NpgsqlDbType.Integer);
                metrics.Write(name, NpgsqlDbType.Text);
                WriteReal(metrics, value);
            }
        }

        metrics.Complete();
    }

    /// <summary>NaN is stored as NULL, as in SQLite, so both stores read the same values back.</summary>
    private static void WriteReal(NpgsqlBinaryImporter writer, double? value)
    {
        if (StoredValues.Real(value) is { } v)
        {
            writer.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            writer.WriteNull();
        }
    }

    private static NpgsqlParameter<double?[]> Reals(string name, IEnumerable<double?> values) =>
        new(name, [.. values.Select(StoredValues.Real)]);
}
