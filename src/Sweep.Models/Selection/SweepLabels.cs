using System.Collections.Immutable;
using Sweep.Models.Results;

namespace Sweep.Models.Selection;

/// <summary>
/// The one rule that labels the trials of a sweep: each completed or diverged trial with epochs is diagnosed
/// against the finished trials of its own stage and the stages before it. Grid, random and range-test trials
/// share stage 0, so they are judged against the whole version; a coarse-to-fine stage is never relabelled by
/// a later one (a better value found later would turn "good" into "slow"), so replaying the stored stages on
/// resume plans the same next stage an unbroken run planned.
/// </summary>
public static class SweepLabels
{
    /// <summary>Each diagnosable trial's diagnosis by trial id; failed trials and trials without epochs have none.</summary>
    public static ImmutableDictionary<string, CurveDiagnosis> Of(IEnumerable<TrialRecord> trials, DiagnosisThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var diagnosable = trials
            .Where(t => t.Status is TrialStatus.Completed or TrialStatus.Diverged && !t.Epochs.IsEmpty)
            .Select(t => (t.Stage, Result: new TrialResult(t.Id, t.Status, t.Epochs, null, t.Seconds ?? 0)))
            .ToList();
        var labels = ImmutableDictionary.CreateBuilder<string, CurveDiagnosis>(StringComparer.Ordinal);
        foreach (var stage in diagnosable.Select(t => t.Stage).Distinct())
        {
            var judged = diagnosable.Where(t => t.Stage <= stage).ToList();
            var diagnoses = CurveDiagnosis.OfSweep([.. judged.Select(t => t.Result)], thresholds);
            for (var i = 0; i < judged.Count; i++)
            {
                if (judged[i].Stage == stage)
                {
                    labels[judged[i].Result.TrialId] = diagnoses[i];
                }
            }
        }

        return labels.ToImmutable();
    }

    /// <summary>
    /// The label a trial counts with in the choice and the story: its stored diagnosis; a trial never diagnosed
    /// counts as good when it completed (it has no curve to judge) and as diverging otherwise.
    /// </summary>
    public static CurveLabel LabelOf(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        return trial.Diagnosis?.Label ?? (trial.Status == TrialStatus.Completed ? CurveLabel.Good : CurveLabel.Diverging);
    }
}
