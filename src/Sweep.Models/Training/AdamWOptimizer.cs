using System.Numerics.Tensors;

namespace Sweep.Models.Training;

/// <summary>
/// torch.optim.AdamW: the decoupled decay <c>w −= lr·λ·w</c> first, then the Adam step. Unlike PyTorch
/// with a single parameter group, only weights decay, never biases, as for every penalty in Sweep.
/// </summary>
public sealed class AdamWOptimizer : Optimizer
{
    private readonly int weightCount;
    private readonly double decay;
    private readonly AdamOptimizer adam;

    /// <param name="weightCount">How many leading parameters are weights and decay.</param>
    public AdamWOptimizer(
        int parameterCount, int weightCount, double beta1 = 0.9, double beta2 = 0.999, float epsilon = 1e-8f,
        double decay = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weightCount, parameterCount);
        this.weightCount = weightCount;
        this.decay = decay;
        adam = new AdamOptimizer(parameterCount, beta1, beta2, epsilon);
    }

    protected override void Apply(Span<float> parameters, ReadOnlySpan<float> gradients, double learningRate, long step)
    {
        var weights = parameters[..weightCount];
        TensorPrimitives.Multiply(weights, (float)(1 - (learningRate * decay)), weights);
        adam.Step(parameters, gradients, learningRate);
    }

    internal override void ReturnBuffers()
    {
        base.ReturnBuffers();
        adam.ReturnBuffers();
    }
}
