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
        var all = trials.ToList();
        return Stream(_ => all, thresholds).ToImmutableDictionary(d => d.TrialId, d => d.Diagnosis, StringComparer.Ordinal);
    }

    /// <summary>
    /// Each diagnosable trial's diagnosis, one at a time, from two reads of the trials: the first, which needs no
    /// epochs (<paramref name="read"/> is given false), finds each stage's best final losses; the second, with
    /// epochs (true), diagnoses. Only one trial's epochs are held at a time, so a sweep of any size is labelled in
    /// bounded memory.
    /// </summary>
    public static IEnumerable<(string TrialId, CurveDiagnosis Diagnosis)> Stream(Func<bool, IEnumerable<TrialRecord>> read, DiagnosisThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(read);
        var bests = StageBests.Of(read(false));
        foreach (var trial in read(true))
        {
            if (trial.Status is TrialStatus.Completed or TrialStatus.Diverged && !trial.Epochs.IsEmpty)
            {
                yield return (trial.Id, CurveDiagnosis.Of(trial.Epochs, trial.Status, bests.BestBesides(trial), thresholds));
            }
        }
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
