namespace Sweep.Models.Experiments;

/// <summary>
/// Settings of the coarse-to-fine search: the parameter it tunes, where it starts (null: the
/// optimizer's default rate), the bounds it stays within, the significant digits at which it stops
/// refining, the most trials it may run, the decades on each side of the start in the coarse stage, the
/// metric it ranks by, and the relative gain below which a fine stage ends it.
/// </summary>
public sealed record CoarseToFineSettings(
    string Target,
    double? Start,
    double Min,
    double Max,
    int Resolution,
    int Budget,
    int Decades,
    SelectionMetric Metric,
    double? TargetLoss,
    double Tolerance = CoarseToFineSettings.DefaultTolerance)
{
    public const string DefaultTarget = "training.learning_rate";

    /// <summary>
    /// A fine stage that improves the best metric by less than 1%, beside neighbours that promise less than
    /// 1% too, ends the search: the gap a person would call a tie, and the precision the search aims at.
    /// </summary>
    public const double DefaultTolerance = 0.01;
}
