namespace Sweep.Models.Selection;

/// <summary>
/// The numbers <see cref="CurveDiagnosis"/> compares its measures with. Losses are compared relative to a
/// level, so the same thresholds serve a loss of 60 and one of 0.0003.
/// </summary>
/// <param name="TailFraction">The end of training that is judged: the last 20% of epochs by default (at least three epoch-to-epoch steps).</param>
/// <param name="StillFalling">A fall over the tail of at least this share of the tail's first loss (0.5%) means the curve has not flattened.</param>
/// <param name="SteadyShare">A fall is steady when at least this share of the tail's steps (80%) go down.</param>
/// <param name="MaterialStep">An epoch-to-epoch move counts as an up or a down only above this share of the tail's mean loss (0.5%): smaller ones are noise.</param>
/// <param name="MinReversals">This many changes of direction among the material moves of the tail (2) make an oscillation.</param>
/// <param name="Margin">A final loss within this share (1%) above the siblings' best is at the best.</param>
/// <param name="OverfitRise">With a validation set, a validation loss whose mean over the tail lies at least this share (5%) above its lowest mean over as many consecutive epochs before, while the training loss's mean over the same epochs fell by at least <paramref name="StillFalling"/>, is overfitting.</param>
/// <param name="ConvergedShare">A final loss at or below this share of the first loss (1e-6) is converged whatever its slope: at that level float32 rounding is all that moves.</param>
public sealed record DiagnosisThresholds(
    double TailFraction = DiagnosisThresholds.DefaultTailFraction,
    double StillFalling = DiagnosisThresholds.DefaultStillFalling,
    double SteadyShare = DiagnosisThresholds.DefaultSteadyShare,
    double MaterialStep = DiagnosisThresholds.DefaultMaterialStep,
    int MinReversals = DiagnosisThresholds.DefaultMinReversals,
    double Margin = DiagnosisThresholds.DefaultMargin,
    double ConvergedShare = DiagnosisThresholds.DefaultConvergedShare,
    double OverfitRise = DiagnosisThresholds.DefaultOverfitRise)
{
    public const double DefaultTailFraction = 0.2;
    public const double DefaultStillFalling = 0.005;
    public const double DefaultSteadyShare = 0.8;
    public const double DefaultMaterialStep = 0.005;
    public const int DefaultMinReversals = 2;
    public const double DefaultMargin = 0.01;
    public const double DefaultConvergedShare = 1e-6;
    public const double DefaultOverfitRise = 0.05;

    /// <summary>The documented defaults.</summary>
    public static DiagnosisThresholds Default { get; } = new();
}
