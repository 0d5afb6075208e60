using System.Globalization;
using Sweep.Models.Results;

namespace Sweep.Models.Selection;

/// <summary>
/// One trial's label with the measured numbers that decided it and a one-sentence reason a report
/// can print beside it.
/// </summary>
/// <remarks>
/// The rules, in order: a diverged status, a NaN/Inf loss or a final loss above the first is
/// <see cref="CurveLabel.Diverging"/>. With a validation set, a validation loss whose mean over the tail
/// has risen above its lowest mean over as many epochs before, while the training loss's mean over the same
/// epochs fell, is <see cref="CurveLabel.Overfitting"/>: the model learns its training set at the held-out
/// set's cost, which no rate cures (stop earlier, or regularise); it would otherwise read as slow (the
/// training loss falls) or oscillating (the validation loss ends above the best). A final loss within the
/// margin of the siblings' best, or at float32's rounding floor, is <see cref="CurveLabel.Good"/>, even if it
/// still falls or wobbles: it is as low as the sweep goes. Above the best, a steady fall over the tail is
/// <see cref="CurveLabel.Slow"/> and material ups and downs are <see cref="CurveLabel.Oscillating"/>. A curve
/// that did neither is judged by where its tail went: still down a little is slow, flat or up is
/// oscillating, since it has settled above what better rates reach. Without siblings there is no best to
/// fall short of, so such a curve is good.
/// </remarks>
public sealed record CurveDiagnosis(CurveLabel Label, CurveMeasures Measures, string Reason)
{
    /// <summary>Diagnoses a finished trial against the best final loss of its siblings (null: none to compare with).</summary>
    public static CurveDiagnosis Of(TrialResult trial, double? siblingsBest, DiagnosisThresholds? thresholds = null) =>
        Of(trial.Epochs, trial.Status, siblingsBest, thresholds);

    /// <summary>Diagnoses one trial's epochs (at least one) and status against the best final loss of its siblings.</summary>
    public static CurveDiagnosis Of(
        IReadOnlyList<EpochRecord> epochs, TrialStatus status, double? siblingsBest, DiagnosisThresholds? thresholds = null)
    {
        var t = thresholds ?? DiagnosisThresholds.Default;
        var m = CurveMeasures.Of(epochs, siblingsBest, t);
        var tail = $"{m.TailSteps} epochs";
        var (label, reason) = m switch
        {
            _ when status == TrialStatus.Diverged => (CurveLabel.Diverging, $"hit the divergence stop at epoch {epochs.Count} (loss {F(m.FinalLoss)})"),
            { AllFinite: false } => (CurveLabel.Diverging, "the loss became NaN or infinite"),
            _ when m.FinalLoss > m.StartLoss => (CurveLabel.Diverging, $"the loss ended at {F(m.FinalLoss)}, above its start {F(m.StartLoss)}"),
            _ when Overfits(m, t) => (CurveLabel.Overfitting, $"over the last {tail} the validation loss averaged {Share(m.ValidationRise!.Value)} above its lowest stretch of as many, while the training loss fell {Share(m.TrainFall!.Value)}; best validation loss {F(m.BestLoss)}"),
            _ when m.FinalLoss <= t.ConvergedShare * m.StartLoss => (CurveLabel.Good, $"converged to {F(m.FinalLoss)}, {F(m.FinalLoss / m.StartLoss)} of its start"),
            { GapToBest: { } gap } when gap <= t.Margin => (CurveLabel.Good, $"ended at {F(m.FinalLoss)}, {Share(Math.Max(gap, 0))} from the best of its sweep{Falling(m, t, tail)}"),
            _ when FallsSteadily(m, t) => (CurveLabel.Slow, $"loss still falling {Share(m.TailFall)} over the last {tail}{Above(m)}"),
            _ when m.Reversals >= t.MinReversals => (CurveLabel.Oscillating, $"loss turned {m.Reversals} times by up to {Share(m.Amplitude)} over the last {tail}{Above(m)}"),
            { GapToBest: null } => (CurveLabel.Good, $"flattened at {F(m.FinalLoss)} ({Share(m.TailFall)} fall over the last {tail})"),
            _ when m.TailFall > 0 => (CurveLabel.Slow, $"loss still creeping down {Share(m.TailFall)} over the last {tail}{Above(m)}"),
            _ => (CurveLabel.Oscillating, $"loss settled at {F(m.FinalLoss)} over the last {tail}{Above(m)}"),
        };
        return new CurveDiagnosis(label, m, reason);
    }

    /// <summary>
    /// Diagnoses every trial of a sweep; a trial's siblings' best is the lowest final loss among the other
    /// completed trials (a diverged trial's low point on its way up is no level a rate can keep).
    /// </summary>
    public static IReadOnlyList<CurveDiagnosis> OfSweep(IReadOnlyList<TrialResult> trials, DiagnosisThresholds? thresholds = null)
    {
        var finals = trials
            .Select(t => t.Status == TrialStatus.Completed && t.FinalLoss is { } loss && double.IsFinite(loss) ? loss : (double?)null)
            .ToList();
        return [.. trials.Select((trial, i) =>
        {
            var siblings = finals.Where((loss, j) => j != i && loss is not null).Select(loss => loss!.Value).ToList();
            return Of(trial, siblings.Count == 0 ? null : siblings.Min(), thresholds);
        })];
    }

    private static bool Overfits(CurveMeasures m, DiagnosisThresholds t) =>
        m is { ValidationRise: { } rise, TrainFall: { } fall } && rise >= t.OverfitRise && fall >= t.StillFalling;

    private static bool FallsSteadily(CurveMeasures m, DiagnosisThresholds t) =>
        m.TailFall >= t.StillFalling && m.FallingShare >= t.SteadyShare;

    private static string Falling(CurveMeasures m, DiagnosisThresholds t, string tail) =>
        FallsSteadily(m, t) ? $", still falling {Share(m.TailFall)} over the last {tail}" : string.Empty;

    private static string Above(CurveMeasures m) =>
        m.GapToBest is { } gap ? $", {Share(gap)} above the best of its sweep" : string.Empty;

    private static string Share(double share) =>
        double.IsPositiveInfinity(share) ? "infinitely" : (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
