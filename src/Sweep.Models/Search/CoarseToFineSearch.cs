using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Selection;

namespace Sweep.Models.Search;

/// <summary>
/// Seed 002's coarse-to-fine procedure as a pure state machine: given every point tried so far it
/// says which values the next stage tries, or which value it picks. It keeps no state, so a killed run
/// resumes by passing the stored points again.
/// </summary>
/// <remarks>
/// Stages: decades around the start (<see cref="CoarseGrid"/>); one more decade while the best sits on the
/// grid's edge inside [min, max]; then fine stages inside the <see cref="LearningRateBracket"/> of all points
/// (<see cref="FineGrid"/> gives the values), until no value at the resolution fits in the bracket, a fine
/// stage with a finite result improves the best metric by less than the tolerance (relative) while a
/// parabola through the best and its neighbours promises less than that too, or the budget is spent.
/// Labels order the bracket only for the learning rate: for another target (weight decay) slow and
/// oscillating say nothing about which side is better, so only the metric decides.
/// </remarks>
public sealed partial class CoarseToFineSearch
{
    private readonly CoarseToFineSettings settings;
    private readonly bool labelsOrderValues;

    public CoarseToFineSearch(CoarseToFineSettings settings, double start)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(start, settings.Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, settings.Max);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Tolerance);
        this.settings = settings;
        Start = start;
        labelsOrderValues = settings.Target == CoarseToFineSettings.DefaultTarget;
    }

    public double Start { get; }

    public double Tolerance => settings.Tolerance;

    /// <summary>
    /// The next step after <paramref name="tried"/>, whose stages must be numbered 1, 2, … as proposed.
    /// A stage with values still missing is proposed again with just those.
    /// </summary>
    public SearchStep Next(IReadOnlyList<StagePoint> tried)
    {
        var stages = tried.Select(p => p.Stage).Distinct().Order().ToList();
        if (stages.Where((stage, i) => stage != i + 1).Any())
        {
            throw new ArgumentException($"Stages must be numbered 1, 2, … without gaps; got {string.Join(", ", stages)}.", nameof(tried));
        }

        var history = new List<CompletedStage>();
        var story = ImmutableArray.CreateBuilder<string>();
        var triedValues = tried.Select(p => p.Value).ToList();
        foreach (var number in stages)
        {
            var plan = Plan(history);
            var points = tried.Where(p => p.Stage == number).OrderBy(p => p.Value).ToList();
            if (number == stages[^1] && plan.Values is { } planned
                && planned.Where(v => !triedValues.Any(t => FineGrid.SameValue(t, v))).ToList() is { Count: > 0 } missing)
            {
                story.Add(Line(number, plan.Kind, plan.Why, $"will try {List(missing)}"));
                return new StageProposal(number, plan.Kind, [.. missing], story.ToImmutable());
            }

            var kind = plan.Values is null ? StageKind.Fine : plan.Kind;
            history.Add(new CompletedStage(number, kind, points));
            story.Add(Line(number, kind, plan.Why, string.Join(", ", points.Select(Describe))));
        }

        var next = Plan(history);
        if (next.Values is { } values)
        {
            var number = history.Count + 1;
            story.Add(Line(number, next.Kind, next.Why, $"will try {List(values)}"));
            return new StageProposal(number, next.Kind, [.. values], story.ToImmutable());
        }

        var best = tried.Select(p => p.ToRatePoint()).Order(Comparer<RatePoint>.Create(RatePoint.CompareBestFirst)).First();
        story.Add($"Best {V(best.Rate)} ({M(best.Metric)}, {EnumText.Lower(best.Label)}) after {tried.Count} trials; stopped: {next.Why}.");
        return new SearchDecision(best.Rate, best.Score, best.Label, next.Stop!.Value, tried.Count, story.ToImmutable());
    }

    private static string Line(int number, StageKind kind, string why, string what) =>
        $"Stage {number} ({EnumText.Lower(kind)}): {why}: {what}.";

    private string Describe(StagePoint p) => $"{V(p.Value)} {EnumText.Lower(p.Label)} ({M(p.Metric)})";

    private static string List(IEnumerable<double> values) => string.Join(", ", values.Select(V));

    private static string V(double value) => ParameterValue.Of(value).Text;

    /// <summary>A point's score shown as the metric's value: the loss, or the accuracy (not the share of mistakes it is ranked by).</summary>
    private string M(double score) => settings.Metric.Text(score);

    private sealed record CompletedStage(int Number, StageKind Kind, List<StagePoint> Points);

    /// <summary>What comes after a history: the next stage's values, or why to stop (<see cref="Values"/> null).</summary>
    private sealed record StagePlan(StageKind Kind, IReadOnlyList<double>? Values, SearchStopReason? Stop, string Why);
}
