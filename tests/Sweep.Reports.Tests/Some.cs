using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Reports.Tests;

/// <summary>
/// A small coarse-to-fine sweep with a value in every corner the exporters must get right: no validation set,
/// a failed trial without epochs, a rate that is not a short decimal (0.1 + 0.2), exponents and a time past
/// a thousand seconds (where a culture would put a thousands separator).
/// </summary>
internal static class Some
{
    public const double NotShortDecimal = 0.1 + 0.2;

    public static SweepReport Report(string description = "Learning rate × weight decay, coarse to fine") =>
        new("lr-decay", description, "0.1.0", "coarse-to-fine", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), Trials(), "s2-t003", 0.01)
        {
            Story =
            [
                "Stage 1 tried decades around 0.01: 0.001 is slow, 0.30000000000000004 diverges.",
                "Stage 2 narrowed to [0.005, 0.01] (step 0.005); 0.01 converged to 0.0145.",
                "Stopped: stage 2 gained less than 3%.",
            ],
            Ranking = RankingOf(Trials()),
            RangeTest = [new(0, 1e-4, 0.9, 0.9), new(1, 1e-3, 0.7, 0.78), new(2, 1e-2, 0.2, 0.5)],
            Bracket = new LearningRateBracket(
                new RatePoint(0.01, 0.0145, CurveLabel.Good), new RatePoint(0.005, double.NaN, CurveLabel.Good), null, null, null, 0.005, 0.01, GridExtension.Up, "0.01 scores best"),
        };

    /// <summary>
    /// A range-test sweep as the Runner builds its report: one trial without parameters or epochs, the test's
    /// steps (the smoothed loss falls from 1.15 to 1.01 up to rate 0.2, then blows up to 200), and its
    /// suggestion, where the smoothed loss falls fastest, as the chosen rate.
    /// </summary>
    public static SweepReport RangeTestReport() =>
        new("lr-range", "Range test", "0.1.0", "lr-range-test", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
            [new TrialRow("rt-1", 0, 0.001, 0, 0, "32", TrialStatus.Completed, null, 0, null, null, null, 0.24, [], [])], "rt-1", 0.13219411484660287)
        {
            IsRangeTest = true,
            RangeTestSuggestion = 0.13219411484660287,
            Ranking = ["rt-1"],
            Story = ["Suggested learning rate 0.1322: the smoothed loss falls fastest there; the lowest-loss rate / 10 is 0.01995."],
            RangeTest =
            [
                .. Enumerable.Range(0, 61).Select(i =>
                {
                    var rate = Math.Pow(10, -5 + (i / 10.0));
                    var loss = rate < 0.2 ? 1.15 - (0.15 * (i / 47.0)) : 1.0 + (2 * rate * rate);
                    return new RangeTestStep(i, rate, loss, loss);
                }),
            ],
        };

    public static ImmutableArray<TrialRow> Trials() =>
    [
        Trial("s1-t001", 1, 0.001, 0, 1e-4, "32", TrialStatus.Completed, CurveLabel.Slow, 0.5, null, null, 1.25,
            [new(1, 0.9, null, null, 0.001, 3.5, 0.25, 0.5), new(2, 0.7, null, null, 0.001, 3.25, 0.125, 1), new(3, 0.5, null, null, 0.001, 3.125, 0.0625, 1.25)]),
        Trial("s1-t002", 1, NotShortDecimal, 0, 1e-4, "32", TrialStatus.Diverged, CurveLabel.Diverging, 3.1e20, 4.2e21, 0.6, 0.75,
            [new(1, 0.8, 0.6, 0.5, NotShortDecimal, 40, 1e5, 0.5), new(2, 3.1e20, 4.2e21, 0.1, NotShortDecimal, 1e12, 1e18, 0.75)]),
        Trial("s2-t003", 2, 0.01, 1e-5, 0, "full", TrialStatus.Completed, CurveLabel.Good, 0.0123, 0.0145, 0.014, 12345.678,
            [new(1, 0.3, 0.31, 0.875, 0.01, 2, 0.5, 6000), new(2, 0.0123, 0.0145, 0.96875, 0.01, 2.5, 0.015625, 12345.678)]),
        Trial("s2-t004", 2, 0.005, 1e-5, 0, "full", TrialStatus.Failed, null, null, null, null, 0.5, []),
    ];

    /// <summary>The ids from the lowest final loss up, unscored last, as the selector ranks a sweep of one repeat each.</summary>
    public static ImmutableArray<string> RankingOf(IEnumerable<TrialRow> trials) =>
    [
        .. trials
            .OrderBy(t => t.Status == TrialStatus.Completed && t.FinalLoss is { } loss && double.IsFinite(loss) ? loss : double.PositiveInfinity)
            .ThenBy(t => t.LearningRate)
            .Select(t => t.TrialId),
    ];

    private static TrialRow Trial(
        string id, int stage, double rate, double l1, double l2, string batch, TrialStatus status, CurveLabel? label,
        double? finalTrain, double? finalValidation, double? bestValidation, double seconds, ImmutableArray<EpochRecord> epochs) =>
        new(id, stage, rate, l1, l2, batch, status, label, epochs.Length, finalTrain, finalValidation, bestValidation, seconds,
            [new("training.learning_rate", rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)), new("training.batch", batch)],
            epochs);
}
