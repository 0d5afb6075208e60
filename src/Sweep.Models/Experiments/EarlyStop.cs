namespace Sweep.Models.Experiments;

/// <summary>When a trial ends before its last epoch.</summary>
/// <param name="Divergence">A loss above this factor times the best loss so far (or NaN/Inf) marks the trial diverged; null turns the factor test off (NaN/Inf still stop).</param>
/// <param name="Patience">Stop when the loss has not improved for this many epochs; null never stops early.</param>
public sealed record EarlyStop(double? Divergence, int? Patience)
{
    public static EarlyStop Default { get; } = new(4.0, null);
}
