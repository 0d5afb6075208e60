using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Storage.Rows;

/// <summary>The further metrics read beside a set of epochs, by trial and epoch, ready to join to the epoch rows.</summary>
internal sealed class EpochMetricsByEpoch(IEnumerable<EpochMetricRow> rows)
{
    private readonly Dictionary<(string TrialId, int Epoch), ImmutableSortedDictionary<string, double>> byEpoch = rows
        .GroupBy(m => (m.TrialId, m.Epoch))
        .ToDictionary(
            g => g.Key,
            g => g.ToImmutableSortedDictionary(m => m.Name, m => m.Value ?? double.NaN, StringComparer.Ordinal));

    /// <summary>The epoch with its further metrics, if it has any.</summary>
    public EpochRecord Attach(EpochRow row) =>
        byEpoch.TryGetValue((row.TrialId, row.Epoch), out var extra) ? row.ToRecord() with { Extra = extra } : row.ToRecord();
}
