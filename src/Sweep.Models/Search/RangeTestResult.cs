using System.Collections.Immutable;

namespace Sweep.Models.Search;

/// <summary>
/// What a learning-rate range test found: every step, the suggested rate (where the smoothed loss
/// falls fastest against log rate; null when it never fell), the rate of the lowest smoothed loss divided by
/// ten, and why the test ended, with a sentence a report can print.
/// </summary>
/// <param name="SteepestSlope">The smoothed loss's slope at the suggestion, per decade of rate (negative).</param>
public sealed record RangeTestResult(
    ImmutableArray<RangeTestStep> Steps,
    double? Suggestion,
    double? SteepestSlope,
    double MinLossRate,
    RangeTestStop StoppedBy,
    string Reason)
{
    /// <summary>The rate of the lowest smoothed loss over ten: the other common rule of thumb.</summary>
    public double MinLossRateOverTen => MinLossRate / 10;
}
