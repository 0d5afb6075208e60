using System.Collections.Immutable;
using System.Text.Json;
using Sweep.Models.Experiments;
using Sweep.Models.Results;
using Sweep.Models.Search;
using Sweep.Models.Selection;
using Sweep.Storage;

namespace Sweep.Runner.Running;

/// <summary>
/// Where a coarse-to-fine search stands, read from the store alone: every value whose trials (all repeats)
/// have finished, as a point of the stage it was stored with, and the search's next step over those points
/// (the next stage to run, or the decision with its story). Nothing else is kept, so `sweep run` resumes a
/// killed search and `sweep best` and the reports tell its story from the same stored trials.
/// </summary>
/// <remarks>
/// A point's metric is the mean over its repeats; its label is the curve diagnosis against the trials of
/// its own and earlier stages only. Later stages would relabel it (a better sibling turns "good" into
/// "slow"), and then the plan of a stage, replayed on resume, would differ from the one that ran.
/// </remarks>
internal sealed record CoarseToFineHistory(ImmutableArray<StagePoint> Points, SearchStep Step)
{
    public static CoarseToFineHistory Of(IResultStore store, long experimentId, LoadedExperiment experiment, CoarseToFineSearch search)
    {
        var settings = experiment.Definition.Search.CoarseToFine!;
        var epochs = store.ListEpochs(experimentId).ToLookup(e => e.TrialId, e => e.Epoch, StringComparer.Ordinal);
        var trials = Searched(store.ListTrials(experimentId), settings.Target)
            .Select(t => new StoredTrial(t.Trial, t.Value, [.. epochs[t.Trial.Id]]))
            .ToList();
        var labels = Labels(trials, experiment.Definition.Search.Diagnosis);
        var points = trials
            .GroupBy(t => (t.Summary.Stage, t.Value))
            .Where(g => g.All(t => t.Summary.Status.IsFinished()))
            .Select(g => new StagePoint(
                g.Key.Stage,
                g.Key.Value,
                g.Average(t => t.Summary.Status == TrialStatus.Failed ? double.PositiveInfinity : TrialMetric.Of(t.Epochs, t.Summary.Status, settings.Metric, settings.TargetLoss)),
                labels.GetValueOrDefault(g.MinBy(t => t.Summary.Repeat)!.Summary.Id, CurveLabel.Diverging)))
            .OrderBy(p => p.Stage).ThenBy(p => p.Value)
            .ToImmutableArray();
        return new CoarseToFineHistory(points, search.Next(points));
    }

    /// <summary>The plans of the stored trials of every stage, rebuilt from their stage and value, so a summary can describe them all.</summary>
    public static IEnumerable<TrialPlan> StoredPlans(IEnumerable<TrialSummary> stored, LoadedExperiment experiment)
    {
        return Searched(stored, experiment.Definition.Search.CoarseToFine!.Target)
            .GroupBy(t => t.Trial.Stage)
            .SelectMany(g => TrialPlanner.PlanStage(
                experiment,
                new StageProposal(g.Key, StageKind.Fine, [.. g.Select(t => t.Value).Distinct().Order()], [])).Trials);
    }

    /// <summary>The trials of the search's stages with the value each gave the target, its parameters parsed once.</summary>
    public static IEnumerable<(TrialSummary Trial, double Value)> Searched(IEnumerable<TrialSummary> stored, string target) =>
        stored.Where(t => t.Stage > 0)
            .Select(t => (Trial: t, Value: ValueOf(t, target)))
            .Where(t => t.Value is not null)
            .Select(t => (t.Trial, t.Value!.Value));

    /// <summary>Each finished trial's label against the finished trials of its stage and the stages before; failed trials have none.</summary>
    private static Dictionary<string, CurveLabel> Labels(List<StoredTrial> trials, DiagnosisThresholds thresholds)
    {
        var labels = new Dictionary<string, CurveLabel>(StringComparer.Ordinal);
        var diagnosable = trials
            .Where(t => t.Summary.Status is TrialStatus.Completed or TrialStatus.Diverged && !t.Epochs.IsEmpty)
            .Select(t => (t.Summary.Stage, Result: new TrialResult(t.Summary.Id, t.Summary.Status, t.Epochs, null, 0)))
            .ToList();
        foreach (var stage in diagnosable.Select(t => t.Stage).Distinct())
        {
            var sweep = diagnosable.Where(t => t.Stage <= stage).ToList();
            var diagnoses = CurveDiagnosis.OfSweep([.. sweep.Select(t => t.Result)], thresholds);
            for (var i = 0; i < sweep.Count; i++)
            {
                if (sweep[i].Stage == stage)
                {
                    labels[sweep[i].Result.TrialId] = diagnoses[i].Label;
                }
            }
        }

        return labels;
    }

    /// <summary>The value a trial gave the search's target, from its stored parameters; null when it set none.</summary>
    private static double? ValueOf(TrialSummary trial, string target)
    {
        using var parameters = JsonDocument.Parse(trial.ParametersJson);
        return parameters.RootElement.TryGetProperty(target, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
    }

    private sealed record StoredTrial(TrialSummary Summary, double Value, ImmutableArray<EpochRecord> Epochs);
}
