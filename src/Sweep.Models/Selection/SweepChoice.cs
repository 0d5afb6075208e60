using System.Collections.Immutable;
using Sweep.Models.Results;
using Sweep.Models.Search;

namespace Sweep.Models.Selection;

/// <summary>
/// What a stored sweep chose and why, derived once by <see cref="SweepSelector"/> and only rendered by every
/// output: the ranking, the chosen configuration with the trial that stands for it, the metric that chose it,
/// the story, where a finer search should look, the coarse-to-fine search's step and the range test.
/// </summary>
/// <param name="Ranking">Every configuration, best first.</param>
/// <param name="Chosen">The chosen configuration; null when none has a finite score (or a range-test sweep answers).</param>
/// <param name="Metric">How the chosen configuration was measured: <c>final_val_loss</c>, <c>best_train_loss</c>, <c>epochs_to_target</c>, <c>final_accuracy</c>, <c>best_accuracy</c>, ...</param>
/// <param name="Score">The chosen configuration's value of <paramref name="Metric"/>, the mean over its repeats: a loss, an epoch count or an accuracy as the user reads it (the ranking compares lower-is-better scores).</param>
/// <param name="Story">How the value was chosen, one sentence a line; a test stored by lr-find is not part of it.</param>
/// <param name="Recommendation">Over the learning rates tried with the chosen configuration's other values, where a finer search should look.</param>
/// <param name="Search">A coarse-to-fine search's next step over the stored stages: the decision, or the stage still to run.</param>
/// <param name="RangeTest">The version's own range test, else the newest one lr-find stored; null without either.</param>
public sealed record SweepChoice(
    ImmutableArray<Configuration> Ranking,
    Configuration? Chosen,
    string? Metric,
    double? Score,
    ImmutableArray<string> Story,
    GridRecommendation? Recommendation,
    SearchStep? Search,
    RangeTestChoice? RangeTest)
{
    /// <summary>The trial that stands for the choice (the chosen configuration's first repeat).</summary>
    public TrialRecord? Trial => Chosen?.Representative;

    /// <summary>The coarse-to-fine decision, when the search has reached one.</summary>
    public SearchDecision? Decision => Search as SearchDecision;

    /// <summary>
    /// Whether the range test is the answer: it is the sweep (<c>strategy: lr-range-test</c>), or lr-find stored it
    /// and no configuration can be chosen yet.
    /// </summary>
    public bool AnswersByRangeTest => RangeTest is { } test && (!test.Record.ByLrFind || Chosen is null);

    /// <summary>The trial id of the answer: the range test's when it answers, else the chosen trial's.</summary>
    public string? TrialId => AnswersByRangeTest ? RangeTest!.Record.Id : Trial?.Id;

    /// <summary>The learning rate of the answer: the range test's suggestion when it answers, else the chosen trial's rate.</summary>
    public double? LearningRate => AnswersByRangeTest ? RangeTest!.Rate : Trial?.LearningRate;

    /// <summary>Every trial in ranked order: configurations best first, each one's repeats together.</summary>
    public IEnumerable<TrialRecord> RankedTrials => Ranking.SelectMany(c => c.Trials);
}
