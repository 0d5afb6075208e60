using System.Collections.Immutable;
using Sweep.Models.Search;
using Sweep.Models.Selection;

namespace Sweep.Reports;

/// <summary>
/// Everything a report shows about one sweep, built by the Runner from the store: the experiment, its
/// trials, the pick and the coarse-to-fine story. Exporters only format it.
/// </summary>
/// <param name="Trials">
/// The trials the page and the summary show with their epochs: every trial of a sweep of up to
/// <see cref="ShownTrials"/>; of a larger one, the best <see cref="ShownTrials"/> and the trials the charts need
/// beside them. <see cref="AllTrials"/> gives every trial.
/// </param>
/// <param name="BestTrialId">The picked trial; null when no trial finished with a usable loss.</param>
/// <param name="ChosenLearningRate">The learning rate the sweep recommends; null when there is none.</param>
public sealed record SweepReport(
    string ExperimentName,
    string Description,
    string Version,
    string Strategy,
    DateTimeOffset GeneratedAt,
    ImmutableArray<TrialRow> Trials,
    string? BestTrialId,
    double? ChosenLearningRate)
{
    /// <summary>The most trials a report holds in memory and shows on its page; the files that list every trial read them from <see cref="Source"/>.</summary>
    public const int ShownTrials = 1_000;

    /// <summary>Every trial of the sweep when <see cref="Trials"/> holds only some of them; null when it holds them all.</summary>
    public ITrialSource? Source { get; init; }

    /// <summary>How many trials the sweep has, shown or not.</summary>
    public int TrialCount => Source?.Count ?? Trials.Length;

    /// <summary>Whether <see cref="Trials"/> leaves some of the sweep's trials out (they are all in trials.csv).</summary>
    public bool ShowsSome => TrialCount > Trials.Length;

    /// <summary>Every trial of the sweep with its epochs, one at a time: from <see cref="Source"/> when there is one.</summary>
    public IEnumerable<TrialRow> AllTrials() => Source?.Read() ?? Trials;

    /// <summary>The names of the further metrics any trial's epochs report, in ordinal order: from <see cref="Source"/> when there is one, without reading its trials.</summary>
    public ImmutableArray<string> MetricNames() =>
        [.. (Source?.MetricNames() ?? Trials.SelectMany(t => t.Epochs).SelectMany(e => e.Extra?.Keys ?? Enumerable.Empty<string>()))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>How the rate was chosen, one sentence a line, in order; empty when there is no story to tell.</summary>
    public ImmutableArray<string> Story { get; init; } = [];

    /// <summary>
    /// Where the optimum lies on the rates tried with the best trial's other settings, and the interval a finer
    /// search should fill; null when the rates are not spread on a log scale or fewer than two were tried.
    /// </summary>
    public LearningRateBracket? Bracket { get; init; }

    /// <summary>
    /// The key a coarse-to-fine search tuned when it is not the learning rate (<c>training.weight_decay.l2</c>),
    /// with the value it chose (null until it decides); null for every other sweep. Charts then plot against it.
    /// </summary>
    public SearchTarget? Target { get; init; }

    /// <summary>The learning-rate range test's steps; empty when the sweep ran none.</summary>
    public ImmutableArray<RangeTestStep> RangeTest { get; init; } = [];

    /// <summary>
    /// The rate the range test suggests, where its smoothed loss falls fastest; null without a test or when its
    /// loss never fell. Shown the same way whether the sweep is the test or a grid with a test beside it.
    /// </summary>
    public double? RangeTestSuggestion { get; init; }

    /// <summary>Whether the sweep is a range test and nothing else (<c>strategy: lr-range-test</c>): its charts are the test's alone.</summary>
    public bool IsRangeTest { get; init; }

    /// <summary>Every searched key (dot path) in the experiment's order: a column of every table of trials.</summary>
    public ImmutableArray<string> Parameters { get; init; } = [];

    /// <summary>
    /// The metric that chose the best trial as the choice names it (<c>final_val_loss</c>, <c>final_accuracy</c>,
    /// <c>best_accuracy</c>, ...) with the chosen configuration's value of it; null when nothing was chosen by a metric.
    /// </summary>
    public string? Metric { get; init; }

    /// <summary>The chosen configuration's value of <see cref="Metric"/>: an accuracy as it is, not its share of mistakes.</summary>
    public double? MetricValue { get; init; }

    /// <summary>Whether the best was chosen by an accuracy, higher being better: the charts then plot accuracy.</summary>
    public bool ChosenByAccuracy => Metric is { } metric && metric.EndsWith("accuracy", StringComparison.Ordinal);

    /// <summary>
    /// How the best configuration's metric reads in a sentence, before its loss ("final accuracy 0.978, "); empty
    /// when it was chosen by its loss, which the sentence gives anyway.
    /// </summary>
    public string MetricPhrase() =>
        ChosenByAccuracy && MetricValue is { } value ? $"{Metric!.Replace('_', ' ')} {Exporters.ReportText.Short(value)}, " : string.Empty;

    /// <summary>The trial ids best first, as the sweep's one ranking orders them; trials not in it follow in their order.</summary>
    public ImmutableArray<string> Ranking { get; init; } = [];

    /// <summary>The best trial's row, or null when there is none or its id is not among the trials.</summary>
    public TrialRow? BestTrial => Trials.FirstOrDefault(t => t.TrialId == BestTrialId);

    /// <summary>The trials in <see cref="Ranking"/>'s order.</summary>
    public IEnumerable<TrialRow> Ranked()
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Ranking.Length; i++)
        {
            position.TryAdd(Ranking[i], i);
        }

        return Trials.OrderBy(t => position.GetValueOrDefault(t.TrialId, int.MaxValue));
    }
}
