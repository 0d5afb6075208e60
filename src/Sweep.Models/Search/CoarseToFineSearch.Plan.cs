using Sweep.Models.Experiments;
using Sweep.Models.Selection;

namespace Sweep.Models.Search;

/// <summary>The stage planning of <see cref="CoarseToFineSearch"/>: what follows a history of completed stages.</summary>
public sealed partial class CoarseToFineSearch
{
    private StagePlan Plan(List<CompletedStage> history)
    {
        var remaining = settings.Budget - history.Sum(s => s.Points.Count);
        if (history.Count == 0)
        {
            // A budget smaller than the coarse grid keeps the decades nearest the start.
            var coarse = CoarseGrid.Around(Start, settings.Decades, settings.Min, settings.Max)
                .OrderBy(v => Math.Abs(Math.Log(v / Start))).Take(settings.Budget).Order().ToList();
            return new StagePlan(StageKind.Coarse, coarse, null, $"decades around {V(Start)}");
        }

        var bracket = Bracket(history);
        if (remaining <= 0)
        {
            return Stop(SearchStopReason.Budget, $"the budget of {settings.Budget} trials is spent");
        }

        if (history.All(s => s.Kind != StageKind.Fine) && Extension(history, bracket) is { } beyond)
        {
            return new StagePlan(StageKind.Extend, [beyond], null, bracket.Reason);
        }

        if (bracket.Low == bracket.High)
        {
            return Stop(SearchStopReason.Bound, $"{V(bracket.Best.Rate)} sits on the search's bound with nothing beside it to try");
        }

        var best = bracket.Best.Rate;
        var step = FineGrid.Step(bracket.Low, bracket.High, best, settings.Resolution);
        var tried = history.SelectMany(s => s.Points).Select(p => p.Value).ToList();
        var values = FineGrid.Values(bracket.Low, bracket.High, best, step, settings.Resolution, Math.Min(FineGrid.Points, remaining), tried);
        if (values.Count == 0)
        {
            return Stop(SearchStopReason.Resolution, $"no value of {settings.Resolution} significant digits lies between {V(bracket.Low)} and {V(bracket.High)}");
        }

        // A fine stage that found nothing better ends the search only when the best's neighbours promise
        // little too: the parabola through them says whether a gap beside the best is still worth a stage
        // (spiral classifier: 0.15, 0.2, 0.25 all worse than 0.1, but 0.01 .. 0.1 was never tried). A stage
        // whose every point diverged says nothing about the level near the best, only that the bracket is
        // narrower (y = 3x: 0.15, 0.2, 0.25 all diverge above 0.1), so it never ends the search.
        if (history[^1].Kind == StageKind.Fine && history[^1].Points.Any(p => double.IsFinite(p.Metric))
            && Gain(history) is var gain && gain < Tolerance
            && PredictedGain(bracket) is var promised && promised < Tolerance)
        {
            return Stop(SearchStopReason.Tolerance, $"stage {history.Count} improved the best by {Percent(gain)} and its neighbours promise {Percent(promised)}, both less than the tolerance {Percent(Tolerance)}");
        }

        return new StagePlan(StageKind.Fine, values, null, $"{bracket.Reason} (step {V(step)})");
    }

    /// <summary>The value one decade beyond the grid's edge (or the bound, if nearer) while the best sits on that edge.</summary>
    private double? Extension(List<CompletedStage> history, LearningRateBracket bracket)
    {
        var values = history.SelectMany(s => s.Points).Select(p => p.Value).ToList();
        return bracket.Extension switch
        {
            GridExtension.Up when values.Max() < settings.Max => Math.Min(SignificantDigits.Round(values.Max() * 10), settings.Max),
            GridExtension.Down when values.Min() > settings.Min => Math.Max(SignificantDigits.Round(values.Min() / 10), settings.Min),
            _ => null,
        };
    }

    /// <summary>The relative improvement of the best metric made by the last stage (1 when it found the first finite one).</summary>
    private static double Gain(List<CompletedStage> history)
    {
        var before = history.SkipLast(1).SelectMany(s => s.Points).Select(p => p.ToRatePoint().Score).DefaultIfEmpty(double.PositiveInfinity).Min();
        var after = Math.Min(before, history[^1].Points.Select(p => p.ToRatePoint().Score).DefaultIfEmpty(double.PositiveInfinity).Min());
        return double.IsPositiveInfinity(before) ? (double.IsPositiveInfinity(after) ? 0 : 1)
            : before <= 0 ? 0
            : (before - after) / before;
    }

    /// <summary>The relative improvement over the best that the parabola through it and its neighbours predicts (0 when there is none).</summary>
    private static double PredictedGain(LearningRateBracket bracket) =>
        bracket.Predicted is { } predicted && bracket.Best.Score > 0 ? Math.Max(0, (bracket.Best.Score - predicted) / bracket.Best.Score) : 0;

    private LearningRateBracket Bracket(List<CompletedStage> history) =>
        LearningRateBracket.Of([.. history.SelectMany(s => s.Points).Select(p =>
            new RatePoint(p.Value, p.Metric, labelsOrderValues ? p.Label : CurveLabel.Good))], settings.Metric);

    private static StagePlan Stop(SearchStopReason reason, string why) => new(StageKind.Fine, null, reason, why);

    private static string Percent(double share) => V(Math.Round(share * 100, 3)) + "%";
}
