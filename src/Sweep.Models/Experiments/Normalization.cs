namespace Sweep.Models.Experiments;

/// <summary>How input features are rescaled before training (statistics from the training split only).</summary>
public enum Normalization
{
    None,
    /// <summary>Zero mean and unit variance per feature.</summary>
    Standard,
    /// <summary>Each feature mapped onto [0, 1].</summary>
    MinMax,
    /// <summary>Every value divided by 255, for 8-bit images.</summary>
    Scale,
}
