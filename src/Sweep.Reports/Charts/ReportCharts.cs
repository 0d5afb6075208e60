namespace Sweep.Reports.Charts;

/// <summary>
/// The charts of a report in page order. Loss curves and final loss appear for every sweep but a range test,
/// whose one trial has no epochs to draw (with a null plot when there is nothing to draw); the diagnosis
/// panels, comparisons, heatmaps and the range test only when the sweep has them.
/// </summary>
public static class ReportCharts
{
    /// <summary>Every chart id a report can have, in page order.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        ["loss-curves", "final-loss", "diagnosis", "heatmap-lr-l2", "heatmap-lr-l1", "heatmap-lr-batch", "batch-modes", "regularisation", "range-test"];

    public static IEnumerable<ReportChart> Of(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsRangeTest)
        {
            yield return LossCurvesChart.Of(report);
            yield return FinalLossChart.Of(report);
            if (DiagnosisChart.Of(report) is { } diagnosis)
            {
                yield return diagnosis;
            }
        }

        foreach (var heatmap in HeatmapChart.Of(report))
        {
            yield return heatmap;
        }
        foreach (var comparison in ComparisonChart.Of(report))
        {
            yield return comparison;
        }
        if (RangeTestChart.Of(report) is { } rangeTest)
        {
            yield return rangeTest;
        }
    }
}
