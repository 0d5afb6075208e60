using System.Collections.Immutable;
using System.Data;
using Dapper;
using Sweep.Models.Results;
using Sweep.Storage.Rows;
using Sweep.Storage.Sql;

namespace Sweep.Storage;

/// <summary>
/// Reads an experiment version's trials in the order they were planned a page at a time, each page with its epochs in one snapshot,
/// so a sweep of any size is read with one page in memory. The same SQL serves every store; each store gives only
/// its own snapshot to read a page in.
/// </summary>
internal static class TrialPages
{
    /// <summary>
    /// Trials a page: many enough that a page's queries cost little per trial, and few enough that a page is gone before
    /// the garbage collector's youngest generation is collected. Pages of a thousand outlived it while the reports
    /// were written from them, so dead pages piled up in the oldest generation: a 100,000-trial run peaked about
    /// 60 MB higher.
    /// </summary>
    public const int Size = 100;

    /// <summary>Every trial, page after page, each page read by <paramref name="readPage"/> from the key after the page before.</summary>
    public static IEnumerable<TrialRecord> Read(long experimentId, Func<PageKey, Page> readPage)
    {
        var after = new PageKey(experimentId, 0);
        while (true)
        {
            var page = readPage(after);
            foreach (var trial in page.Trials)
            {
                yield return trial;
            }

            if (page.Trials.Length < Size)
            {
                yield break;
            }

            after = after with { Key = page.LastKey };
        }
    }

    /// <summary>
    /// One page of trials after <paramref name="after"/>, with their epochs unless <paramref name="withEpochs"/> is
    /// false: those the store's <paramref name="epochsOfPage"/> reads, by trial id and then epoch, or else the
    /// <c>epochs</c> view's. A trial read without its epochs is read for ranking, so its diagnosis is its label alone.
    /// </summary>
    public static Page ReadPage(IDbConnection connection, IDbTransaction transaction, PageKey after, bool withEpochs, Func<PageKey, IEnumerable<EpochRow>>? epochsOfPage = null)
    {
        var rows = connection.Query<TrialRow>(TrialSql.Page, after, transaction).ToList();
        var lastKey = rows.Count == 0 ? after.Key : rows[^1].TrialKey;
        if (!withEpochs || rows.Count == 0)
        {
            return new Page([.. rows.Select(r => SweepRecords.RecordOf(r.ToSummary(), [], labelOnly: true))], lastKey);
        }

        var metrics = new EpochMetricsByEpoch(connection.Query<EpochMetricRow>(EpochSql.MetricsOfPage, after, transaction));
        var epochs = (epochsOfPage?.Invoke(after) ?? connection.Query<EpochRow>(EpochSql.OfPage, after, transaction))
            .ToLookup(r => r.TrialId, metrics.Attach, StringComparer.Ordinal);
        return new Page([.. rows.Select(r => SweepRecords.RecordOf(r.ToSummary(), [.. epochs[r.Id]]))], lastKey);
    }

    /// <summary>Where a page starts: after the trial with this key. Dapper binds its properties by name.</summary>
    internal sealed record PageKey(long ExperimentId, long Key)
    {
        public int Limit { get; init; } = Size;
    }

    /// <summary>A page of trials and the key of its last one, where the next page starts.</summary>
    internal readonly record struct Page(ImmutableArray<TrialRecord> Trials, long LastKey);
}
