using System.Collections.Immutable;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Selection;

namespace Sweep.Models.Comparison;

/// <summary>
/// What one run of an experiment chose: the selector's choice over the trials its version had finished when
/// the run ended (<see cref="SweepRecord.AsOf"/>), reduced to what a comparison with another run reads.
/// </summary>
/// <param name="RunId">The run, as the store numbers runs.</param>
/// <param name="Version">The experiment version the run ran.</param>
/// <param name="Ended">When the run ended; null while it runs (its choice is then the one so far).</param>
/// <param name="ValueName">What the chosen value is a value of: <c>learning rate</c>, or a coarse-to-fine search's other target key.</param>
/// <param name="Value">The chosen value; null when nothing could be chosen (every trial diverged or failed, or none finished).</param>
/// <param name="Metric">How the chosen configuration was scored (<c>final_val_loss</c>, <c>best_train_loss</c>, ...); null without a choice.</param>
/// <param name="Loss">The chosen configuration's score under <paramref name="Metric"/>, lower is better; null without a choice or for a range test.</param>
/// <param name="Diagnosis">The chosen trial's curve label (<c>good</c>, <c>slow</c>, ...); null when not diagnosed.</param>
/// <param name="TrialsRun">Trials of the version that had finished (completed, diverged or failed) when the run ended.</param>
/// <param name="Parameters">Every searched key of the chosen trial with its value.</param>
public sealed record RunChoice(
    long RunId,
    int Version,
    DateTimeOffset? Ended,
    string? TrialId,
    string ValueName,
    double? Value,
    string? Metric,
    double? Loss,
    string? Diagnosis,
    int TrialsRun,
    ImmutableArray<ParameterAssignment> Parameters)
{
    public const string LearningRate = "learning rate";

    /// <summary>The choice of a run of <paramref name="version"/>, from the version's read model as it stood when the run ended (now, while it runs).</summary>
    public static RunChoice Of(long runId, SweepRecord version, DateTimeOffset? ended, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        var sweep = version.AsOf(ended ?? now);
        var choice = SweepSelector.Choose(sweep);
        var target = sweep.Settings.OtherTarget();
        if (choice.AnswersByRangeTest)
        {
            return new RunChoice(
                runId, sweep.Version, ended, choice.TrialId, LearningRate, choice.LearningRate, choice.RangeTest!.Metric, null, null,
                sweep.FinishedTrials, []);
        }

        var trial = choice.Trial;
        return new RunChoice(
            runId,
            sweep.Version,
            ended,
            trial?.Id,
            target ?? LearningRate,
            trial is null ? null : target is null ? trial.LearningRate : choice.Decision?.Value ?? trial.ValueOf(target)?.Number,
            choice.Metric,
            choice.Score is { } score && double.IsFinite(score) ? score : null,
            trial?.Diagnosis is { } diagnosis ? EnumText.Lower(diagnosis.Label) : null,
            sweep.FinishedTrials,
            trial?.Parameters ?? []);
    }
}
