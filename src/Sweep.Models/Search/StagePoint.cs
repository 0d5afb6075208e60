using Sweep.Models.Selection;

namespace Sweep.Models.Search;

/// <summary>
/// A tried value of a coarse-to-fine search: the stage that proposed it, the value, the metric its trial
/// scored (lower is better; +∞ or NaN when it has none, as for a failed or diverged trial) and its curve's label.
/// </summary>
public readonly record struct StagePoint(int Stage, double Value, double Metric, CurveLabel Label)
{
    public RatePoint ToRatePoint() => new(Value, Metric, Label);
}
