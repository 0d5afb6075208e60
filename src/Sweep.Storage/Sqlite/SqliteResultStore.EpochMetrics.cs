using System.Collections.Immutable;
using Dapper;
using Microsoft.Data.Sqlite;
using Sweep.Models.Results;
using Sweep.Storage.Rows;

namespace Sweep.Storage.Sqlite;

public sealed partial class SqliteResultStore
{
    private const string MetricsSql = """
        SELECT trial_id AS TrialId, epoch AS Epoch, name AS Name, value AS Value
        FROM epoch_metrics
        WHERE experiment_id = @ExperimentId AND (@TrialId IS NULL OR trial_id = @TrialId)
        """;

    /// <summary>The further metrics of an experiment's epochs (or of one trial's), by trial and epoch.</summary>
    private Dictionary<(string TrialId, int Epoch), ImmutableSortedDictionary<string, double>> ReadMetrics(
        SqliteTransaction transaction, long experimentId, string? trialId) =>
        connection.Query<EpochMetricRow>(MetricsSql, new { ExperimentId = experimentId, TrialId = trialId }, transaction)
            .GroupBy(m => (m.TrialId, m.Epoch))
            .ToDictionary(
                g => g.Key,
                g => g.ToImmutableSortedDictionary(m => m.Name, m => m.Value ?? double.NaN, StringComparer.Ordinal));

    private static EpochRecord WithMetrics(EpochRow row, Dictionary<(string TrialId, int Epoch), ImmutableSortedDictionary<string, double>> metrics) =>
        metrics.TryGetValue((row.TrialId, row.Epoch), out var extra) ? row.ToRecord() with { Extra = extra } : row.ToRecord();
}
