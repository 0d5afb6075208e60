namespace Sweep.Models.Experiments;

/// <summary>
/// Settings of the learning-rate range test: the rate grows geometrically from
/// <see cref="Min"/> to <see cref="Max"/> over <see cref="Steps"/> mini-batches; the loss is smoothed with
/// <see cref="Smoothing"/> and the test stops once it exceeds <see cref="StopFactor"/> times its minimum.
/// </summary>
public sealed record RangeTestSettings(double Min, double Max, int Steps, double Smoothing, double StopFactor);
