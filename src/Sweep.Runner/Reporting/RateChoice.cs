using Sweep.Models.Results;
using Sweep.Models.Selection;
using Sweep.Storage;

namespace Sweep.Runner.Reporting;

/// <summary>
/// The chosen rate of an experiment version: the completed trial with the lowest final loss (validation
/// loss when there is one; ties go to the smaller rate), and, over the rates tried with that trial's other
/// settings, where a finer search should look. Shared by `sweep best` and the reports.
/// </summary>
internal sealed record RateChoice(TrialSummary Best, GridRecommendation? Recommendation)
{
    public static RateChoice? Of(IReadOnlyList<TrialSummary> trials)
    {
        var best = trials.Where(t => t.Status == TrialStatus.Completed && t.FinalLoss is not null)
            .OrderBy(t => t.FinalLoss).ThenBy(t => t.LearningRate).FirstOrDefault();
        return best is null ? null : new RateChoice(best, Recommend(best, trials));
    }

    private static GridRecommendation? Recommend(TrialSummary best, IReadOnlyList<TrialSummary> trials)
    {
        var points = trials
            .Where(t => t.WeightDecayL1 == best.WeightDecayL1 && t.WeightDecayL2 == best.WeightDecayL2 && t.Batch == best.Batch)
            .Where(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged)
            .GroupBy(t => t.LearningRate)
            .Select(g => g.OrderBy(t => t.FinalLoss ?? double.PositiveInfinity).First())
            .Select(t => new RatePoint(
                t.LearningRate,
                t.Status == TrialStatus.Diverged ? double.PositiveInfinity : t.FinalLoss ?? double.PositiveInfinity,
                Enum.TryParse<CurveLabel>(t.Diagnosis, ignoreCase: true, out var label) ? label : CurveLabel.Good))
            .ToList();
        return points.Count >= 2 ? GridRecommendation.Of(points) : null;
    }
}
