namespace Sweep.Models.Experiments;

/// <summary>
/// Settings of the coarse-to-fine search (SPEC 5.2): the parameter it tunes, where it starts (null: the
/// optimizer's default rate), the bounds it stays within, the significant digits at which it stops
/// refining, the most trials it may run, and the decades on each side of the start in the coarse stage.
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
    double? TargetLoss)
{
    public const string DefaultTarget = "training.learning_rate";
}
