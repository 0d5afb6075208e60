namespace Sweep.Models.Experiments;

/// <summary>
/// Penalties added to the loss: <c>l1·Σ|w| + l2·Σw²</c> over weights, never biases. Their gradients are
/// <c>l1·sign(w)</c> and <c>2·l2·w</c>.
/// </summary>
public readonly record struct WeightDecay(double L1, double L2)
{
    public static WeightDecay None { get; } = new(0, 0);
}
