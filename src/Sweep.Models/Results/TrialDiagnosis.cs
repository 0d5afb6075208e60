using Sweep.Models.Selection;

namespace Sweep.Models.Results;

/// <summary>
/// The label a trial's loss curve was given with the sentence and the numbers that decided it; the reason and
/// measures are null in a store an older sweep wrote, which kept the label alone.
/// </summary>
public sealed record TrialDiagnosis(CurveLabel Label, string? Reason, CurveMeasures? Measures)
{
    public static TrialDiagnosis Of(CurveDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return new TrialDiagnosis(diagnosis.Label, diagnosis.Reason, diagnosis.Measures);
    }

    /// <summary>The label as stored (<c>slow</c>, <c>good</c>, ...); a word that names no label is an error, never a silent "good".</summary>
    public static CurveLabel ParseLabel(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.TryParse<CurveLabel>(text, ignoreCase: true, out var label) && Enum.IsDefined(label) && !int.TryParse(text, out _)
            ? label
            : throw new FormatException($"'{text}' is not a curve label; the store holds slow, oscillating, diverging, good or overfitting.");
    }
}
