namespace Sweep.Reports;

/// <summary>
/// What a report says about its learning-rate range test, read from the test's steps and its suggestion.
/// </summary>
/// <param name="Steps">How many batches the test ran.</param>
/// <param name="FirstRate">The rate of its first step.</param>
/// <param name="LastRate">The rate of its last step.</param>
/// <param name="StartLoss">The smoothed loss of its first step.</param>
/// <param name="LowestLoss">Its lowest smoothed loss.</param>
/// <param name="LowestLossRate">The rate of <paramref name="LowestLoss"/>.</param>
/// <param name="Suggested">The rate where the smoothed loss falls fastest; null when it never fell.</param>
public sealed record RangeTestFindings(int Steps, double FirstRate, double LastRate, double StartLoss, double LowestLoss, double LowestLossRate, double? Suggested)
{
    /// <summary>The other rule of thumb: the rate of the lowest smoothed loss divided by ten.</summary>
    public double LowestLossRateOverTen => LowestLossRate / 10;

    /// <summary>
    /// The findings of the report's range test; null without one, or when none of its smoothed losses is finite.
    /// </summary>
    public static RangeTestFindings? Of(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var usable = report.RangeTest.Where(s => s.LearningRate > 0 && double.IsFinite(s.LearningRate) && double.IsFinite(s.SmoothedLoss)).ToList();
        if (usable.Count == 0)
        {
            return null;
        }
        var lowest = usable.MinBy(s => s.SmoothedLoss);
        return new RangeTestFindings(
            report.RangeTest.Length, report.RangeTest[0].LearningRate, report.RangeTest[^1].LearningRate,
            usable[0].SmoothedLoss, lowest.SmoothedLoss, lowest.LearningRate, report.RangeTestSuggestion);
    }
}
