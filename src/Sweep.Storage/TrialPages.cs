using System.Collections.Immutable;
using System.Data;
using Dapper;
using Sweep.Models.Results;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage;

/// <summary>
/// Reads an experiment version's trials in plan order a page at a time, each page with its epochs in one snapshot,
/// so a sweep of any size is read with one page in memory. The same SQL serves every store; each store gives only
/// its own snapshot to read a page in.
/// </summary>
internal static class TrialPages
{
    /// <summary>Trials a page: few enough to hold with their epochs, many enough that a page's queries cost little per trial.</summary>
    public const int Size = 1_000;

    /// <summary>Every trial, page after page, each page read by <paramref name="readPage"/> from the key after the page before.</summary>
    public static IEnumerable<TrialRecord> Read(long experimentId, Func<PageKey, ImmutableArray<TrialRecord>> readPage)
    {
        var after = PageKey.First(experimentId);
        while (true)
        {
            var page = readPage(after);
            foreach (var trial in page)
            {
                yield return trial;
            }

            if (page.Length < Size)
            {
                yield break;
            }

            after = after with { Stage = page[^1].Stage, Number = page[^1].Number, Id = page[^1].Id };
        }
    }

    /// <summary>One page of trials after <paramref name="after"/>, with their epochs unless <paramref name="withEpochs"/> is false.</summary>
    public static ImmutableArray<TrialRecord> ReadPage(IDbConnection connection, IDbTransaction transaction, PageKey after, bool withEpochs)
    {
        var trials = connection.Query<TrialRow>(TrialSql.Page, after, transaction).Select(r => r.ToSummary()).ToList();
        if (!withEpochs || trials.Count == 0)
        {
            return [.. trials.Select(t => SweepRecords.RecordOf(t, []))];
        }

        var metrics = new EpochMetricsByEpoch(connection.Query<EpochMetricRow>(EpochSql.MetricsOfPage, after, transaction));
        var epochs = connection.Query<EpochRow>(EpochSql.OfPage, after, transaction)
            .ToLookup(r => r.TrialId, metrics.Attach, StringComparer.Ordinal);
        return [.. trials.Select(t => SweepRecords.RecordOf(t, [.. epochs[t.Id]]))];
    }

    /// <summary>Where a page starts: after the trial at this stage, number and id. Dapper binds its properties by name.</summary>
    internal sealed record PageKey(long ExperimentId, int Stage, int Number, string Id)
    {
        public int Limit { get; init; } = Size;

        public static PageKey First(long experimentId) => new(experimentId, int.MinValue, int.MinValue, "");
    }
}
