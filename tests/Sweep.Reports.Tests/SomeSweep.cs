using System.Collections.Immutable;
using System.Globalization;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Reports.Tests;

/// <summary>
/// Sweeps of any size for the charts: rates on a log grid from 1e-5 to 1 whose losses fall faster with the
/// rate, the largest rates diverging to infinity, and the trials' other settings given by the caller.
/// </summary>
internal static class SomeSweep
{
    public static SweepReport Report(int trials, int epochs, Func<int, (double L2, string Batch)>? settings = null) =>
        WithTrials([.. Enumerable.Range(0, trials).Select(i => Trial(i, trials, epochs, settings?.Invoke(i) ?? (0, "32")))]);

    /// <summary>The small sweep's report with other trials, ranked as the selector ranks them.</summary>
    public static SweepReport WithTrials(ImmutableArray<TrialRow> trials) =>
        Some.Report() with { Trials = trials, Ranking = Some.RankingOf(trials), RangeTest = [] };

    /// <summary>
    /// A sweep larger than a report shows: the best <see cref="SweepReport.ShownTrials"/> trials held in the report,
    /// every trial in its <see cref="SweepReport.Source"/>, generated afresh each time it is read.
    /// </summary>
    public static SweepReport Large(int trials, int epochs)
    {
        var shown = Report(trials, epochs).Ranked().Take(SweepReport.ShownTrials).Select(t => t.TrialId).ToHashSet(StringComparer.Ordinal);
        var source = new GeneratedTrials(trials, epochs);
        var report = WithTrials([.. source.Read().Where(t => shown.Contains(t.TrialId))]);
        return report with { Source = source };
    }

    /// <summary>Every trial of <see cref="Large"/>, counted each time it is read.</summary>
    public sealed class GeneratedTrials(int trials, int epochs) : ITrialSource
    {
        public int Count => trials;

        public int Reads { get; private set; }

        public IEnumerable<TrialRow> Read()
        {
            Reads++;
            return Enumerable.Range(0, trials).Select(i => Trial(i, trials, epochs, (0, "32")));
        }

        /// <summary>The further metrics the source says its epochs report, as a store answers without reading them.</summary>
        public IReadOnlyCollection<string> Metrics { get; init; } = [];

        public IReadOnlyCollection<string> MetricNames() => Metrics;
    }

    public static TrialRow Trial(int index, int trials, int epochs, (double L2, string Batch) settings)
    {
        var rate = Math.Pow(10, -5 + (5.0 * index / Math.Max(1, trials - 1)));
        var diverges = rate > 0.3;
        var records = ImmutableArray.CreateBuilder<EpochRecord>(epochs);
        var loss = 2.0;
        for (var epoch = 1; epoch <= epochs && double.IsFinite(loss); epoch++)
        {
            loss = diverges ? loss * 1e100 : (loss * (1 - rate)) + settings.L2 + 1e-3;
            records.Add(new EpochRecord(epoch, loss, null, null, rate, 1, 0.1, 0.01));
        }
        var last = records[^1].TrainLoss;
        return new TrialRow(
            $"t{index.ToString("D4", CultureInfo.InvariantCulture)}", 1, rate, 0, settings.L2, settings.Batch,
            diverges ? TrialStatus.Diverged : TrialStatus.Completed, diverges ? CurveLabel.Diverging : CurveLabel.Good,
            records.Count, last, null, null, 1, [], records.ToImmutable());
    }
}
